// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json;
using System.Text.Json.Serialization;
using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.BitbucketCloud.Internal;

/// <summary>Reads the few fields the inspector needs from Bitbucket Cloud's JSON bodies; a malformed body yields <see langword="null"/>.</summary>
internal static partial class BitbucketCloudJson
{
    /// <summary><c>GET /2.0/user</c>: the account. <c>app_user</c> is a bot; <c>user</c> tells nothing (service users are ordinary).</summary>
    public static AccountInfo? Account(string? body)
        => ProviderAnswer.Read(body, BitbucketCloudWireContext.Default.CloudUser) is { } user && (user.Username ?? user.Nickname ?? user.DisplayName) is { Length: > 0 } login
            ? new AccountInfo(login, user.Type, string.Equals(user.Type, "app_user", StringComparison.OrdinalIgnoreCase) ? true : null)
            : null;

    /// <summary>A paginated listing (<c>{"values":[…]}</c>): the items, or <see langword="null"/> when the body is not one.</summary>
    public static IReadOnlyList<CloudListItem>? Listing(string? body)
        => ProviderAnswer.Read(body, BitbucketCloudWireContext.Default.CloudListing)?.Values;

    /// <summary><c>GET /2.0/repositories/{w}/{r}</c>: the repository's full name, or <see langword="null"/>.</summary>
    public static string? RepositoryName(string? body)
        => ProviderAnswer.Read(body, BitbucketCloudWireContext.Default.CloudRepository)?.FullName;

    /// <summary>
    /// An error body <c>{"error":{"message":…,"detail":{"required":[…],"granted":[…]}}}</c>: message, required and granted
    /// scopes where present (<c>detail</c> may be plain text; 401 bodies are plain text).
    /// </summary>
    public static (string? Message, IReadOnlyList<string>? Required, IReadOnlyList<string>? Granted) Error(string? body)
    {
        var error = ProviderAnswer.Read(body, BitbucketCloudWireContext.Default.CloudErrorBody)?.Error;
        if (error is null)
        {
            return (PlainText(body), null, null);
        }

        return error.Detail is { ValueKind: JsonValueKind.Object } detail
            ? (error.Message, Strings(detail, "required"), Strings(detail, "granted"))
            : (error.Message, null, null);
    }

    /// <summary>
    /// An endpoint Bitbucket removed (CHANGE-2770): any 410, or a 404 whose error names a deprecation or an announcement.
    /// Returns what Bitbucket said, for a message (<c>410: CHANGE-2770 - Functionality has been deprecated, https://…</c>);
    /// <see langword="null"/> when the answer is no removal.
    /// </summary>
    public static string? Removal(ProviderAnswer answer)
    {
        if (answer.StatusCode is not (404 or 410))
        {
            return null;
        }

        var error = ProviderAnswer.Read(answer.Body, BitbucketCloudWireContext.Default.CloudErrorBody)?.Error;
        var url = error?.Data?.AnnouncementUrl;
        var detail = error?.Detail is { ValueKind: JsonValueKind.String } text ? text.GetString() : null;
        if (answer.StatusCode == 404 && url is null && !$"{error?.Message} {detail}".Contains("deprecat", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return $"{answer.StatusCode}: {error?.Message ?? "Gone"}" + (url is null ? string.Empty : $", {url}");
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

    internal sealed record CloudUser(string? Type, string? Username, string? Nickname, string? DisplayName);

    internal sealed record CloudListing(IReadOnlyList<CloudListItem>? Values);

    internal sealed record CloudListItem(string? Permission, CloudRepository? Repository);

    internal sealed record CloudRepository(string? FullName);

    internal sealed record CloudErrorBody(CloudError? Error);

    internal sealed record CloudError(string? Message, JsonElement? Detail, CloudErrorData? Data);

    internal sealed record CloudErrorData(string? AnnouncementUrl);

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
    [JsonSerializable(typeof(CloudUser))]
    [JsonSerializable(typeof(CloudListing))]
    [JsonSerializable(typeof(CloudRepository))]
    [JsonSerializable(typeof(CloudErrorBody))]
    private sealed partial class BitbucketCloudWireContext : JsonSerializerContext;
}
