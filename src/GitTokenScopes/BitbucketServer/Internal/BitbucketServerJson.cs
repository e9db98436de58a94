// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json;
using System.Text.Json.Serialization;
using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.BitbucketServer.Internal;

/// <summary>Reads the few fields the inspector needs from Bitbucket Server's JSON bodies; a malformed body yields <see langword="null"/>.</summary>
internal static class BitbucketServerJson
{
    /// <summary>
    /// An access token (<c>GET rest/access-tokens/1.0/users/{user}/{id}</c>): its permissions and expiry; <see langword="null"/>
    /// when the body is not one or lists no permission.
    /// </summary>
    public static (IReadOnlyList<string> Permissions, DateTimeOffset? ExpiresAt)? AccessToken(string? body)
    {
        if (ProviderAnswer.Read(body, BitbucketServerJsonContext.Default.ServerAccessToken) is not { Permissions: { Count: > 0 } permissions } token
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
    public static string? RepositorySlug(string? body) => ProviderAnswer.Read(body, BitbucketServerJsonContext.Default.ServerRepository)?.Slug;

    /// <summary>The first message of an error body <c>{"errors":[{"context":…,"message":…,"exceptionName":…}]}</c>, or <see langword="null"/>.</summary>
    public static string? ErrorMessage(string? body)
        => ProviderAnswer.Read(body, BitbucketServerJsonContext.Default.ServerErrors)?.Errors?.FirstOrDefault(e => !string.IsNullOrWhiteSpace(e?.Message))?.Message;
}

internal sealed record ServerAccessToken(
    [property: JsonPropertyName("id")] JsonElement? Id,
    [property: JsonPropertyName("permissions")] IReadOnlyList<string>? Permissions,
    [property: JsonPropertyName("expiryDate")] JsonElement? ExpiryDate);

internal sealed record ServerRepository([property: JsonPropertyName("slug")] string? Slug);

internal sealed record ServerErrors([property: JsonPropertyName("errors")] IReadOnlyList<ServerError?>? Errors);

internal sealed record ServerError(
    [property: JsonPropertyName("context")] string? Context,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("exceptionName")] string? ExceptionName);

[JsonSerializable(typeof(ServerAccessToken))]
[JsonSerializable(typeof(ServerRepository))]
[JsonSerializable(typeof(ServerErrors))]
internal sealed partial class BitbucketServerJsonContext : JsonSerializerContext;
