// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.BitbucketCloud.Internal;

/// <summary>Parses the Bitbucket Cloud response headers the inspector relies on (PROVIDERS.md §3.2, §3.4).</summary>
internal static class BitbucketCloudHeaders
{
    public const string OAuthScopes = "x-oauth-scopes";

    /// <summary>Reads <c>x-oauth-scopes</c>, comma-separated and trimmed; <see langword="null"/> when absent.</summary>
    public static IReadOnlyList<string>? Scopes(ProviderAnswer answer) => List(answer.Header(OAuthScopes));

    /// <summary>Reads <c>x-accepted-oauth-scopes</c>: the scopes the endpoint accepts; empty when absent.</summary>
    public static IReadOnlyList<string> AcceptedScopes(ProviderAnswer answer) => List(answer.Header("x-accepted-oauth-scopes")) ?? [];

    /// <summary>Reads <c>x-credential-type</c>, trimmed and lower-cased; <see langword="null"/> when absent or empty.</summary>
    public static string? Credential(ProviderAnswer answer)
        => answer.Header("x-credential-type")?.Trim().ToLowerInvariant() is { Length: > 0 } value ? value : null;

    /// <summary>Reads <c>X-RateLimit-Limit</c>/<c>-Resource</c> (access tokens, scaled endpoints) and an undocumented <c>Retry-After</c>.</summary>
    public static RateLimitInfo? RateLimit(ProviderAnswer answer, TimeProvider time)
        => answer.RateLimit(time, "x-ratelimit-limit", null, null, "x-ratelimit-resource");

    private static string[]? List(string? value)
        => value?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
