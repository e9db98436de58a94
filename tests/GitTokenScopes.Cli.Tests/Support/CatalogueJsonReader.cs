// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json;

namespace GitTokenScopes.Cli.Tests.Support;

/// <summary>
/// Reads the CLI's catalogue JSON by hand, property by property, so a renamed, missing or extra property fails the
/// test instead of silently deserializing to a default.
/// </summary>
internal static class CatalogueJsonReader
{
    public static readonly string[] RequirementProperties = ["provider", "tokenKind", "tokenType", "edition", "source", "notes", "clauses"];
    public static readonly string[] SourceProperties = ["document", "date", "url", "note"];
    public static readonly string[] ClauseProperties = ["label", "anyOf", "purpose"];

    public static IReadOnlyList<JsonRequirement> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        document.RootElement.ValueKind.Should().Be(JsonValueKind.Array);
        return [.. document.RootElement.EnumerateArray().Select(ReadRequirement)];
    }

    private static JsonRequirement ReadRequirement(JsonElement element)
    {
        PropertyNames(element).Should().Equal(RequirementProperties);
        return new JsonRequirement(
            RequiredString(element, "provider"),
            RequiredString(element, "tokenKind"),
            RequiredString(element, "tokenType"),
            RequiredString(element, "edition"),
            ReadSource(element.GetProperty("source")),
            OptionalString(element, "notes"),
            [.. element.GetProperty("clauses").EnumerateArray().Select(ReadClause)]);
    }

    private static JsonSource ReadSource(JsonElement element)
    {
        PropertyNames(element).Should().Equal(SourceProperties);
        return new JsonSource(
            RequiredString(element, "document"),
            OptionalString(element, "date"),
            OptionalString(element, "url"),
            OptionalString(element, "note"));
    }

    private static JsonClause ReadClause(JsonElement element)
    {
        PropertyNames(element).Should().Equal(ClauseProperties);
        return new JsonClause(
            RequiredString(element, "label"),
            [.. element.GetProperty("anyOf").EnumerateArray().Select(s => s.GetString()!)],
            RequiredString(element, "purpose"));
    }

    private static string[] PropertyNames(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    private static string RequiredString(JsonElement element, string name)
    {
        var property = element.GetProperty(name);
        property.ValueKind.Should().Be(JsonValueKind.String, "'{0}' must be a string", name);
        return property.GetString()!;
    }

    // Optional fields are always present, as a string or as null.
    private static string? OptionalString(JsonElement element, string name)
    {
        var property = element.GetProperty(name);
        property.ValueKind.Should().BeOneOf([JsonValueKind.String, JsonValueKind.Null], "'{0}' must be a string or null", name);
        return property.GetString();
    }
}
