// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing.GitHub.Internal;

/// <summary>
/// A request matched to an endpoint: the repository it names, the permission level it needs, the scopes GitHub lists in
/// <c>X-Accepted-OAuth-Scopes</c> for it and its documentation page. <c>HEAD</c> matches the <c>GET</c> endpoints.
/// </summary>
internal sealed record GitHubFakeRoute(
    GitHubFakeEndpoint Endpoint,
    string AcceptedScopes,
    string DocumentationUrl,
    string? Owner = null,
    string? Repository = null,
    string? Permission = null,
    GitHubFakeLevel Needed = GitHubFakeLevel.None,
    string? Sha = null,
    string? FilePath = null)
{
    private const string Docs = "https://docs.github.com/rest/";
    private const string Repo = "repo";
    private const string HookReadScopes = "admin:repo_hook, read:repo_hook, repo, write:repo_hook";
    private const string HookWriteScopes = "admin:repo_hook, repo, write:repo_hook";
    private const string StatusScopes = "repo, repo:status";

    public static readonly GitHubFakeRoute Unknown = new(GitHubFakeEndpoint.Unknown, "", GitHubFakeJson.RestDocs);

    /// <summary>Gets a value indicating whether the endpoint is one of the write probes (it would change the repository if the body were valid).</summary>
    public bool IsWriteProbe => Endpoint is GitHubFakeEndpoint.PutContents or GitHubFakeEndpoint.UpdateHook
        or GitHubFakeEndpoint.CreateStatus or GitHubFakeEndpoint.CreatePull;

    /// <summary>Matches a method and an API-relative, URL-decoded path (starting with <c>/</c>).</summary>
    public static GitHubFakeRoute Match(string method, string path)
    {
        var get = string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase) || string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase);
        if (path == "/")
        {
            return get ? new(GitHubFakeEndpoint.Root, "", Docs + "meta/meta#github-api-root") : Unknown;
        }

        var s = path[1..].Split('/');
        if (s is ["user"])
        {
            return get ? new(GitHubFakeEndpoint.User, "", Docs + "users/users#get-the-authenticated-user") : Unknown;
        }

        if (s is ["installation", "repositories"])
        {
            return get ? new(GitHubFakeEndpoint.InstallationRepositories, "", Docs + "apps/installations#list-repositories-accessible-to-the-app-installation") : Unknown;
        }

        if (s.Length < 3 || s[0] != "repos" || s[1].Length == 0 || s[2].Length == 0)
        {
            return Unknown;
        }

        var (owner, repository) = (s[1], s[2]);
        var rest = s[3..];
        var route = (method.ToUpperInvariant(), rest) switch
        {
            ("GET" or "HEAD", []) => new(GitHubFakeEndpoint.Repository, Repo, Docs + "repos/repos#get-a-repository", Permission: "metadata", Needed: GitHubFakeLevel.Read),
            ("GET" or "HEAD", ["commits"]) => new(GitHubFakeEndpoint.ListCommits, Repo, Docs + "commits/commits#list-commits", Permission: "contents", Needed: GitHubFakeLevel.Read),
            ("PUT", ["contents", var first, ..]) when first.Length > 0 => new(GitHubFakeEndpoint.PutContents, Repo, Docs + "repos/contents#create-or-update-file-contents", Permission: "contents", Needed: GitHubFakeLevel.Write, FilePath: string.Join('/', rest[1..])),
            ("GET" or "HEAD", ["actions", "permissions"]) => new(GitHubFakeEndpoint.ActionsPermissions, Repo, Docs + "actions/permissions#get-github-actions-permissions-for-a-repository", Permission: "administration", Needed: GitHubFakeLevel.Read),
            ("GET" or "HEAD", ["rulesets", "rule-suites"]) => new(GitHubFakeEndpoint.RuleSuites, Repo, Docs + "repos/rule-suites#list-repository-rule-suites", Permission: "administration", Needed: GitHubFakeLevel.Write),
            ("GET" or "HEAD", ["hooks"]) => new(GitHubFakeEndpoint.ListHooks, HookReadScopes, Docs + "repos/webhooks#list-repository-webhooks", Permission: "repository_hooks", Needed: GitHubFakeLevel.Read),
            ("PATCH", ["hooks", var id]) when id.Length > 0 => new(GitHubFakeEndpoint.UpdateHook, HookWriteScopes, Docs + "repos/webhooks#update-a-repository-webhook", Permission: "repository_hooks", Needed: GitHubFakeLevel.Write),
            ("GET" or "HEAD", ["commits", var sha, "statuses"]) when sha.Length > 0 => new(GitHubFakeEndpoint.ListStatuses, StatusScopes, Docs + "commits/statuses#list-commit-statuses-for-a-reference", Permission: "statuses", Needed: GitHubFakeLevel.Read, Sha: sha),
            ("POST", ["statuses", var sha]) when sha.Length > 0 => new(GitHubFakeEndpoint.CreateStatus, StatusScopes, Docs + "commits/statuses#create-a-commit-status", Permission: "statuses", Needed: GitHubFakeLevel.Write, Sha: sha),
            ("GET" or "HEAD", ["pulls"]) => new(GitHubFakeEndpoint.ListPulls, Repo, Docs + "pulls/pulls#list-pull-requests", Permission: "pull_requests", Needed: GitHubFakeLevel.Read),
            ("POST", ["pulls"]) => new GitHubFakeRoute(GitHubFakeEndpoint.CreatePull, Repo, Docs + "pulls/pulls#create-a-pull-request", Permission: "pull_requests", Needed: GitHubFakeLevel.Write),
            _ => Unknown,
        };

        // Unknown paths under /repos/{owner}/{repo} keep the owner: organization SSO applies to them too.
        return route with { Owner = owner, Repository = repository };
    }
}
