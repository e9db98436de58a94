// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.BitbucketCloud;

/// <summary>Options of the Bitbucket Cloud token inspector.</summary>
public sealed class BitbucketCloudInspectorOptions
{
    /// <summary>Gets or sets how long one request to Bitbucket Cloud may take before it counts as unreachable.</summary>
    /// <value>The default value is 30 seconds. It must be positive and at most 5 minutes.</value>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets how many requests one inspection may have in flight at once (one request per named repository is sent
    /// concurrently). Bitbucket counts every request against an hourly budget, so keep it modest.
    /// </summary>
    /// <value>The default value is 8. It must be between 1 and 64.</value>
    public int MaxConcurrentRequests { get; set; } = 8;

    /// <summary>Gets or sets the product name sent in the <c>User-Agent</c> header.</summary>
    /// <value>The default value is <c>GitTokenScopes</c>.</value>
    public string UserAgentProduct { get; set; } = "GitTokenScopes";
}
