// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.BitbucketServer.Internal;

/// <summary>What a Bitbucket Server answer means, before the caller decides what it means for the credential.</summary>
internal enum BitbucketServerOutcome
{
    Success,
    Unauthorized,
    RateLimited,
    Forbidden,
    NotFound,

    /// <summary>400, 409 or 422: the request passed authorization and failed validation.</summary>
    Rejected,
    ServerError,
    Unexpected,
}
