// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing.GitHub.Internal;

/// <summary>
/// Who sees which repository and at which level (the fake's behaviour table). Roles rank read &lt; triage &lt; write
/// &lt; maintain &lt; admin (1 to 5; 0 is no role).
/// </summary>
internal static class GitHubFakeAccess
{
    private const int Read = 1;
    private const int Triage = 2;
    private const int Write = 3;
    private const int Maintain = 4;
    private const int Admin = 5;

    /// <summary>Classic and OAuth tokens carry scopes; the other kinds carry fine-grained permissions.</summary>
    public static bool UsesScopes(FakeGitHubToken token) => token.Kind is FakeGitHubTokenKind.Classic or FakeGitHubTokenKind.OAuth;

    /// <summary>GitHub App tokens (user-to-server and installation) are "integrations" in GitHub's messages.</summary>
    public static bool IsApp(FakeGitHubToken token) => token.Kind is FakeGitHubTokenKind.AppUser or FakeGitHubTokenKind.AppInstallation;

    public static bool HasScope(FakeGitHubToken token, string scope)
        => token.Scopes.Any(s => string.Equals(s?.Trim(), scope, StringComparison.Ordinal));

    public static FakeGitHubGrant? Grant(FakeGitHubToken token, FakeGitHubRepository repository)
        => token.Repositories.TryGetValue(repository.FullName, out var grant) ? grant : null;

    /// <summary>
    /// Public repositories are visible to every token. A private one needs a grant, plus the <c>repo</c> scope for classic
    /// and OAuth tokens; an installation token with <c>all</c> repositories sees every one.
    /// </summary>
    public static bool CanSee(FakeGitHubToken token, FakeGitHubRepository repository)
    {
        if (!repository.Private)
        {
            return true;
        }

        var granted = Grant(token, repository) is not null;
        return token.Kind switch
        {
            FakeGitHubTokenKind.Classic or FakeGitHubTokenKind.OAuth => granted && HasScope(token, "repo"),
            FakeGitHubTokenKind.AppInstallation => granted || string.Equals(token.RepositorySelection?.Trim(), "all", StringComparison.OrdinalIgnoreCase),
            _ => granted,
        };
    }

    /// <summary>The account's role rank on a visible repository: its grant's, else read on a public repository, else none.</summary>
    public static int RoleRank(FakeGitHubToken token, FakeGitHubRepository repository)
        => Grant(token, repository) is { } grant ? Rank(grant.Role) : repository.Private ? 0 : Read;

    /// <summary>The <c>permissions</c> object of <c>GET /repos/{owner}/{repo}</c>, in GitHub's order.</summary>
    public static (bool Admin, bool Maintain, bool Push, bool Triage, bool Pull) RoleFlags(int rank)
        => (rank >= Admin, rank >= Maintain, rank >= Write, rank >= Triage, rank >= Read);

    /// <summary>The token's effective level of one permission on a repository it can see.</summary>
    public static GitHubFakeLevel Effective(FakeGitHubToken token, FakeGitHubRepository repository, string permission, bool implicitPublicRead)
    {
        var publicRead = implicitPublicRead && !repository.Private
            && permission is "contents" or "statuses" or "pull_requests";
        var level = UsesScopes(token) ? FromScopes(token, repository, permission) : FromGrant(token, repository, permission);
        if (permission == "metadata" || publicRead)
        {
            level = Max(level, GitHubFakeLevel.Read);
        }

        return level;
    }

    public static string Name(GitHubFakeLevel level) => level switch
    {
        GitHubFakeLevel.Read => "read",
        GitHubFakeLevel.Write => "write",
        GitHubFakeLevel.Admin => "admin",
        _ => "none",
    };

    private static GitHubFakeLevel FromGrant(FakeGitHubToken token, FakeGitHubRepository repository, string permission)
        => Grant(token, repository) is { } grant && grant.Permissions.TryGetValue(permission, out var level) ? Parse(level) : GitHubFakeLevel.None;

    /// <summary>
    /// Classic and OAuth tokens: <c>repo</c> (or <c>public_repo</c> on a public repository) gives contents, statuses and
    /// pull requests at write with a write role or more, else read; administration at write with the admin role.
    /// Webhooks need the admin role (as GitHub's webhook endpoints do) and <c>repo</c>, <c>admin:repo_hook</c> or
    /// <c>write:repo_hook</c> for write, <c>read:repo_hook</c> for read.
    /// </summary>
    private static GitHubFakeLevel FromScopes(FakeGitHubToken token, FakeGitHubRepository repository, string permission)
    {
        var role = RoleRank(token, repository);
        var repo = HasScope(token, "repo") || (!repository.Private && HasScope(token, "public_repo"));
        return permission switch
        {
            "contents" or "statuses" or "pull_requests" when repo => role >= Write ? GitHubFakeLevel.Write : GitHubFakeLevel.Read,
            "administration" when repo && role >= Admin => GitHubFakeLevel.Write,
            "repository_hooks" when role >= Admin && (repo || HasScope(token, "admin:repo_hook") || HasScope(token, "write:repo_hook")) => GitHubFakeLevel.Write,
            "repository_hooks" when role >= Admin && HasScope(token, "read:repo_hook") => GitHubFakeLevel.Read,
            _ => GitHubFakeLevel.None,
        };
    }

    private static int Rank(string? role) => role?.Trim() switch
    {
        { } r when Is(r, "read") || Is(r, "pull") => Read,
        { } r when Is(r, "triage") => Triage,
        { } r when Is(r, "write") || Is(r, "push") => Write,
        { } r when Is(r, "maintain") => Maintain,
        { } r when Is(r, "admin") => Admin,
        _ => 0,
    };

    private static GitHubFakeLevel Parse(string? level) => level?.Trim() switch
    {
        { } l when Is(l, "read") => GitHubFakeLevel.Read,
        { } l when Is(l, "write") => GitHubFakeLevel.Write,
        { } l when Is(l, "admin") => GitHubFakeLevel.Admin,
        _ => GitHubFakeLevel.None,
    };

    private static bool Is(string value, string expected) => string.Equals(value, expected, StringComparison.OrdinalIgnoreCase);

    private static GitHubFakeLevel Max(GitHubFakeLevel a, GitHubFakeLevel b) => a > b ? a : b;
}
