// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Providers.Internal;

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
