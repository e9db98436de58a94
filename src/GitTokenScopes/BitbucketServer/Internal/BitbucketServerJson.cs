// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json;
using System.Text.Json.Serialization;
using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.BitbucketServer.Internal;

/// <summary>Reads the few fields the inspector needs from Bitbucket Server's JSON bodies; a malformed body yields <see langword="null"/>.</summary>
internal static partial class BitbucketServerJson
{
    /// <summary>An access token's entry (<c>rest/access-tokens/1.0/…/{id}</c>): permissions and expiry; <see langword="null"/> without permissions.</summary>
    public static (IReadOnlyList<string> Permissions, DateTimeOffset? ExpiresAt)? AccessToken(string? body)
    {
        if (ProviderAnswer.Read(body, BitbucketServerWireContext.Default.ServerAccessToken) is not { Permissions: { Count: > 0 } permissions } token
            || permissions.Any(p => string.IsNullOrWhiteSpace(p)))
        {
            return null;
        }

        DateTimeOffset? expires = token.ExpiryDate is { ValueKind: JsonValueKind.Number } date && date.TryGetInt64(out var millis)
            ? DateTimeOffset.FromUnixTimeMilliseconds(millis)
            : null;
        return (permissions, expires);
    }

    /// <summary><c>GET projects/{key}/repos/{slug}</c>: the repository's slug, or <see langword="null"/>.</summary>
    public static string? RepositorySlug(string? body) => ProviderAnswer.Read(body, BitbucketServerWireContext.Default.ServerRepository)?.Slug;

    /// <summary>The first message of an error body <c>{"errors":[{"message":…}]}</c>, or <see langword="null"/>.</summary>
    public static string? ErrorMessage(string? body)
        => ProviderAnswer.Read(body, BitbucketServerWireContext.Default.ServerErrors)?.Errors?.FirstOrDefault(e => !string.IsNullOrWhiteSpace(e?.Message))?.Message;

    internal sealed record ServerAccessToken(IReadOnlyList<string>? Permissions, JsonElement? ExpiryDate);

    internal sealed record ServerRepository(string? Slug);

    internal sealed record ServerErrors(IReadOnlyList<ServerError?>? Errors);

    internal sealed record ServerError(string? Message);

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(ServerAccessToken))]
    [JsonSerializable(typeof(ServerRepository))]
    [JsonSerializable(typeof(ServerErrors))]
    private sealed partial class BitbucketServerWireContext : JsonSerializerContext;
}
