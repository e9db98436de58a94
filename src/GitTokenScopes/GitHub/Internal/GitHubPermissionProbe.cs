// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.GitHub.Internal;

/// <summary>
/// How to learn whether a fine-grained token holds one permission level on a repository without changing anything
/// (PROVIDERS.md §1.4): read levels use GET; write levels send an invalid payload that can only be rejected — a
/// 400/404/422 proves the request passed authorization, a 403 proves it did not.
/// </summary>
internal sealed class GitHubPermissionProbe
{
    // Values no real object has: a missing commit, a hook id beyond any real one, a file name nobody uses.
    private const string NoSuchSha = "0000000000000000000000000000000000000000";
    private const string NoSuchHook = "2147483647";
    private const string NoSuchFile = "gittokenscopes-permission-probe.txt";

    private static readonly ProviderOutcome[] Forbidden = [ProviderOutcome.Forbidden];

    // A 404 from a read endpoint of a repository seen a moment earlier is GitHub hiding what the token may not read.
    private static readonly ProviderOutcome[] ForbiddenOrHidden = [ProviderOutcome.Forbidden, ProviderOutcome.NotFound];

    private static readonly GitHubPermissionProbe[] Table =
    [
        new("contents", "read", HttpMethod.Get, "commits?per_page=1", [ProviderOutcome.Success, ProviderOutcome.Rejected], ForbiddenOrHidden), // 409: empty repository
        new("contents", "write", HttpMethod.Put, $"contents/{NoSuchFile}", [ProviderOutcome.Rejected], Forbidden),
        new("administration", "read", HttpMethod.Get, "actions/permissions", [ProviderOutcome.Success], ForbiddenOrHidden),
        new("administration", "write", HttpMethod.Get, "rulesets/rule-suites?per_page=1", [ProviderOutcome.Success], Forbidden), // trufflehog's heuristic
        new("repository_hooks", "read", HttpMethod.Get, "hooks?per_page=1", [ProviderOutcome.Success], ForbiddenOrHidden),
        new("repository_hooks", "write", HttpMethod.Patch, $"hooks/{NoSuchHook}", [ProviderOutcome.NotFound, ProviderOutcome.Rejected], Forbidden),
        new("statuses", "read", HttpMethod.Get, $"commits/{NoSuchSha}/statuses", [ProviderOutcome.Success, ProviderOutcome.NotFound, ProviderOutcome.Rejected], Forbidden),
        new("statuses", "write", HttpMethod.Post, $"statuses/{NoSuchSha}", [ProviderOutcome.Rejected], Forbidden),
        new("pull_requests", "read", HttpMethod.Get, "pulls?per_page=1", [ProviderOutcome.Success], ForbiddenOrHidden),
        new("pull_requests", "write", HttpMethod.Post, "pulls", [ProviderOutcome.Rejected], Forbidden),
    ];

    private readonly ProviderOutcome[] _granted;
    private readonly ProviderOutcome[] _denied;

    private GitHubPermissionProbe(string permission, string level, HttpMethod method, string path, ProviderOutcome[] granted, ProviderOutcome[] denied)
    {
        Permission = permission;
        Level = level;
        Method = method;
        Path = path;
        _granted = granted;
        _denied = denied;
    }

    public string Permission { get; }

    public string Level { get; }

    public HttpMethod Method { get; }

    /// <summary>Gets the path under <c>repos/{owner}/{repo}/</c>.</summary>
    public string Path { get; }

    /// <summary>Gets a value indicating whether the probe calls a write endpoint (it then sends an empty JSON body).</summary>
    public bool IsWrite => Method != HttpMethod.Get;

    public string Scope => $"{Permission}={Level}";

    /// <summary>Finds the probe for a permission level; <see langword="null"/> when none exists (the level stays undetermined).</summary>
    public static GitHubPermissionProbe? For(string permission, string level)
        => Array.Find(Table, p => p.Permission == permission && p.Level == level);

    public string Endpoint(RepositoryRequest repository)
        => $"{GitHubApiAddress.RepositoryPath(repository)}/{Path}";

    public ProbeVerdict Interpret(ProviderOutcome outcome) => ProbeVerdicts.Interpret(outcome, _granted, _denied, IsWrite);
}
