// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Providers.Internal;

/// <summary>What one permission probe showed (GitHub fine-grained tokens, Bitbucket Server).</summary>
internal enum ProbeVerdict
{
    Granted,
    Denied,
    Unknown,
    RateLimited,
    SsoRequired,
    PolicyForbidden,

    /// <summary>A write probe, built so that it cannot succeed, answered 2xx: reported as an error, never trusted.</summary>
    UnexpectedSuccess,
}
