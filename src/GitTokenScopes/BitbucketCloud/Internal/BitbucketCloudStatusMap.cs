// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.BitbucketCloud.Internal;

/// <summary>
/// The one table from a Bitbucket Cloud status code to its meaning, and from a failed call the inspection depends on to
/// the inspection's status (PROVIDERS.md §3.2, §3.4). Bitbucket signals rate limits with 429 only, so a 403 is always
/// a refusal (usually missing scopes, named in the body's <c>error.detail</c>).
/// </summary>
internal static class BitbucketCloudStatusMap
{
    public static BitbucketCloudOutcome Classify(int status) => status switch
    {
        >= 200 and <= 299 => BitbucketCloudOutcome.Success,
        401 => BitbucketCloudOutcome.Unauthorized,
        429 => BitbucketCloudOutcome.RateLimited,
        403 => BitbucketCloudOutcome.Forbidden,
        404 => BitbucketCloudOutcome.NotFound,
        400 or 409 or 422 => BitbucketCloudOutcome.Rejected,
        >= 500 and <= 599 => BitbucketCloudOutcome.ServerError,
        _ => BitbucketCloudOutcome.Unexpected,
    };

    /// <summary>The inspection's status when a call it depends on ends with <paramref name="outcome"/>.</summary>
    public static InspectionStatus StatusOf(BitbucketCloudOutcome outcome) => outcome switch
    {
        BitbucketCloudOutcome.Success => InspectionStatus.Ok,
        BitbucketCloudOutcome.Unauthorized => InspectionStatus.Invalid,
        BitbucketCloudOutcome.RateLimited => InspectionStatus.RateLimited,
        BitbucketCloudOutcome.Forbidden => InspectionStatus.Forbidden,

        // A 5xx is an outage of the provider, like a time-out: nothing was learnt about the credential.
        BitbucketCloudOutcome.ServerError => InspectionStatus.Unreachable,
        _ => InspectionStatus.ProviderError,
    };
}
