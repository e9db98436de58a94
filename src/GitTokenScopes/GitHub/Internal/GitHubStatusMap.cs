// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.GitHub.Internal;

/// <summary>
/// The one table from a GitHub answer (status code and headers) to its meaning (PROVIDERS.md §1.4, §1.5). Rate limits
/// are recognized before "forbidden": GitHub answers both with 403.
/// </summary>
internal static class GitHubStatusMap
{
    public static GitHubOutcome Classify(GitHubAnswer answer)
    {
        var status = answer.StatusCode;
        if (status is >= 200 and <= 299)
        {
            return GitHubOutcome.Success;
        }

        if (status == 401)
        {
            return GitHubOutcome.Unauthorized;
        }

        if (status is 403 or 429 && IsRateLimited(answer))
        {
            return GitHubOutcome.RateLimited;
        }

        return status switch
        {
            403 when GitHubHeaders.SsoRequirement(answer).Required => GitHubOutcome.SsoRequired,
            403 => GitHubOutcome.Forbidden,
            404 => GitHubOutcome.NotFound,
            400 or 409 or 422 => GitHubOutcome.Rejected,
            >= 500 and <= 599 => GitHubOutcome.ServerError,
            _ => GitHubOutcome.Unexpected,
        };
    }

    /// <summary>Primary limit: remaining is 0. Secondary limit: GitHub's message says so, or it sent Retry-After. 429 always.</summary>
    private static bool IsRateLimited(GitHubAnswer answer)
        => answer.StatusCode == 429
            || answer.Header("x-ratelimit-remaining")?.Trim() == "0"
            || answer.Header("retry-after") is not null
            || (answer.ErrorMessage() is { } message
                && (message.Contains("rate limit", StringComparison.OrdinalIgnoreCase) || message.Contains("abuse", StringComparison.OrdinalIgnoreCase)));
}
