// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.GitLab.Internal;

/// <summary>
/// The one table from a GitLab answer (status code, headers, error body) to its meaning (PROVIDERS.md §2.1, §2.5); a 401
/// is told apart by rack-oauth2's <c>error_description</c>.
/// </summary>
internal static class GitLabStatusMap
{
    public static ProviderOutcome Classify(ProviderAnswer answer)
    {
        // GitLab throttles with 429 (Rack::Attack and application rate limits), never with 403.
        var status = answer.StatusCode;
        var error = status is 400 or 401 or 403 ? GitLabJson.Error(answer.Body) : null;
        return status switch
        {
            401 when IsInvalidToken(error, "expired") => ProviderOutcome.Expired,
            401 when IsInvalidToken(error, "revoked") => ProviderOutcome.Revoked,
            401 when IsInvalidToken(error, "impersonation") => ProviderOutcome.ImpersonationDisabled,
            403 when string.Equals(error?.Code, "insufficient_scope", StringComparison.Ordinal) => ProviderOutcome.InsufficientScope,
            400 when error?.Message?.Contains("token type", StringComparison.OrdinalIgnoreCase) == true
                || error?.Code?.Contains("token type", StringComparison.OrdinalIgnoreCase) == true => ProviderOutcome.WrongTokenType,
            409 => ProviderOutcome.Unexpected,
            _ => ProviderStatusMap.Classify(status),
        };
    }

    /// <summary>
    /// Reads <c>RateLimit-*</c>, and on a 429 <c>RateLimit-ResetTime</c> and <c>Retry-After</c>; not every path sends them
    /// (gitlab-org/gitlab#365728). <see langword="null"/> when GitLab sent none.
    /// </summary>
    public static RateLimitInfo? RateLimit(ProviderAnswer answer, TimeProvider time)
    {
        var reset = answer.Long("RateLimit-Reset") is { } epoch && epoch > 0 ? DateTimeOffset.FromUnixTimeSeconds(epoch) : answer.Date("RateLimit-ResetTime");
        return answer.RateLimit(time, "RateLimit-Limit", "RateLimit-Remaining", reset, "RateLimit-Name");
    }

    /// <summary>rack-oauth2's <c>invalid_token</c> whose description names the reason ("Token is expired…", "Token was revoked…").</summary>
    private static bool IsInvalidToken(GitLabError? error, string word)
        => error is { Code: "invalid_token", Description: { } description }
            && description.Contains(word, StringComparison.OrdinalIgnoreCase);
}
