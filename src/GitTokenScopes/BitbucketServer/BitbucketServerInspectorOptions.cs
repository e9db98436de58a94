// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.BitbucketServer;

/// <summary>Options of the Bitbucket Server and Data Center token inspector.</summary>
public sealed class BitbucketServerInspectorOptions
{
    /// <summary>Gets or sets how long one request to the server may take before it counts as unreachable.</summary>
    /// <value>The default value is 30 seconds. It must be positive and at most 5 minutes.</value>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how many requests one inspection may have in flight at once (repositories and probes are sent concurrently).</summary>
    /// <value>The default value is 8. It must be between 1 and 64.</value>
    public int MaxConcurrentRequests { get; set; } = 8;

    /// <summary>Gets or sets the product name sent in the <c>User-Agent</c> header.</summary>
    /// <value>The default value is <c>GitTokenScopes</c>.</value>
    public string UserAgentProduct { get; set; } = "GitTokenScopes";

    /// <summary>
    /// Gets or sets a value indicating whether the inspector first tries to read the token's own permissions from the
    /// access-token REST resource (<c>rest/access-tokens/1.0/users/{user}/{id}</c>, the id being recoverable from a
    /// <c>BBDC-</c> token). When the instance refuses, or this is off, the permissions are inferred with requests that
    /// cannot change anything.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ReadTokenMetadata { get; set; } = true;
}
