// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.GitHub;

/// <summary>
/// Options of the GitHub token inspector. <see cref="ProviderInspectorOptions.MaxConcurrentRequests"/> defaults to 64
/// (at most 256): fine-grained tokens are probed per repository and permission, concurrently; above the cap, wall time
/// grows with the number of repositories, and far above it GitHub's secondary rate limits (which punish bursts of
/// concurrent requests) become likely. GitHub rejects requests without a <c>User-Agent</c>.
/// </summary>
public sealed class GitHubInspectorOptions : ProviderInspectorOptions
{
    /// <summary>Initializes a new instance of the <see cref="GitHubInspectorOptions"/> class with the defaults.</summary>
    public GitHubInspectorOptions()
        : base(maxConcurrentRequests: 64, maxConcurrentRequestsLimit: 256)
    {
    }
}
