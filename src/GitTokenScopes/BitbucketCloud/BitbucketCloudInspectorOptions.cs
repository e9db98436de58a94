// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.BitbucketCloud;

/// <summary>
/// Options of the Bitbucket Cloud token inspector. <see cref="ProviderInspectorOptions.MaxConcurrentRequests"/>
/// defaults to 8 (at most 64): one request per named repository is sent concurrently, and Bitbucket counts every
/// request against an hourly budget, so keep it modest.
/// </summary>
public sealed class BitbucketCloudInspectorOptions : ProviderInspectorOptions
{
    /// <summary>Initializes a new instance of the <see cref="BitbucketCloudInspectorOptions"/> class with the defaults.</summary>
    public BitbucketCloudInspectorOptions()
        : base(maxConcurrentRequests: 8, maxConcurrentRequestsLimit: 64)
    {
    }
}
