// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.BitbucketServer.Internal;

/// <summary>What one permission probe showed.</summary>
internal enum BitbucketServerProbeVerdict
{
    Granted,
    Denied,
    Unknown,
    RateLimited,

    /// <summary>A write probe, built so that it cannot succeed, answered 2xx: reported as an error, never trusted.</summary>
    UnexpectedSuccess,
}
