// Licensed under the MIT License. See LICENSE in the repository root.

using System.Globalization;
using System.Text;
using System.Text.Json;
using GitTokenScopes.Cli.Output.Json;

namespace GitTokenScopes.Cli.Output;

/// <summary>Prints requirements as a JSON array, one object per requirement, in catalogue order.</summary>
internal static class CatalogueJson
{
    // Relaxed escaping keeps "→", '&' and quotes readable; the output is a terminal or a file, never HTML.
    private static readonly JsonWriterOptions WriterOptions = RelaxedJson.WriterOptions(indented: true);

    /// <summary>Writes the JSON document, followed by a newline, and nothing else.</summary>
    public static void Write(TextWriter writer, IEnumerable<ScopeRequirement> requirements)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(Serialize(requirements));
    }

    /// <summary>Serializes requirements to the CLI's JSON shape.</summary>
    public static string Serialize(IEnumerable<ScopeRequirement> requirements)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        var documents = requirements.Select(ToJson).ToArray();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            JsonSerializer.Serialize(json, documents, CliJsonContext.Default.RequirementJsonArray);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static RequirementJson ToJson(ScopeRequirement requirement)
        => new(
            requirement.Key.Provider.ToWireName(),
            requirement.Key.Kind.ToWireName(),
            requirement.Key.Family.ToWireName(),
            requirement.Edition,
            new SourceJson(
                requirement.Source.Document,
                requirement.Source.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                FormatUrl(requirement.Source.Url),
                requirement.Source.Note),
            requirement.Notes,
            [.. requirement.Clauses.Select(c => new ClauseJson(c.Label, c.AnyOf, c.Purpose))]);

    // The escaped, absolute form is the one a script can fetch; a relative URL is kept as written.
    private static string? FormatUrl(Uri? url) => url is { IsAbsoluteUri: true } ? url.AbsoluteUri : url?.OriginalString;
}
