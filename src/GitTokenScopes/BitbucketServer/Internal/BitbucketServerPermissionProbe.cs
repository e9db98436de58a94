// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.BitbucketServer.Internal;

/// <summary>
/// How a token's permissions are learnt on a repository without changing anything (PROVIDERS.md §4.2): a read-only
/// request that needs the permission, or for write an invalid payload — 400/409/422 passed authorization, 401/403 did not.
/// </summary>
internal static class BitbucketServerPermissionProbe
{
    /// <summary>A branch with a blank name from a blank start point: Bitbucket can only reject it.</summary>
    internal const string InvalidBranch = """{"name":"","startPoint":""}""";

    private static readonly ProviderOutcome[] NotPermitted = [ProviderOutcome.Unauthorized, ProviderOutcome.Forbidden];

    private static readonly PermissionProbe[] Table =
    [
        new("REPO_WRITE", HttpMethod.Post, r => BitbucketServerApiAddress.RepositoryPath(r) + "/branches", InvalidBranch, [ProviderOutcome.Rejected], NotPermitted),
        new("REPO_ADMIN", HttpMethod.Get, r => BitbucketServerApiAddress.RepositoryPath(r) + "/webhooks?limit=1", null, [ProviderOutcome.Success], NotPermitted),
        new("PROJECT_READ", HttpMethod.Get, BitbucketServerApiAddress.ProjectPath, null, [ProviderOutcome.Success], [.. NotPermitted, ProviderOutcome.NotFound]),
    ];

    /// <summary>Finds the probe for a permission; <see langword="null"/> when none exists (the permission stays undetermined).</summary>
    public static PermissionProbe? For(string permission) => Array.Find(Table, p => p.Scope == permission);
}
