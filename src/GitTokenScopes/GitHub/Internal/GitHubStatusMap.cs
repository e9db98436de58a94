// Licensed under the MIT License. See LICENSE in the repository root.

using System.Globalization;
using System.Text.RegularExpressions;
using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.GitHub.Internal;

/// <summary>What a GitHub answer means (PROVIDERS.md §1.4, §1.5); rate limits first, as GitHub answers them with 403 too.</summary>
internal static partial class GitHubStatusMap
{
    public static ProviderOutcome Classify(ProviderAnswer answer) => answer.StatusCode switch
    {
        403 when IsRateLimited(answer) => ProviderOutcome.RateLimited,
        403 when GitHubHeaders.SsoRequirement(answer).Required => ProviderOutcome.SsoRequired,
        403 when PolicyRefusal(answer) is not null => ProviderOutcome.PolicyForbidden,
        var status => ProviderStatusMap.Classify(status),
    };

    /// <summary>
    /// An organization's personal-access-token policy refusing the token (403, no SSO header), in GitHub's words:
    /// "`ORG` forbids access via a personal access token (classic). …" or "The 'ORG' organization forbids access via a
    /// fine-grained personal access tokens if the token's lifetime is greater than 90 days. Please adjust your token's
    /// lifetime at the following URL: https://github.com/settings/personal-access-tokens/ID". Returns the organization,
    /// the maximum lifetime in days (<see langword="null"/>: classic tokens forbidden) and GitHub's settings link.
    /// </summary>
    public static (string Organization, int? MaxDays, Uri? SettingsUrl)? PolicyRefusal(ProviderAnswer answer)
        => answer.StatusCode == 403 && answer.ErrorMessage() is { } message && PolicySaid().Match(message) is { Success: true } m
            ? (m.Groups["org"].Value, m.Groups["days"].Success ? int.Parse(m.Groups["days"].ValueSpan, provider: CultureInfo.InvariantCulture) : null,
                Uri.TryCreate(m.Groups["url"].Value, UriKind.Absolute, out var url) ? url : null)
            : null;

    /// <summary>The inspection's message, which <see cref="GitHubGuide"/> reads back for the creation link's expiry.</summary>
    public static string PolicyMessage((string Organization, int? MaxDays, Uri? SettingsUrl) refusal, string what)
        => refusal.MaxDays is { } days
            ? $"The organization '{refusal.Organization}' forbids fine-grained personal access tokens whose lifetime is greater than {days} days (GitHub refused {what} with 403)."
            : $"The organization '{refusal.Organization}' forbids personal access tokens (classic) (GitHub refused {what} with 403): use a fine-grained token or a GitHub App.";

    /// <summary>The lifetime limit named in an inspection message written by <see cref="PolicyMessage"/>.</summary>
    public static int? MaxDaysIn(string? message)
        => message is not null && PolicyLimit().Match(message) is { Success: true } m ? int.Parse(m.Groups[1].ValueSpan, provider: CultureInfo.InvariantCulture) : null;

    /// <summary>Primary limit: remaining is 0. Secondary limit: GitHub's message says so, or it sent Retry-After. 429 always.</summary>
    private static bool IsRateLimited(ProviderAnswer answer)
        => answer.StatusCode == 429
            || answer.Header("x-ratelimit-remaining")?.Trim() == "0"
            || answer.Header("retry-after") is not null
            || (answer.ErrorMessage() is { } message
                && (message.Contains("rate limit", StringComparison.OrdinalIgnoreCase) || message.Contains("abuse", StringComparison.OrdinalIgnoreCase)));

    [GeneratedRegex("""^(?:The )?[`'"]?(?<org>[^`'"\s]+)[`'"]?(?: organization)? forbids access via (?:a personal access tokens? \(classic\)|a fine-grained personal access tokens? if the token's lifetime is greater than (?<days>\d+) days)(?:.*?(?<url>https://\S+/settings/personal-access-tokens/\d+))?""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex PolicySaid();

    [GeneratedRegex(@"lifetime is greater than (\d+) days")]
    private static partial Regex PolicyLimit();
}
