// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GitTokenScopes.Cli.Files;

/// <summary>
/// Reads a JSON or YAML file into a <see cref="JsonNode"/> tree, so that manifests and values files are read by one
/// source-generated JSON model whichever format they come in. YAML scalars become strings (a plain <c>~</c>, <c>null</c>
/// or empty scalar becomes null); the models parse booleans from strings, as Helm charts write them both ways.
/// </summary>
internal static class StructuredFile
{
    /// <summary>Reads <paramref name="path"/>, or throws a <see cref="UsageException"/> naming <paramref name="option"/>.</summary>
    public static JsonNode? Read(string path, string option)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"{option}: cannot read '{path}': {exception.Message}", exception);
        }

        return IsJson(path, text) ? ParseJson(text, path, option) : ParseYaml(text, path, option);
    }

    private static bool IsJson(string path, string text)
        => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || text.TrimStart().StartsWith('{');

    private static JsonNode? ParseJson(string text, string path, string option)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            throw new UsageException($"{option}: '{path}' is not valid JSON (line {exception.LineNumber + 1}): {FirstLine(exception.Message)}", exception);
        }
    }

    private static JsonNode? ParseYaml(string text, string path, string option)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(text);
            stream.Load(reader);
        }
        catch (YamlException exception)
        {
            throw new UsageException($"{option}: '{path}' is not valid YAML (line {exception.Start.Line}): {FirstLine(exception.Message)}", exception);
        }

        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? string.Empty, Convert(c.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
        YamlScalarNode scalar when scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL" => null,
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? string.Empty),
        _ => null,
    };

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
