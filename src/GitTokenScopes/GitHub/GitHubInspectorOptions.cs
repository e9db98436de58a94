// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.GitHub;

/// <summary>
/// Options of the GitHub token inspector. <see cref="ProviderInspectorOptions.MaxConcurrentRequests"/> defaults to 64
/// (at most 256): fine-grained tokens are probed per repository and permission, and far above the cap GitHub's
/// secondary rate limits (which punish bursts) become likely.
/// </summary>
public sealed class GitHubInspectorOptions : ProviderInspectorOptions
{
    /// <summary>Initializes a new instance of the <see cref="GitHubInspectorOptions"/> class with the defaults.</summary>
    public GitHubInspectorOptions()
        : base(maxConcurrentRequests: 64, maxConcurrentRequestsLimit: 256)
    {
    }
}
