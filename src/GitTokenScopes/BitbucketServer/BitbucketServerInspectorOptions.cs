// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.BitbucketServer;

/// <summary>
/// Options of the Bitbucket Server and Data Center token inspector.
/// <see cref="ProviderInspectorOptions.MaxConcurrentRequests"/> defaults to 8 (at most 64): repositories and probes
/// are sent concurrently.
/// </summary>
public sealed class BitbucketServerInspectorOptions : ProviderInspectorOptions
{
    /// <summary>Initializes a new instance of the <see cref="BitbucketServerInspectorOptions"/> class with the defaults.</summary>
    public BitbucketServerInspectorOptions()
        : base(maxConcurrentRequests: 8, maxConcurrentRequestsLimit: 64)
    {
    }

    /// <summary>
    /// Gets or sets a value indicating whether the inspector first reads the token's own permissions from the
    /// access-token resource (the id comes from a <c>BBDC-</c> token); otherwise, or when refused, they are probed.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ReadTokenMetadata { get; set; } = true;
}
