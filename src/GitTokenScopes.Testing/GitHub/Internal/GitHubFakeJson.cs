// Licensed under the MIT License. See LICENSE in the repository root.

using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GitTokenScopes.Testing.GitHub.Internal;

/// <summary>
/// Writes the fake's JSON bodies with <see cref="Utf8JsonWriter"/> (trim- and AOT-safe), escaping like GitHub does
/// (<c>\"</c>, not <c>\u0022</c>), and reads request bodies.
/// </summary>
internal static class GitHubFakeJson
{
    public const string RestDocs = "https://docs.github.com/rest";

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

    /// <summary>GitHub's error shape: <c>{"message","documentation_url","status"}</c>, with optional <c>errors</c> after the message.</summary>
    public static string Error(string message, string documentationUrl, int status, Action<Utf8JsonWriter>? errors = null)
        => Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("message", message);
            if (errors is not null)
            {
                w.WriteStartArray("errors");
                errors(w);
                w.WriteEndArray();
            }

            w.WriteString("documentation_url", documentationUrl);
            w.WriteString("status", status.ToString(CultureInfo.InvariantCulture));
            w.WriteEndObject();
        });

    /// <summary>
    /// Reads a request body as a JSON object's property names: an empty body is an empty object; <see langword="null"/>
    /// when the body is not a JSON object. Properties whose value is <c>null</c> count as absent.
    /// </summary>
    public static HashSet<string>? PropertyNames(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return [.. document.RootElement.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).Select(p => p.Name)];
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads one string property of a JSON object body; <see langword="null"/> when absent, not a string, or the body is not an object.</summary>
    public static string? StringProperty(string? body, string name)
        => Property(body, name, value => value.ValueKind == JsonValueKind.String ? value.GetString() : null);

    /// <summary>Reads one boolean property of a JSON object body; <see langword="null"/> when absent, not a boolean, or the body is not an object.</summary>
    public static bool? BooleanProperty(string? body, string name)
        => Property(body, name, value => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : (bool?)null);

    private static T? Property<T>(string? body, string name, Func<JsonElement, T?> read)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return default;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var value)
                ? read(value)
                : default;
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
