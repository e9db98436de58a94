// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.GitLab.Internal;

/// <summary>
/// GitLab's rate-limit headers (PROVIDERS.md §2.5): <c>RateLimit-*</c>, and on a 429 <c>RateLimit-ResetTime</c> and
/// <c>Retry-After</c>. Not every path sends them (gitlab-org/gitlab#365728), so each is optional.
/// </summary>
internal static class GitLabHeaders
{
    /// <summary>Reads the rate-limit headers; <see langword="null"/> when GitLab sent none.</summary>
    public static RateLimitInfo? RateLimit(ProviderAnswer answer, TimeProvider time)
    {
        var limit = answer.Int("RateLimit-Limit");
        var remaining = answer.Int("RateLimit-Remaining");
        var reset = answer.Long("RateLimit-Reset") is { } epoch && epoch > 0
            ? DateTimeOffset.FromUnixTimeSeconds(epoch)
            : answer.Date("RateLimit-ResetTime");
        var retryAfter = answer.RetryAfter(time);
        var name = answer.Header("RateLimit-Name");
        return limit is null && remaining is null && reset is null && retryAfter is null
            ? null
            : new RateLimitInfo(limit, remaining, reset, retryAfter, string.IsNullOrWhiteSpace(name) ? null : name.Trim());
    }
}
