// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.GitHub;

/// <summary>Options of the GitHub token inspector.</summary>
public sealed class GitHubInspectorOptions
{
    /// <summary>Gets or sets how long one request to GitHub may take before it counts as unreachable.</summary>
    /// <value>The default value is 30 seconds. It must be positive and at most 5 minutes.</value>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets how many requests one inspection may have in flight at once (fine-grained tokens are probed per
    /// repository and permission, concurrently). Above this, wall time grows with the number of repositories; far above
    /// it, GitHub's secondary rate limits (which punish bursts of concurrent requests) become likely.
    /// </summary>
    /// <value>The default value is 64. It must be between 1 and 256.</value>
    public int MaxConcurrentRequests { get; set; } = 64;

    /// <summary>Gets or sets the product name sent in the <c>User-Agent</c> header (GitHub rejects requests without one).</summary>
    /// <value>The default value is <c>GitTokenScopes</c>.</value>
    public string UserAgentProduct { get; set; } = "GitTokenScopes";
}
