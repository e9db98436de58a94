// Licensed under the MIT License. See LICENSE in the repository root.

using System.Globalization;
using System.Text.RegularExpressions;
using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.GitHub.Internal;

/// <summary>Parses the GitHub response headers the inspector relies on (PROVIDERS.md §1.2, §1.4, §1.5).</summary>
internal static partial class GitHubHeaders
{
    public const string OAuthScopes = "X-OAuth-Scopes";
    public const string TokenExpiration = "github-authentication-token-expiration";
    public const string AcceptedPermissionsHeader = "X-Accepted-GitHub-Permissions";
    public const string Sso = "X-GitHub-SSO";

    /// <summary>
    /// Reads <c>X-OAuth-Scopes</c>: <see langword="null"/> when absent; an empty list when present but empty. Split on
    /// commas and trimmed, so "repo, gist", "repo,gist" and " repo ,gist " read alike.
    /// </summary>
    public static IReadOnlyList<string>? Scopes(ProviderAnswer answer)
        => answer.Header(OAuthScopes) is { } value
            ? value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : null;

    /// <summary>
    /// Reads <c>github-authentication-token-expiration</c> in either layout GitHub uses:
    /// <c>2026-12-01 10:00:00 UTC</c> or <c>2026-12-01 03:00:00 -0700</c>.
    /// </summary>
    public static DateTimeOffset? Expiration(ProviderAnswer answer)
    {
        var value = answer.Header(TokenExpiration)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.EndsWith(" UTC", StringComparison.OrdinalIgnoreCase)
            && DateTime.TryParseExact(value[..^4], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var utc))
        {
            return new DateTimeOffset(utc, TimeSpan.Zero);
        }

        var match = OffsetLayout().Match(value);
        if (match.Success
            && DateTime.TryParseExact(match.Groups["time"].Value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            var sign = match.Groups["sign"].Value == "-" ? -1 : 1;
            var offset = new TimeSpan(int.Parse(match.Groups["hh"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["mm"].Value, CultureInfo.InvariantCulture), 0) * sign;
            return new DateTimeOffset(local, offset);
        }

        return null;
    }

    /// <summary>Reads the rate-limit headers; <see langword="null"/> when GitHub sent none (GHES with rate limits off).</summary>
    public static RateLimitInfo? RateLimit(ProviderAnswer answer, TimeProvider time)
    {
        var limit = answer.Int("x-ratelimit-limit");
        var remaining = answer.Int("x-ratelimit-remaining");
        var reset = answer.Long("x-ratelimit-reset") is { } epoch ? DateTimeOffset.FromUnixTimeSeconds(epoch) : (DateTimeOffset?)null;
        var retryAfter = answer.RetryAfter(time);
        var resource = answer.Header("x-ratelimit-resource");
        return limit is null && remaining is null && reset is null && retryAfter is null
            ? null
            : new RateLimitInfo(limit, remaining, reset, retryAfter, string.IsNullOrWhiteSpace(resource) ? null : resource);
    }

    /// <summary>Reads <c>X-GitHub-SSO: required; url=…</c>; returns whether SSO is required and the authorization URL.</summary>
    public static (bool Required, Uri? Url) SsoRequirement(ProviderAnswer answer)
    {
        var value = answer.Header(Sso);
        if (value is null || !value.TrimStart().StartsWith("required", StringComparison.OrdinalIgnoreCase))
        {
            return (false, null);
        }

        foreach (var part in value.Split(';', StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("url=", StringComparison.OrdinalIgnoreCase)
                && Uri.TryCreate(part[4..], UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps)
            {
                return (true, url);
            }
        }

        return (true, null);
    }

    /// <summary>
    /// Reads <c>X-Accepted-GitHub-Permissions</c>: alternative sets separated by <c>;</c>, each a comma-separated list of
    /// <c>name=level</c>; returns the sets, each normalized.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> AcceptedPermissions(ProviderAnswer answer)
        => answer.Header(AcceptedPermissionsHeader) is { } value
            ? value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(set => (IReadOnlyList<string>)set.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(p => p.ToLowerInvariant()).ToArray())
                .Where(set => set.Count > 0)
                .ToArray()
            : [];


    [GeneratedRegex(@"^(?<time>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) (?<sign>[+-])(?<hh>\d{2}):?(?<mm>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetLayout();
}
