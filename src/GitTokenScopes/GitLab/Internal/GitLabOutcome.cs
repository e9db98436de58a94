// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.GitLab.Internal;

/// <summary>What a GitLab answer means, before the caller decides what it means for the token.</summary>
internal enum GitLabOutcome
{
    Success,

    /// <summary>401 for an unknown or malformed token: <c>{"message":"401 Unauthorized"}</c>.</summary>
    Unauthorized,

    /// <summary>401 <c>invalid_token</c> "Token is expired…".</summary>
    Expired,

    /// <summary>401 <c>invalid_token</c> "Token was revoked…".</summary>
    Revoked,

    /// <summary>401 <c>invalid_token</c> "Token is an impersonation token but impersonation was disabled."</summary>
    ImpersonationDisabled,

    /// <summary>403 <c>insufficient_scope</c>: the token lacks every scope the endpoint accepts (listed in <c>scope</c>).</summary>
    InsufficientScope,
    RateLimited,

    /// <summary>403 for another reason (role, IP restriction, blocked account).</summary>
    Forbidden,
    NotFound,

    /// <summary>400 "This endpoint requires token type to be a personal access token": an OAuth, job or other non-access token.</summary>
    WrongTokenType,

    /// <summary>400 or 422: the request passed authorization and failed validation.</summary>
    Rejected,
    ServerError,
    Unexpected,
}
