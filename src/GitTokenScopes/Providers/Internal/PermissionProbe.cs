// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Providers.Internal;

/// <summary>
/// A request that learns whether a token holds one permission on a repository without changing anything: a read that
/// needs the permission, or a write whose payload the provider can only reject. <see cref="Granted"/> and
/// <see cref="Denied"/> list the outcomes that settle it; any other leaves it unknown.
/// </summary>
internal sealed record PermissionProbe(string Scope, HttpMethod Method, Func<RepositoryRequest, string> Endpoint, string? Body, ProviderOutcome[] Granted, ProviderOutcome[] Denied)
{
    public bool IsWrite => Method != HttpMethod.Get;

    /// <summary>Granted or denied by the probe's table; a write probe's unlisted 2xx is never trusted.</summary>
    public ProbeVerdict Interpret(ProviderOutcome outcome) => outcome switch
    {
        _ when Granted.Contains(outcome) => ProbeVerdict.Granted,
        _ when Denied.Contains(outcome) => ProbeVerdict.Denied,
        ProviderOutcome.Success when IsWrite => ProbeVerdict.UnexpectedSuccess,
        ProviderOutcome.RateLimited => ProbeVerdict.RateLimited,
        ProviderOutcome.SsoRequired => ProbeVerdict.SsoRequired,
        ProviderOutcome.PolicyForbidden => ProbeVerdict.PolicyForbidden,
        _ => ProbeVerdict.Unknown,
    };
}

/// <summary>What one permission probe on one repository showed: its verdict, and the answer or why there was none.</summary>
internal readonly record struct ProbeResult(PermissionProbe Probe, ProbeVerdict Verdict, ProviderAnswer? Answer, string? Unreachable);

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
