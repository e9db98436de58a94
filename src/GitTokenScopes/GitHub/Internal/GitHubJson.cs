// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json;

namespace GitTokenScopes.GitHub.Internal;

/// <summary>Reads the few fields the inspector needs from GitHub's JSON bodies; a malformed body yields <see langword="null"/>.</summary>
internal static class GitHubJson
{
    /// <summary><c>GET /user</c>: login and account type.</summary>
    public static AccountInfo? Account(string? body)
        => Read(body, root =>
            root.TryGetProperty("login", out var login) && login.ValueKind == JsonValueKind.String && login.GetString() is { Length: > 0 } name
                ? new AccountInfo(name, String(root, "type"), IsBot(String(root, "type")))
                : null);

    /// <summary>
    /// <c>type: "Bot"</c> is a bot; <c>"User"</c> tells nothing, because a GitHub machine user (a service account) is an
    /// ordinary user to the API (PROVIDERS.md §1.8).
    /// </summary>
    private static bool? IsBot(string? type) => string.Equals(type, "Bot", StringComparison.OrdinalIgnoreCase) ? true : null;

    /// <summary><c>GET /repos/{o}/{r}</c>: whether it is private and the caller's pull/push permissions.</summary>
    public static (bool? Private, bool? Pull, bool? Push)? Repository(string? body)
        => Read<(bool?, bool?, bool?)?>(body, root =>
        {
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("full_name", out _))
            {
                return null;
            }

            var permissions = root.TryGetProperty("permissions", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            return (Bool(root, "private"), permissions.ValueKind == JsonValueKind.Object ? Bool(permissions, "pull") : null, permissions.ValueKind == JsonValueKind.Object ? Bool(permissions, "push") : null);
        });

    /// <summary><c>GET /installation/repositories</c>: the repository selection and the full names listed.</summary>
    public static (string? Selection, IReadOnlyList<string> Repositories)? Installation(string? body)
        => Read<(string?, IReadOnlyList<string>)?>(body, root =>
        {
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("repositories", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var names = list.EnumerateArray().Select(r => String(r, "full_name")).OfType<string>().ToArray();
            return (String(root, "repository_selection"), names);
        });

    private static T? Read<T>(string? body, Func<JsonElement, T?> read)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return default;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return read(document.RootElement);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string? String(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool? Bool(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;
}
