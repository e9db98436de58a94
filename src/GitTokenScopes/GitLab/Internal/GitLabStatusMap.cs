// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.GitLab.Internal;

/// <summary>
/// The one table from a GitLab answer (status code, headers, error body) to its meaning (PROVIDERS.md §2.1, §2.5).
/// Rate limits are recognized first; a 401 is told apart by rack-oauth2's <c>error_description</c>.
/// </summary>
internal static class GitLabStatusMap
{
    public static GitLabOutcome Classify(GitLabAnswer answer)
    {
        var status = answer.StatusCode;
        if (status is >= 200 and <= 299)
        {
            return GitLabOutcome.Success;
        }

        // GitLab throttles with 429 (Rack::Attack and application rate limits); it never uses 403 for that.
        if (status == 429)
        {
            return GitLabOutcome.RateLimited;
        }

        var error = answer.Error;
        return status switch
        {
            401 when IsInvalidToken(error, "expired") => GitLabOutcome.Expired,
            401 when IsInvalidToken(error, "revoked") => GitLabOutcome.Revoked,
            401 when IsInvalidToken(error, "impersonation") => GitLabOutcome.ImpersonationDisabled,
            401 => GitLabOutcome.Unauthorized,
            403 when string.Equals(error?.Code, "insufficient_scope", StringComparison.Ordinal) => GitLabOutcome.InsufficientScope,
            403 => GitLabOutcome.Forbidden,
            404 => GitLabOutcome.NotFound,
            400 when error?.Message?.Contains("token type", StringComparison.OrdinalIgnoreCase) == true
                || error?.Code?.Contains("token type", StringComparison.OrdinalIgnoreCase) == true => GitLabOutcome.WrongTokenType,
            400 or 422 => GitLabOutcome.Rejected,
            >= 500 and <= 599 => GitLabOutcome.ServerError,
            _ => GitLabOutcome.Unexpected,
        };
    }

    /// <summary>rack-oauth2's <c>invalid_token</c> whose description names the reason ("Token is expired…", "Token was revoked…").</summary>
    private static bool IsInvalidToken(GitLabError? error, string word)
        => error is { Code: "invalid_token", Description: { } description }
            && description.Contains(word, StringComparison.OrdinalIgnoreCase);
}
