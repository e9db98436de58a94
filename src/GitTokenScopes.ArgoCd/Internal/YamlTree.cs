// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GitTokenScopes.ArgoCd.Internal;

/// <summary>
/// Turns a YAML node into a JSON node, so kubectl's YAML and JSON are read by one code path. Scalars become strings
/// (a plain <c>~</c>, <c>null</c> or empty scalar becomes null): in a Secret every value is text.
/// </summary>
internal static class YamlTree
{
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => ToObject(mapping),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode scalar when scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL" => null,
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? string.Empty),
        _ => null,
    };

    private static JsonObject ToObject(YamlMappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            // A repeated key keeps the last value rather than failing the whole file.
            result[(key as YamlScalarNode)?.Value ?? string.Empty] = ToJson(value);
        }

        return result;
    }
}
