// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json;
using System.Text.Json.Nodes;
using GitTokenScopes.ArgoCd.Internal;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GitTokenScopes.ArgoCd;

/// <summary>
/// Reads Secrets as <c>kubectl get secrets -n argocd -l argocd.argoproj.io/secret-type -o yaml</c> (or
/// <c>-o json</c>) prints them: a <c>v1/List</c> (or <c>SecretList</c>) of Secrets, a single Secret, or several YAML
/// documents. <c>data</c> is base64, <c>stringData</c> plain text. Objects of other kinds are skipped.
/// </summary>
public static class ArgoCdSecretReader
{
    /// <summary>Reads every Secret in <paramref name="text"/>.</summary>
    /// <param name="text">YAML or JSON text.</param>
    /// <returns>The Secrets, in the order they appear (Argo CD's tie-breaks follow list order).</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">
    /// Thrown when the text is not YAML or JSON, or a Secret is malformed (no name, a <c>data</c> value that is not
    /// base64). The message names the document, the Secret and the key, never a value.
    /// </exception>
    public static IReadOnlyList<ArgoCdSecret> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var secrets = new List<ArgoCdSecret>();
        var documents = IsJson(text) ? [ParseJson(text)] : ParseYaml(text);
        for (var index = 0; index < documents.Count; index++)
        {
            var where = documents.Count == 1 ? "the document" : $"document {index + 1}";
            Collect(documents[index], where, secrets);
        }

        return secrets;
    }

    private static bool IsJson(string text) => text.TrimStart().StartsWith('{') || text.TrimStart().StartsWith('[');

    private static JsonNode? ParseJson(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException exception)
        {
            // The parser's message quotes the offending character at most, never a whole value.
            throw new FormatException($"Not valid JSON (line {exception.LineNumber + 1}).", exception);
        }
    }

    private static List<JsonNode?> ParseYaml(string text)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(text);
            stream.Load(reader);
        }
        catch (YamlException exception)
        {
            // YamlDotNet's messages can quote the scalar it stopped at, which may be a secret: only the position is kept.
            throw new FormatException($"Not valid YAML (line {exception.Start.Line}, column {exception.Start.Column}).", exception);
        }

        return [.. stream.Documents.Select(d => YamlTree.ToJson(d.RootNode))];
    }

    private static void Collect(JsonNode? node, string where, List<ArgoCdSecret> secrets)
    {
        if (node is not JsonObject root)
        {
            return;
        }

        var kind = Text(root["kind"]);
        if (kind is "List" or "SecretList" || (kind is null && root["items"] is JsonArray))
        {
            if (root["items"] is JsonArray items)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is JsonObject item && Text(item["kind"]) is "Secret" or null)
                    {
                        secrets.Add(ToSecret(item, $"{where}, items[{i}]"));
                    }
                }
            }

            return;
        }

        if (kind == "Secret")
        {
            secrets.Add(ToSecret(root, where));
        }
    }

    private static ArgoCdSecret ToSecret(JsonObject secret, string where)
    {
        var metadata = secret["metadata"] as JsonObject;
        var name = Text(metadata?["name"]) ?? throw new FormatException($"{where}: a Secret without metadata.name.");
        var labels = Strings(metadata?["labels"], $"{where} ({name}): metadata.labels");
        var stringData = Strings(secret["stringData"], $"{where} ({name}): stringData");
        var data = new List<KeyValuePair<string, byte[]>>();
        foreach (var (key, value) in Strings(secret["data"], $"{where} ({name}): data"))
        {
            try
            {
                data.Add(KeyValuePair.Create(key, Convert.FromBase64String(value)));
            }
            catch (FormatException exception)
            {
                throw new FormatException($"{where} ({name}): data.{key} is not base64 (put plain text under stringData); the value is not shown.", exception);
            }
        }

        try
        {
            return new ArgoCdSecret(name, labels, data, stringData);
        }
        catch (ArgumentException exception)
        {
            throw new FormatException($"{where}: {exception.Message}", exception);
        }
    }

    private static List<KeyValuePair<string, string>> Strings(JsonNode? node, string where)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not JsonObject map)
        {
            throw new FormatException($"{where} is not a mapping.");
        }

        return [.. map.Select(p => KeyValuePair.Create(p.Key, Text(p.Value) ?? string.Empty))];
    }

    // Scalars of any JSON kind read as text (a YAML `true` or a JSON number is still a string to a Secret).
    private static string? Text(JsonNode? node) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value => value.ToJsonString(),
        _ => null,
    };
}
