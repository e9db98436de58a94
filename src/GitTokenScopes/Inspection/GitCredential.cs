// Licensed under the MIT License. See LICENSE in the repository root.

using System.Security.Cryptography;
using System.Text;

namespace GitTokenScopes;

/// <summary>
/// A token to inspect, with the provider and server it belongs to. The token is a secret: it is never part of
/// <see cref="ToString"/>, of any result, of any log or of any cache key; <see cref="Fingerprint"/> identifies it instead.
/// </summary>
public sealed class GitCredential
{
    /// <summary>Initializes a new instance of the <see cref="GitCredential"/> class.</summary>
    /// <param name="provider">The provider that issued the token.</param>
    /// <param name="token">The token.</param>
    /// <param name="serverUrl">
    /// The instance's web address for self-hosted providers (for example <c>https://ghe.example.com</c> or
    /// <c>https://example.com/gitlab</c>); the inspector derives the API address from it. <see langword="null"/> for the public cloud.
    /// </param>
    /// <param name="apiUrl">An explicit API address, used verbatim; overrides <paramref name="serverUrl"/>.</param>
    /// <param name="username">The user name, where the provider needs one with the token (Bitbucket).</param>
    /// <exception cref="ArgumentException">
    /// Thrown when <paramref name="token"/> is blank; when the token or the user name holds a control character, inner
    /// whitespace or a non-ASCII character (a CR/LF would inject a header); or when a URL is not absolute or carries user
    /// information, a query or a fragment (a clone URL such as <c>https://oauth2:TOKEN@host/</c> would put a secret where
    /// addresses are logged). The message never repeats the value.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="provider"/> is not a defined value.</exception>
    public GitCredential(GitProvider provider, string token, Uri? serverUrl = null, Uri? apiUrl = null, string? username = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        if (!Enum.IsDefined(provider))
        {
            throw new ArgumentOutOfRangeException(nameof(provider), provider, "Not a defined GitProvider value.");
        }

        RequireHeaderSafe(token.Trim(), "token", nameof(token));
        RequireHeaderSafe(username?.Trim(), "user name", nameof(username));
        RequirePlainAddress(serverUrl, "server URL", nameof(serverUrl));
        RequirePlainAddress(apiUrl, "API URL", nameof(apiUrl));

        Provider = provider;
        Token = token.Trim();
        ServerUrl = serverUrl;
        ApiUrl = apiUrl;
        Username = string.IsNullOrWhiteSpace(username) ? null : username.Trim();
        Fingerprint = FingerprintOf(Token);
        CacheKeyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0', "gts1", provider.ToWireName(), Username ?? string.Empty, Token))));
    }

    /// <summary>Gets the provider that issued the token.</summary>
    public GitProvider Provider { get; }

    /// <summary>Gets the token. Handle it as a secret.</summary>
    public string Token { get; }

    /// <summary>Gets the instance's web address, or <see langword="null"/> for the public cloud.</summary>
    public Uri? ServerUrl { get; }

    /// <summary>Gets the explicit API address, if one was given.</summary>
    public Uri? ApiUrl { get; }

    /// <summary>Gets the user name, if one was given.</summary>
    public string? Username { get; }

    /// <summary>Gets a stable, non-reversible identifier of the token for logs: <c>sha256:</c> and the first 12 hex digits of its SHA-256.</summary>
    public string Fingerprint { get; }

    /// <summary>Computes the fingerprint of a token (see <see cref="Fingerprint"/>).</summary>
    /// <param name="token">The token.</param>
    /// <returns>The fingerprint.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="token"/> is <see langword="null"/>.</exception>
    public static string FingerprintOf(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))[..6]);
    }

    /// <summary>Describes the credential without the token.</summary>
    /// <returns>For example <c>github token sha256:0123456789ab at https://ghe.example.com/</c>.</returns>
    public override string ToString()
    {
        var user = Username is null ? string.Empty : $" for {Username}";
        var where = (ApiUrl ?? ServerUrl) is { } url ? $" at {url}" : string.Empty;
        return $"{Provider.ToWireName()} token {Fingerprint}{user}{where}";
    }

    /// <summary>
    /// The token's identity in cache keys and tags: a SHA-256 over a prefix, provider, user name and token. Every instance
    /// sharing a cache computes it, so its definition must not change.
    /// </summary>
    internal string CacheKeyHash { get; }

    // Tokens and user names travel in a header: printable ASCII without spaces, so nothing can end the header early.
    private static void RequireHeaderSafe(string? value, string what, string parameter)
    {
        if (value is not null && value.Any(c => c is <= ' ' or > '~'))
        {
            throw new ArgumentException($"The {what} must be printable ASCII without whitespace or control characters; check how it was copied (the value is not shown).", parameter);
        }
    }

    private static void RequirePlainAddress(Uri? url, string what, string parameter)
    {
        var problem = url switch
        {
            null => null,
            { IsAbsoluteUri: false } => "must be absolute.",
            { UserInfo.Length: > 0 } => "must not carry user information (user:secret@): give the token and the user name separately.",
            { Query.Length: > 0 } or { Fragment.Length: > 0 } => "must not carry a query or a fragment.",
            _ => null,
        };
        if (problem is not null)
        {
            throw new ArgumentException($"The {what} {problem}", parameter);
        }
    }
}
