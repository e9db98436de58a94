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

/// <summary>How a probe's answer reads, the same for every provider's probes.</summary>
internal static class ProbeVerdicts
{
    /// <summary>Granted or denied by the probe's table; a write probe's unlisted 2xx is never trusted.</summary>
    public static ProbeVerdict Interpret(ProviderOutcome outcome, ProviderOutcome[] granted, ProviderOutcome[] denied, bool isWrite) => outcome switch
    {
        _ when granted.Contains(outcome) => ProbeVerdict.Granted,
        _ when denied.Contains(outcome) => ProbeVerdict.Denied,
        ProviderOutcome.Success when isWrite => ProbeVerdict.UnexpectedSuccess,
        ProviderOutcome.RateLimited => ProbeVerdict.RateLimited,
        ProviderOutcome.SsoRequired => ProbeVerdict.SsoRequired,
        ProviderOutcome.PolicyForbidden => ProbeVerdict.PolicyForbidden,
        _ => ProbeVerdict.Unknown,
    };
}
