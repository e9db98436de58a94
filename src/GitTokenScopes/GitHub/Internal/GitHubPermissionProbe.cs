// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.GitHub.Internal;

/// <summary>
/// How a fine-grained token's permission levels are learnt on a repository without changing anything (PROVIDERS.md
/// §1.4): read levels GET; write levels send an invalid payload (empty JSON) under <c>repos/{owner}/{repo}/</c> — a
/// 400/404/422 passed authorization, a 403 did not.
/// </summary>
internal static class GitHubPermissionProbe
{
    // Values no real object has: a missing commit, a hook id beyond any real one, a file name nobody uses.
    private const string NoSuchSha = "0000000000000000000000000000000000000000";
    private const string NoSuchHook = "2147483647";
    private const string NoSuchFile = "gittokenscopes-permission-probe.txt";

    private static readonly ProviderOutcome[] Forbidden = [ProviderOutcome.Forbidden];

    // A 404 from a read endpoint of a repository seen a moment earlier is GitHub hiding what the token may not read.
    private static readonly ProviderOutcome[] ForbiddenOrHidden = [ProviderOutcome.Forbidden, ProviderOutcome.NotFound];

    private static readonly PermissionProbe[] Table =
    [
        Probe("contents=read", HttpMethod.Get, "commits?per_page=1", [ProviderOutcome.Success, ProviderOutcome.Rejected], ForbiddenOrHidden), // 409: empty repository
        Probe("contents=write", HttpMethod.Put, $"contents/{NoSuchFile}", [ProviderOutcome.Rejected], Forbidden),
        Probe("administration=read", HttpMethod.Get, "actions/permissions", [ProviderOutcome.Success], ForbiddenOrHidden),
        Probe("administration=write", HttpMethod.Get, "rulesets/rule-suites?per_page=1", [ProviderOutcome.Success], Forbidden), // trufflehog's heuristic
        Probe("repository_hooks=read", HttpMethod.Get, "hooks?per_page=1", [ProviderOutcome.Success], ForbiddenOrHidden),
        Probe("repository_hooks=write", HttpMethod.Patch, $"hooks/{NoSuchHook}", [ProviderOutcome.NotFound, ProviderOutcome.Rejected], Forbidden),
        Probe("statuses=read", HttpMethod.Get, $"commits/{NoSuchSha}/statuses", [ProviderOutcome.Success, ProviderOutcome.NotFound, ProviderOutcome.Rejected], Forbidden),
        Probe("statuses=write", HttpMethod.Post, $"statuses/{NoSuchSha}", [ProviderOutcome.Rejected], Forbidden),
        Probe("pull_requests=read", HttpMethod.Get, "pulls?per_page=1", [ProviderOutcome.Success], ForbiddenOrHidden),
        Probe("pull_requests=write", HttpMethod.Post, "pulls", [ProviderOutcome.Rejected], Forbidden),
    ];

    /// <summary>Finds the probe for a permission level; <see langword="null"/> when none exists (the level stays undetermined).</summary>
    public static PermissionProbe? For(string permission, string level) => Array.Find(Table, p => p.Scope == $"{permission}={level}");

    // Write probes send empty JSON: a payload GitHub must reject once the token is authorized.
    private static PermissionProbe Probe(string scope, HttpMethod method, string path, ProviderOutcome[] granted, ProviderOutcome[] denied)
        => new(scope, method, r => $"{GitHubApiAddress.RepositoryPath(r)}/{path}", method == HttpMethod.Get ? null : "{}", granted, denied);
}
