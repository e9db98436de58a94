// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GitTokenScopes.Cli.Output;

/// <summary>
/// The CLI's JSON escaping: <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>, so <c>&amp;</c>, <c>'</c>,
/// <c>&lt;</c>, <c>&gt;</c>, <c>+</c> and non-ASCII letters are written as they are. The output goes to a terminal, a
/// file or a pipe, never into HTML, where the default encoder's escapes would matter.
/// </summary>
internal static class RelaxedJson
{
    /// <summary>The writer options of every JSON document the CLI prints.</summary>
    public static JsonWriterOptions WriterOptions(bool indented = false) => new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = indented,
    };

    /// <summary>
    /// Rewrites a JSON document (a report's <see cref="TokenValidationReport.ToJson"/>) with the relaxed escaping: the
    /// same value, property order, numbers and layout (one line), only fewer escapes.
    /// </summary>
    public static string Rewrite(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions()))
        {
            document.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>A report's JSON, relaxed: what <c>--format json</c> prints.</summary>
    public static string Report(TokenValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Rewrite(report.ToJson());
    }
}
