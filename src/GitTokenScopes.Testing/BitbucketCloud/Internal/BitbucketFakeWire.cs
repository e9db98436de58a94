// Licensed under the MIT License. See LICENSE in the repository root.

using System.Security.Cryptography;
using System.Text;
using GitTokenScopes.Testing.Internal;

namespace GitTokenScopes.Testing.BitbucketCloud.Internal;

/// <summary>What both Bitbucket fakes share on the wire: writing answers, reading credentials, fingerprints.</summary>
internal static class BitbucketFakeWire
{
    public static FakeWireResponse ToResponse(BitbucketFakeAnswer answer)
        => new(answer.StatusCode, answer.ContentType, answer.Headers, answer.Body);

    /// <summary>Splits <c>Authorization</c> into its scheme (as sent) and credential; <see langword="null"/> when absent or malformed.</summary>
    public static (string Scheme, string Credential)? Authorization(string? header)
    {
        var value = header?.Trim();
        var space = value?.IndexOf(' ', StringComparison.Ordinal) ?? -1;
        if (value is null || space <= 0 || value[(space + 1)..].Trim().Length == 0)
        {
            return null;
        }

        return (value[..space], value[(space + 1)..].Trim());
    }

    /// <summary>Decodes a Basic credential into user name and secret; <see langword="null"/> when it is not base64 of <c>user:secret</c>.</summary>
    public static (string User, string Secret)? Basic(string credential)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(credential));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon <= 0 ? null : (text[..colon], text[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>A short, stable, non-reversible name for a secret: <c>sha256:</c> and 12 lowercase hex characters.</summary>
    public static string Fingerprint(string secret)
        => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), 0, 6);

    /// <summary>A JSON string literal.</summary>
    public static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value, BitbucketFakeJsonContext.Default.String);

    /// <summary>A JSON array of strings.</summary>
    public static string Array(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Quote)) + "]";
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class BitbucketFakeJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
