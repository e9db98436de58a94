// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.GitHub.Internal;

/// <summary>What a GitHub answer means, before the caller decides what it means for the token.</summary>
internal enum GitHubOutcome
{
    Success,
    Unauthorized,
    RateLimited,
    SsoRequired,
    Forbidden,
    NotFound,

    /// <summary>400, 409 or 422: the request passed authorization and failed validation.</summary>
    Rejected,
    ServerError,
    Unexpected,
}
