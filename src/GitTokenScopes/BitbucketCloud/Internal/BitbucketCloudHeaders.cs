// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.BitbucketCloud.Internal;

/// <summary>Parses the Bitbucket Cloud response headers the inspector relies on (PROVIDERS.md §3.2, §3.4).</summary>
internal static class BitbucketCloudHeaders
{
    public const string OAuthScopes = "x-oauth-scopes";
    public const string AcceptedOAuthScopes = "x-accepted-oauth-scopes";
    public const string CredentialType = "x-credential-type";

    /// <summary>
    /// Reads <c>x-oauth-scopes</c>: <see langword="null"/> when absent; otherwise the comma-separated names, each trimmed,
    /// empties dropped. Names are compared whole later on, never as substrings.
    /// </summary>
    public static IReadOnlyList<string>? Scopes(ProviderAnswer answer) => List(answer.Header(OAuthScopes));

    /// <summary>Reads <c>x-accepted-oauth-scopes</c>: the scopes the endpoint accepts; empty when absent.</summary>
    public static IReadOnlyList<string> AcceptedScopes(ProviderAnswer answer) => List(answer.Header(AcceptedOAuthScopes)) ?? [];

    /// <summary>Reads <c>x-credential-type</c>, trimmed and lower-cased; <see langword="null"/> when absent or empty.</summary>
    public static string? Credential(ProviderAnswer answer)
        => answer.Header(CredentialType)?.Trim().ToLowerInvariant() is { Length: > 0 } value ? value : null;

    /// <summary>
    /// Reads what Bitbucket says about its rate limit: <c>X-RateLimit-Limit</c> and <c>X-RateLimit-Resource</c> (sent for
    /// access tokens on scaled endpoints only) and <c>Retry-After</c> (not documented; read if present, never waited for).
    /// </summary>
    public static RateLimitInfo? RateLimit(ProviderAnswer answer)
    {
        var limit = answer.Int("x-ratelimit-limit");
        var retryAfter = answer.RetryAfter(TimeProvider.System);
        var resource = answer.Header("x-ratelimit-resource")?.Trim();
        return limit is null && retryAfter is null && string.IsNullOrEmpty(resource)
            ? null
            : new RateLimitInfo(limit, null, null, retryAfter, string.IsNullOrEmpty(resource) ? null : resource);
    }

    internal static IReadOnlyList<string>? List(string? value)
        => value?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
