// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Providers.Internal;

/// <summary>What a status code means on its own, on every provider; a provider's own map reads its headers and bodies first.</summary>
internal static class ProviderStatusMap
{
    public static ProviderOutcome Classify(int status) => status switch
    {
        >= 200 and <= 299 => ProviderOutcome.Success,
        401 => ProviderOutcome.Unauthorized,
        429 => ProviderOutcome.RateLimited,
        403 => ProviderOutcome.Forbidden,
        404 => ProviderOutcome.NotFound,
        400 or 409 or 422 => ProviderOutcome.Rejected,
        >= 500 and <= 599 => ProviderOutcome.ServerError,
        _ => ProviderOutcome.Unexpected,
    };

    /// <summary>The inspection's status for a required call's outcome; a 5xx answered, so it is a provider error, not unreachable.</summary>
    public static InspectionStatus StatusOf(ProviderOutcome outcome) => outcome switch
    {
        ProviderOutcome.Success => InspectionStatus.Ok,
        ProviderOutcome.Unauthorized => InspectionStatus.Invalid,
        ProviderOutcome.RateLimited => InspectionStatus.RateLimited,
        ProviderOutcome.Forbidden => InspectionStatus.Forbidden,
        _ => InspectionStatus.ProviderError,
    };

    /// <summary>What an inspection says when a call it depends on was refused, worded alike on every provider.</summary>
    public static string Describe(string provider, ProviderOutcome outcome, string what, int status, string? said, RateLimitInfo? rateLimit)
    {
        var suffix = said is null ? string.Empty : $": {said}";
        return outcome switch
        {
            ProviderOutcome.Unauthorized => $"{provider} rejected the token ({status}{suffix}); it is unknown, expired or revoked.",
            ProviderOutcome.RateLimited => rateLimit switch
            {
                { RetryAfter: { } wait } => $"{provider}'s rate limit was reached; retry after {wait.TotalSeconds:0} s.",
                { ResetAt: { } reset } => $"{provider}'s rate limit was reached; it resets at {reset.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC.",
                _ => $"{provider}'s rate limit was reached.",
            },
            ProviderOutcome.Forbidden => $"{provider} refused {what} ({status}{suffix}).",
            _ when status is >= 500 and <= 599 => $"{provider} answered {what} with a server error ({status}).",
            _ => $"{provider} answered {what} with an unexpected {status}{suffix}.",
        };
    }
}

/// <summary>What a provider's answer means, before the inspector decides what it means for the token. Each provider's status map says which apply.</summary>
internal enum ProviderOutcome
{
    Success,
    Unauthorized,

    /// <summary>GitLab: 401 <c>invalid_token</c> "Token is expired…".</summary>
    Expired,

    /// <summary>GitLab: 401 <c>invalid_token</c> "Token was revoked…".</summary>
    Revoked,

    /// <summary>GitLab: 401 <c>invalid_token</c> "Token is an impersonation token but impersonation was disabled."</summary>
    ImpersonationDisabled,
    RateLimited,

    /// <summary>GitHub: 403 with <c>X-GitHub-SSO: required</c>.</summary>
    SsoRequired,

    /// <summary>GitHub: 403, an organization's token policy (classic tokens or a lifetime) refuses the token.</summary>
    PolicyForbidden,

    /// <summary>GitLab: 403 <c>insufficient_scope</c>, the token lacks every scope the endpoint accepts (listed in <c>scope</c>).</summary>
    InsufficientScope,

    /// <summary>403 for another reason (role, IP restriction, blocked account, missing scope).</summary>
    Forbidden,
    NotFound,

    /// <summary>GitLab: 400 "This endpoint requires token type to be a personal access token".</summary>
    WrongTokenType,

    /// <summary>400, 409 or 422: the request passed authorization and failed validation.</summary>
    Rejected,
    ServerError,
    Unexpected,
}
