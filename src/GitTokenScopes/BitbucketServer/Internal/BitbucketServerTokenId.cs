// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text;

namespace GitTokenScopes.BitbucketServer.Internal;

/// <summary>
/// Recovers an HTTP access token's id (PROVIDERS.md §4.1): a token is <c>BBDC-</c> followed by base64 of
/// <c>&lt;12-digit id&gt;:&lt;secret&gt;</c>; older tokens are the same base64 without the prefix.
/// </summary>
internal static class BitbucketServerTokenId
{
    public const string Prefix = "BBDC-";

    /// <summary>Returns the token's id, or <see langword="null"/> when the token does not have that shape.</summary>
    public static string? TryRead(string token)
    {
        var encoded = token.StartsWith(Prefix, StringComparison.Ordinal) ? token[Prefix.Length..] : token;
        if (encoded.Length is < 8 or > 512)
        {
            return null;
        }

        var padded = encoded.Replace('-', '+').Replace('_', '/');
        padded = padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '=');
        Span<byte> bytes = stackalloc byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, bytes, out var written))
        {
            return null;
        }

        var decoded = bytes[..written];
        var colon = decoded.IndexOf((byte)':');
        if (colon is < 6 or > 20 || colon == decoded.Length - 1)
        {
            return null;
        }

        return decoded[..colon].ContainsAnyExceptInRange((byte)'0', (byte)'9') ? null : Encoding.ASCII.GetString(decoded[..colon]);
    }
}
