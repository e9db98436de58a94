// Licensed under the MIT License. See LICENSE in the repository root.

using System.Globalization;
using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.GitLab.Internal;

/// <summary>
/// Parses GitLab's rate-limit headers (PROVIDERS.md §2.5; GitLab's "User and IP rate limits" docs):
/// <c>RateLimit-Name</c>, <c>RateLimit-Limit</c> (per minute), <c>RateLimit-Observed</c>, <c>RateLimit-Remaining</c>,
/// <c>RateLimit-Reset</c> (Unix time), and on a throttled 429 <c>RateLimit-ResetTime</c> (HTTP date) and
/// <c>Retry-After</c> (seconds). GitLab does not send them on every path (gitlab-org/gitlab#365728), so each is optional.
/// </summary>
internal static class GitLabHeaders
{
    /// <summary>Reads the rate-limit headers; <see langword="null"/> when GitLab sent none.</summary>
    public static RateLimitInfo? RateLimit(ProviderAnswer answer, TimeProvider time)
    {
        var limit = Int(answer.Header("RateLimit-Limit"));
        var remaining = Int(answer.Header("RateLimit-Remaining"));
        var reset = Long(answer.Header("RateLimit-Reset")) is { } epoch && epoch > 0
            ? DateTimeOffset.FromUnixTimeSeconds(epoch)
            : HttpDate(answer.Header("RateLimit-ResetTime"));
        var retryAfter = RetryAfter(answer.Header("Retry-After"), time);
        var name = answer.Header("RateLimit-Name");
        return limit is null && remaining is null && reset is null && retryAfter is null
            ? null
            : new RateLimitInfo(limit, remaining, reset, retryAfter, string.IsNullOrWhiteSpace(name) ? null : name.Trim());
    }

    private static TimeSpan? RetryAfter(string? value, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return HttpDate(value) is { } at
            ? (at - time.GetUtcNow()) is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero
            : null;
    }

    private static DateTimeOffset? HttpDate(string? value)
        => !string.IsNullOrWhiteSpace(value)
            && DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;

    private static int? Int(string? value)
        => int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var result) ? result : null;

    private static long? Long(string? value)
        => long.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var result) ? result : null;
}
