// Licensed under the MIT License. See LICENSE in the repository root.

using System.Globalization;
using System.Text.RegularExpressions;
using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.GitHub.Internal;

/// <summary>Parses the GitHub response headers the inspector relies on (PROVIDERS.md §1.2, §1.4, §1.5).</summary>
internal static partial class GitHubHeaders
{
    /// <summary>Reads <c>X-OAuth-Scopes</c>, split on commas and trimmed: <see langword="null"/> when absent, empty when empty.</summary>
    public static IReadOnlyList<string>? Scopes(ProviderAnswer answer)
        => answer.Header("X-OAuth-Scopes") is { } value
            ? value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : null;

    /// <summary>Reads the token expiration in either layout: <c>2026-12-01 10:00:00 UTC</c> or <c>2026-12-01 03:00:00 -0700</c>.</summary>
    public static DateTimeOffset? Expiration(ProviderAnswer answer)
    {
        var value = answer.Header("github-authentication-token-expiration")?.Trim();
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
        var reset = answer.Long("x-ratelimit-reset") is { } epoch ? DateTimeOffset.FromUnixTimeSeconds(epoch) : (DateTimeOffset?)null;
        return answer.RateLimit(time, "x-ratelimit-limit", "x-ratelimit-remaining", reset, "x-ratelimit-resource");
    }

    /// <summary>Reads <c>X-GitHub-SSO: required; url=…</c>; returns whether SSO is required and the authorization URL.</summary>
    public static (bool Required, Uri? Url) SsoRequirement(ProviderAnswer answer)
    {
        var value = answer.Header("X-GitHub-SSO");
        if (value is null || !value.TrimStart().StartsWith("required", StringComparison.OrdinalIgnoreCase))
        {
            return (false, null);
        }

        var url = value.Split(';', StringSplitOptions.TrimEntries)
            .Where(part => part.StartsWith("url=", StringComparison.OrdinalIgnoreCase))
            .Select(part => Uri.TryCreate(part[4..], UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps ? url : null)
            .FirstOrDefault(url => url is not null);
        return (true, url);
    }

    /// <summary>Reads <c>X-Accepted-GitHub-Permissions</c>: <c>;</c>-separated alternatives of comma-separated <c>name=level</c>, lower-cased.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> AcceptedPermissions(ProviderAnswer answer)
        => answer.Header("X-Accepted-GitHub-Permissions") is { } value
            ? value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(set => (IReadOnlyList<string>)set.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(p => p.ToLowerInvariant()).ToArray())
                .Where(set => set.Count > 0)
                .ToArray()
            : [];

    [GeneratedRegex(@"^(?<time>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) (?<sign>[+-])(?<hh>\d{2}):?(?<mm>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetLayout();
}
