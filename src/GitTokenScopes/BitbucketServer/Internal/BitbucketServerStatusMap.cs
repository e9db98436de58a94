// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.BitbucketServer.Internal;

/// <summary>
/// The one table from a Bitbucket Server answer's status code to its meaning, and from a failed call the inspection
/// depends on to the inspection's status (PROVIDERS.md §4.2, §4.3): 401 invalid, 403 forbidden, 429 rate limited,
/// 5xx unreachable. On a probe, after the token was accepted, 401 and 403 both mean "not permitted".
/// </summary>
internal static class BitbucketServerStatusMap
{
    public static BitbucketServerOutcome Classify(int status) => status switch
    {
        >= 200 and <= 299 => BitbucketServerOutcome.Success,
        401 => BitbucketServerOutcome.Unauthorized,
        429 => BitbucketServerOutcome.RateLimited,
        403 => BitbucketServerOutcome.Forbidden,
        404 => BitbucketServerOutcome.NotFound,
        400 or 409 or 422 => BitbucketServerOutcome.Rejected,
        >= 500 and <= 599 => BitbucketServerOutcome.ServerError,
        _ => BitbucketServerOutcome.Unexpected,
    };

    /// <summary>The inspection's status when a call it depends on ends with <paramref name="outcome"/>.</summary>
    public static InspectionStatus StatusOf(BitbucketServerOutcome outcome) => outcome switch
    {
        BitbucketServerOutcome.Success => InspectionStatus.Ok,
        BitbucketServerOutcome.Unauthorized => InspectionStatus.Invalid,
        BitbucketServerOutcome.RateLimited => InspectionStatus.RateLimited,
        BitbucketServerOutcome.Forbidden => InspectionStatus.Forbidden,
        BitbucketServerOutcome.ServerError => InspectionStatus.Unreachable,
        _ => InspectionStatus.ProviderError,
    };
}
