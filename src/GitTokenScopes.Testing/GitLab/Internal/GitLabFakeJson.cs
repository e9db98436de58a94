// Licensed under the MIT License. See LICENSE in the repository root.

using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GitTokenScopes.Testing.GitLab.Internal;

/// <summary>Writes the fake's JSON bodies with <see cref="Utf8JsonWriter"/> (trim- and AOT-safe) and reads request bodies.</summary>
internal static class GitLabFakeJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Grape's error shape: <c>{"message":"…"}</c>.</summary>
    public static string Message(string message) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("message", message);
        w.WriteEndObject();
    });

    /// <summary>Grape's <c>{"error":"…"}</c> (unknown routes, missing parameters).</summary>
    public static string Error(string error) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("error", error);
        w.WriteEndObject();
    });

    /// <summary>rack-oauth2's shape: <c>{"error","error_description"[,"scope"]}</c>.</summary>
    public static string OAuthError(string error, string description, string? scope = null) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("error", error);
        w.WriteString("error_description", description);
        if (scope is not null)
        {
            w.WriteString("scope", scope);
        }

        w.WriteEndObject();
    });

    /// <summary>The names of a JSON object body's non-null properties; an empty body is an empty object; <see langword="null"/> when not an object.</summary>
    public static HashSet<string>? PropertyNames(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? [.. document.RootElement.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).Select(p => p.Name)]
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
