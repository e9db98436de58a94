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
    /// repository and permission, concurrently).
    /// </summary>
    /// <value>The default value is 16. It must be between 1 and 256.</value>
    public int MaxConcurrentRequests { get; set; } = 16;

    /// <summary>Gets or sets the product name sent in the <c>User-Agent</c> header (GitHub rejects requests without one).</summary>
    /// <value>The default value is <c>GitTokenScopes</c>.</value>
    public string UserAgentProduct { get; set; } = "GitTokenScopes";
}
