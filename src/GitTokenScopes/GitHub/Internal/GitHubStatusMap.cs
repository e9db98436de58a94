// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.GitHub.Internal;

/// <summary>What a GitHub answer means (PROVIDERS.md §1.4, §1.5); rate limits first, as GitHub answers them with 403 too.</summary>
internal static class GitHubStatusMap
{
    public static ProviderOutcome Classify(ProviderAnswer answer) => answer.StatusCode switch
    {
        403 when IsRateLimited(answer) => ProviderOutcome.RateLimited,
        403 when GitHubHeaders.SsoRequirement(answer).Required => ProviderOutcome.SsoRequired,
        403 when GitHubPolicy.Refusal(answer) is not null => ProviderOutcome.PolicyForbidden,
        var status => ProviderStatusMap.Classify(status),
    };

    /// <summary>Primary limit: remaining is 0. Secondary limit: GitHub's message says so, or it sent Retry-After. 429 always.</summary>
    private static bool IsRateLimited(ProviderAnswer answer)
        => answer.StatusCode == 429
            || answer.Header("x-ratelimit-remaining")?.Trim() == "0"
            || answer.Header("retry-after") is not null
            || (answer.ErrorMessage() is { } message
                && (message.Contains("rate limit", StringComparison.OrdinalIgnoreCase) || message.Contains("abuse", StringComparison.OrdinalIgnoreCase)));
}
