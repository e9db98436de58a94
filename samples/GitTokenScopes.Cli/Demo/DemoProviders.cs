// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;

namespace GitTokenScopes.Cli.Demo;

/// <summary>
/// The fake GitHub, GitLab and Bitbucket Cloud servers from <c>GitTokenScopes.Testing</c>, started in-process on
/// 127.0.0.1 with a handful of realistic tokens registered. Nothing leaves the machine.
/// </summary>
internal sealed class DemoProviders : IDisposable
{
    /// <summary>The shared configuration repository every scenario names (the seed asks for read and write on it).</summary>
    public const string ConfigRepository = "acme/gitops-config";

    private readonly FakeGitHubServer _github;
    private readonly FakeGitLabServer _gitlab;
    private readonly FakeBitbucketCloudServer _bitbucket;

    private DemoProviders()
    {
        _github = FakeGitHubServer.Start();
        _gitlab = FakeGitLabServer.Start();
        _bitbucket = FakeBitbucketCloudServer.Start();
        _github.AddRepository(new FakeGitHubRepository { FullName = ConfigRepository, Private = true });
        _gitlab.AddProject(new FakeGitLabProject { PathWithNamespace = ConfigRepository });
        _bitbucket.AddRepository(new FakeBitbucketCloudRepository { FullName = ConfigRepository });
        Scenarios = [GoodRuntimeToken(), UserTokenMissingAScope(), FineGrainedToken(), ExpiredGitLabToken(), BitbucketAppPassword(), RateLimitedToken()];
    }

    /// <summary>Gets the scenarios, in the order the demo shows them.</summary>
    public IReadOnlyList<DemoScenario> Scenarios { get; }

    /// <summary>Gets every token value registered, so the tests can prove none is ever printed.</summary>
    public IReadOnlyList<string> Secrets => [.. Scenarios.Select(s => s.Request.Credential.Token)];

    /// <summary>Starts the fake providers and registers the demo's tokens.</summary>
    public static DemoProviders Start() => new();

    /// <inheritdoc/>
    public void Dispose()
    {
        _github.Dispose();
        _gitlab.Dispose();
        _bitbucket.Dispose();
    }

    private static RepositoryRequest[] Config => [new RepositoryRequest(ConfigRepository)];

    private DemoScenario GoodRuntimeToken()
    {
        var token = FakeGitHubToken.Classic("repo", "admin:repo_hook");
        token.Login = "acme-gitops-bot";
        token.ExpiresAt = DateTimeOffset.UtcNow.AddDays(90);
        _github.AddToken(token.WithRepository(ConfigRepository, new FakeGitHubGrant { Role = "admin" }));
        return new(
            "GitHub Runtime token (classic)",
            "A service account's classic token with repo and admin:repo_hook, admin on the shared configuration repository.",
            new TokenValidationRequest(GitHub(token.Value), TokenKind.Runtime, "production", Config),
            ValidationVerdict.Pass);
    }

    private DemoScenario UserTokenMissingAScope()
    {
        var token = FakeGitHubToken.Classic("public_repo", "read:org");
        token.Login = "jane";
        _github.AddToken(token);
        return new(
            "GitHub User token missing a scope",
            "A user's classic token with public_repo only: Codefresh needs repo to read and write private repositories.",
            new TokenValidationRequest(GitHub(token.Value), TokenKind.User, "production"),
            ValidationVerdict.Fail);
    }

    private DemoScenario FineGrainedToken()
    {
        // Fine-grained permissions cannot be listed; the inspector probes them on the named repository, read-only.
        var token = FakeGitHubToken.FineGrained().WithRepository(
            ConfigRepository,
            FakeGitHubGrant.WithPermissions(("contents", "read"), ("metadata", "read")));
        token.Login = "sam";
        _github.AddToken(token);
        return new(
            "GitHub fine-grained User token, checked on a repository",
            $"Probed on {ConfigRepository}: it can read contents but not write them, which a User token needs.",
            new TokenValidationRequest(GitHub(token.Value), TokenKind.User, "production", Config),
            ValidationVerdict.Fail);
    }

    private DemoScenario ExpiredGitLabToken()
    {
        var token = FakeGitLabToken.Personal("read_api", "read_repository");
        token.ExpiresAt = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3));
        _gitlab.AddToken(token);
        return new(
            "GitLab Runtime token, expired",
            "The right scopes, but it expired three days ago: GitLab refuses it, so no scope counts.",
            new TokenValidationRequest(new GitCredential(GitProvider.GitLab, token.Value, serverUrl: _gitlab.Url), TokenKind.Runtime, "production"),
            ValidationVerdict.Fail);
    }

    private DemoScenario BitbucketAppPassword()
    {
        var password = _bitbucket.AddCredential(FakeBitbucketCloudCredential
            .AppPassword("acme-bot", "account", "team", "webhook", "repository:write", "repository:admin")
            .WithRepository(ConfigRepository, "admin"));
        password.AccountUsername = "acme-bot";
        return new(
            "Bitbucket Cloud app password",
            "Every scope the seed asks for; it passes, with a warning that Atlassian removed app passwords on 2026-07-28.",
            new TokenValidationRequest(
                new GitCredential(GitProvider.BitbucketCloud, password.Secret, apiUrl: _bitbucket.ApiUrl, username: password.Username),
                TokenKind.Runtime,
                "production",
                Config),
            ValidationVerdict.Pass);
    }

    private DemoScenario RateLimitedToken()
    {
        var token = FakeGitHubToken.Classic("repo", "admin:repo_hook");
        token.RateLimit = new FakeGitHubRateLimit { Remaining = 0, ResetAt = DateTimeOffset.UtcNow.AddMinutes(17) };
        _github.AddToken(token);
        return new(
            "GitHub call rate-limited",
            "GitHub answers with its rate limit: the verdict is indeterminate, never a missing scope.",
            new TokenValidationRequest(GitHub(token.Value), TokenKind.Runtime, "production"),
            ValidationVerdict.Indeterminate);
    }

    private GitCredential GitHub(string token) => new(GitProvider.GitHub, token, apiUrl: _github.ApiUrl);
}
