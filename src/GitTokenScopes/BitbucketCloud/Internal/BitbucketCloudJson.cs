// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json;
using System.Text.Json.Serialization;
using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.BitbucketCloud.Internal;

/// <summary>Reads the few fields the inspector needs from Bitbucket Cloud's JSON bodies; a malformed body yields <see langword="null"/>.</summary>
internal static class BitbucketCloudJson
{
    /// <summary>
    /// <c>GET /2.0/user</c>: the account; <see langword="null"/> when the body is not a user. <c>type: "app_user"</c> is a
    /// bot; <c>"user"</c> tells nothing, since a dedicated service user is an ordinary account to the API.
    /// </summary>
    public static AccountInfo? Account(string? body)
        => ProviderAnswer.Read(body, BitbucketCloudJsonContext.Default.CloudUser) is { } user && (user.Username ?? user.Nickname ?? user.DisplayName) is { Length: > 0 } login
            ? new AccountInfo(login, user.Type, string.Equals(user.Type, "app_user", StringComparison.OrdinalIgnoreCase) ? true : null)
            : null;

    /// <summary>A paginated listing (<c>{"values":[…]}</c>): the items, or <see langword="null"/> when the body is not one.</summary>
    public static IReadOnlyList<CloudListItem>? Listing(string? body)
        => ProviderAnswer.Read(body, BitbucketCloudJsonContext.Default.CloudListing)?.Values;

    /// <summary><c>GET /2.0/repositories/{w}/{r}</c>: the repository's full name, or <see langword="null"/>.</summary>
    public static string? RepositoryName(string? body)
        => ProviderAnswer.Read(body, BitbucketCloudJsonContext.Default.CloudRepository)?.FullName;

    /// <summary>
    /// An error body <c>{"type":"error","error":{"message":…,"detail":{"required":[…],"granted":[…]}}}</c>: the message and,
    /// where present, the required and granted scopes. The <c>detail</c> may also be plain text; 401 bodies are plain text.
    /// </summary>
    public static (string? Message, IReadOnlyList<string>? Required, IReadOnlyList<string>? Granted) Error(string? body)
    {
        var error = ProviderAnswer.Read(body, BitbucketCloudJsonContext.Default.CloudErrorBody)?.Error;
        if (error is null)
        {
            return (PlainText(body), null, null);
        }

        IReadOnlyList<string>? required = null, granted = null;
        if (error.Detail is { ValueKind: JsonValueKind.Object } detail)
        {
            required = Strings(detail, "required");
            granted = Strings(detail, "granted");
        }

        return (error.Message, required, granted);
    }

    /// <summary>The first line of a plain-text body, shortened; never a JSON or HTML document.</summary>
    private static string? PlainText(string? body)
    {
        var text = body?.Trim();
        if (string.IsNullOrEmpty(text) || text[0] is '{' or '[' or '<')
        {
            return null;
        }

        var line = text.Split('\n', 2)[0].Trim();
        return line.Length > 160 ? line[..160] + "…" : line;
    }

    private static string[]? Strings(JsonElement element, string name)
        => element.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray()
            : null;
}

internal sealed record CloudUser(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("nickname")] string? Nickname,
    [property: JsonPropertyName("display_name")] string? DisplayName);

internal sealed record CloudListing([property: JsonPropertyName("values")] IReadOnlyList<CloudListItem>? Values);

internal sealed record CloudListItem(
    [property: JsonPropertyName("permission")] string? Permission,
    [property: JsonPropertyName("full_name")] string? FullName,
    [property: JsonPropertyName("repository")] CloudRepository? Repository);

internal sealed record CloudRepository([property: JsonPropertyName("full_name")] string? FullName);

internal sealed record CloudErrorBody([property: JsonPropertyName("error")] CloudError? Error);

internal sealed record CloudError(
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("detail")] JsonElement? Detail);

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(CloudUser))]
[JsonSerializable(typeof(CloudListing))]
[JsonSerializable(typeof(CloudRepository))]
[JsonSerializable(typeof(CloudErrorBody))]
internal sealed partial class BitbucketCloudJsonContext : JsonSerializerContext;
