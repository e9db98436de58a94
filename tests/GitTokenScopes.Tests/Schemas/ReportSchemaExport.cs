// Licensed under the MIT License. See LICENSE in the repository root.

using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace GitTokenScopes.Tests.Schemas;

/// <summary>
/// Derives the report's JSON Schema from the library's source-generated contract
/// (<see cref="TokenValidationReport.JsonTypeInfo"/>) with System.Text.Json's <see cref="JsonSchemaExporter"/>, and makes
/// it a contract: a <c>$schema</c>, <c>$id</c>, title and description; descriptions from the XML documentation; enums
/// typed as strings (their values are the wire names); every property required, because the contract writes nulls
/// (<see cref="JsonIgnoreCondition.Never"/>); the fingerprint's pattern. The committed file is this method's output.
/// </summary>
internal static partial class ReportSchemaExport
{
    public const string Id = "https://raw.githubusercontent.com/GitTokenScopes/GitTokenScopes/main/src/GitTokenScopes/Schemas/token-validation-report.schema.json";

    public const string RepositoryPath = "src/GitTokenScopes/Schemas/token-validation-report.schema.json";

    private const string Description =
        "A GitTokenScopes token validation report as TokenValidationReport.ToJson writes it: camelCase properties, "
        + "kebab-case enumeration values, ISO-8601 dates, every property present (null where nothing is known). The token "
        + "itself is never in it. Minor versions may add enumeration values and properties: read reports with the schema "
        + "of the package that wrote them, or a newer one.";

    private static readonly JsonSerializerOptions Output = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Gets the schema's text, indented with two spaces, with a final newline.</summary>
    public static string Generate()
    {
        var options = TokenValidationReport.JsonTypeInfo.Options;
        var docs = XmlDocs.Value;
        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(options, typeof(TokenValidationReport), new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) => Transform(context, node, docs),
        }).AsObject();

        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = Id,
            ["title"] = nameof(TokenValidationReport),
            ["description"] = Description,
        };
        foreach (var (key, value) in schema.ToList())
        {
            schema.Remove(key);
            if (key != "description")
            {
                root[key] = value;
            }
        }

        return root.ToJsonString(Output).ReplaceLineEndings("\n") + "\n";
    }

    private static JsonNode Transform(JsonSchemaExporterContext context, JsonNode node, IReadOnlyDictionary<string, string> docs)
    {
        if (node is not JsonObject schema)
        {
            return node;
        }

        // Every property is written, nulls included, unless a property opts out; such a property stays optional.
        if (context.PropertyInfo is null && context.TypeInfo.Kind == JsonTypeInfoKind.Object)
        {
            var always = context.TypeInfo.Properties
                .Where(p => p.Get is not null && p.ShouldSerialize is null && context.TypeInfo.Options.DefaultIgnoreCondition == JsonIgnoreCondition.Never)
                .Select(p => (JsonNode)p.Name);
            schema["required"] = new JsonArray([.. always]);
        }

        // An enum serialized by name: its values are strings (and null, for a nullable enum).
        if (schema["enum"] is JsonArray values && !schema.ContainsKey("type"))
        {
            JsonNode type = values.Any(v => v is null) ? new JsonArray("string", "null") : "string";
            schema = Prepend(schema, "type", type);
        }

        if (context.PropertyInfo is { Name: "tokenFingerprint" } fingerprint && fingerprint.DeclaringType == typeof(TokenValidationReport))
        {
            schema["pattern"] = "^sha256:[0-9a-f]{12}$";
        }

        var description = DescriptionOf(context, docs);
        return description is null ? schema : Prepend(schema, "description", description);
    }

    private static string? DescriptionOf(JsonSchemaExporterContext context, IReadOnlyDictionary<string, string> docs)
    {
        if (context.PropertyInfo is { } property)
        {
            var member = property.AttributeProvider as MemberInfo
                ?? throw new InvalidOperationException($"{property.DeclaringType.Name}.{property.Name} has no member to read documentation from.");
            return docs.GetValueOrDefault($"P:{member.DeclaringType!.FullName}.{member.Name}");
        }

        var type = Nullable.GetUnderlyingType(context.TypeInfo.Type) ?? context.TypeInfo.Type;
        return context.TypeInfo.Kind == JsonTypeInfoKind.Object && context.BaseTypeInfo is null
            ? docs.GetValueOrDefault($"T:{type.FullName}")
            : null;
    }

    private static JsonObject Prepend(JsonObject schema, string key, JsonNode value)
    {
        var result = new JsonObject { [key] = value };
        foreach (var (k, v) in schema.ToList())
        {
            schema.Remove(k);
            if (k != key)
            {
                result[k] = v;
            }
        }

        return result;
    }

    private static readonly Lazy<IReadOnlyDictionary<string, string>> XmlDocs = new(() =>
    {
        var path = Path.ChangeExtension(typeof(TokenValidationReport).Assembly.Location, ".xml");
        var members = XDocument.Load(path).Descendants("member");
        return members
            .Where(m => m.Element("summary") is not null)
            .ToDictionary(m => (string)m.Attribute("name")!, m => PlainText(m.Element("summary")!), StringComparer.Ordinal);
    });

    /// <summary>An XML documentation summary as one line of text: crefs by their last name, langwords by their word.</summary>
    private static string PlainText(XElement summary)
    {
        var text = string.Concat(summary.Nodes().Select(n => n switch
        {
            XText t => t.Value,
            XElement { Name.LocalName: "see" or "paramref" or "typeparamref" } e =>
                (string?)e.Attribute("langword") ?? (string?)e.Attribute("name") ?? CrefName((string)e.Attribute("cref")!),
            XElement e => PlainText(e),
            _ => string.Empty,
        }));
        text = Whitespace().Replace(text, " ").Trim();
        return text.StartsWith("Gets ", StringComparison.Ordinal) ? char.ToUpperInvariant(text[5]) + text[6..] : text;
    }

    private static string CrefName(string cref)
    {
        var name = cref.Split('(')[0];
        return name[(name.LastIndexOf('.') + 1)..];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
