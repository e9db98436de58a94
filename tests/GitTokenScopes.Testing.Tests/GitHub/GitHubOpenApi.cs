// Licensed under the MIT License. See LICENSE in the repository root.

using System.Globalization;
using System.Text.Json.Nodes;
using Json.Schema;

namespace GitTokenScopes.Testing.Tests.GitHub;

/// <summary>
/// GitHub's response schemas for the endpoints the fake answers, read from <c>Schemas/github-openapi-subset.json</c> (an
/// extract of the npm package <c>@octokit/openapi</c>, see its <c>$comment</c>), turned from OpenAPI 3.0 schema objects
/// into JSON Schema 2020-12 and evaluated with JsonSchema.Net, formats included (<c>uri</c>, <c>date-time</c>, <c>email</c>).
/// </summary>
/// <remarks>
/// OpenAPI 3.0 to JSON Schema: <c>nullable: true</c> adds <c>null</c> to <c>type</c> (and <c>enum</c>), or wraps a schema
/// without <c>type</c> in <c>anyOf [schema, {type: null}]</c>; <c>#/components/schemas/X</c> becomes <c>#/$defs/X</c>; a
/// <c>oneOf</c> with a <c>discriminator</c> mapping picks the mapped schema when the body names it (as an OpenAPI client
/// does: <c>GET /user</c>'s <c>user_view_type</c> chooses <c>private-user</c> or <c>public-user</c>, which a plain
/// <c>oneOf</c> could not tell apart), else stays a plain <c>oneOf</c>.
/// </remarks>
internal static class GitHubOpenApi
{
    private const string ResourceName = "github-openapi-subset.json";

    // RFC 6570 (level 4): literals, percent-encodings and {op varname[:max|*],…} expressions.
    private const string Variable = @"(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})(?:\.?(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2}))*(?::[1-9][0-9]{0,3}|\*)?";
    private const string UriTemplate = @"^(?:[^\x00-\x20""'%<>\\^`{|}]|%[0-9A-Fa-f]{2}|\{[+#./;?&=,!@|]?" + Variable + "(?:," + Variable + @")*\})*$";

    private static readonly Lazy<JsonObject> Document = new(Load);

    private static readonly Dictionary<string, JsonSchema> Cache = new(StringComparer.Ordinal);

    private static readonly EvaluationOptions Options = new()
    {
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true,
    };

    static GitHubOpenApi()
    {
        // JsonSchema.Net 7 checks uri-template as an absolute URI (its docs say so), which rejects every template and
        // even GitHub's own root URLs: check RFC 6570's syntax instead.
        Formats.Register(new RegexFormat("uri-template", UriTemplate));
    }

    /// <summary>Gets the version of <c>@octokit/openapi</c> the schemas come from.</summary>
    public static string SourceVersion => Document.Value["source"]!["version"]!.GetValue<string>();

    /// <summary>Gets the operations the extract holds, as <c>METHOD /path/{template}</c>.</summary>
    public static IReadOnlyList<string> Operations => [.. Document.Value["responses"]!.AsObject().Select(p => p.Key)];

    /// <summary>
    /// The schema's name or shape for an operation's status code: the one the description lists, else GitHub's
    /// <c>validation-error</c> for 422 and <c>basic-error</c> for other error codes; <see langword="null"/> for a success
    /// code the operation does not list.
    /// </summary>
    public static JsonNode? ResponseSchema(string operation, int status)
    {
        var responses = Document.Value["responses"]![operation]?.AsObject()
            ?? throw new ArgumentException($"The extract has no operation '{operation}'.", nameof(operation));
        if (responses[status.ToString(CultureInfo.InvariantCulture)] is { } listed)
        {
            return listed;
        }

        return status switch
        {
            422 => new JsonObject { ["$ref"] = "#/components/schemas/validation-error" },
            >= 400 => new JsonObject { ["$ref"] = "#/components/schemas/basic-error" },
            _ => null,
        };
    }

    /// <summary>Validates a body against a named component schema (<c>full-repository</c>, <c>private-user</c>, …).</summary>
    public static IReadOnlyList<string> ValidateComponent(string component, string body)
        => Validate($"component {component}", new JsonObject { ["$ref"] = $"#/components/schemas/{component}" }, body);

    /// <summary>Validates an answer's body against its operation's schema for the answer's status code.</summary>
    /// <returns>The violations, one line each (instance location, schema path, keyword and message); empty when valid.</returns>
    public static IReadOnlyList<string> ValidateResponse(string operation, int status, string body)
    {
        var schema = ResponseSchema(operation, status)
            ?? throw new InvalidOperationException($"GitHub's description lists no JSON answer {status} for {operation}.");
        return Validate($"{operation} {status}", schema, body);
    }

    private static List<string> Validate(string key, JsonNode openApiSchema, string body)
    {
        JsonSchema schema;
        lock (Cache)
        {
            if (!Cache.TryGetValue(key, out schema!))
            {
                var root = Convert(openApiSchema).AsObject();
                root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
                root["$defs"] = Definitions();
                schema = JsonSchema.FromText(root.ToJsonString());
                Cache[key] = schema;
            }
        }

        JsonNode? instance;
        try
        {
            instance = JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException e)
        {
            return [$"not JSON: {e.Message}"];
        }

        var results = schema.Evaluate(instance, Options);
        if (results.IsValid)
        {
            return [];
        }

        var violations = new List<string>();
        foreach (var detail in results.Details.Append(results).Where(d => d.HasErrors))
        {
            foreach (var (keyword, message) in detail.Errors!)
            {
                violations.Add($"{detail.InstanceLocation} ({detail.EvaluationPath}) {keyword}: {message}");
            }
        }

        return violations.Count > 0 ? violations : ["invalid, without details"];
    }

    private static JsonObject Definitions()
    {
        var definitions = new JsonObject();
        foreach (var (name, schema) in Document.Value["components"]!["schemas"]!.AsObject())
        {
            definitions[name] = Convert(schema!);
        }

        return definitions;
    }

    /// <summary>One OpenAPI 3.0 schema object to JSON Schema 2020-12 (see the remarks on the class).</summary>
    private static JsonNode Convert(JsonNode schema)
    {
        if (schema is not JsonObject source)
        {
            return schema.DeepClone();
        }

        var result = new JsonObject();
        foreach (var (key, value) in source)
        {
            switch (key)
            {
                case "$ref":
                    result[key] = value!.GetValue<string>().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
                    break;
                case "properties":
                    var properties = new JsonObject();
                    foreach (var (name, property) in value!.AsObject())
                    {
                        properties[name] = Convert(property!);
                    }

                    result[key] = properties;
                    break;
                case "items" or "additionalProperties" or "not":
                    result[key] = Convert(value!);
                    break;
                case "allOf" or "anyOf" or "oneOf":
                    result[key] = new JsonArray([.. value!.AsArray().Select(s => Convert(s!))]);
                    break;
                case "nullable" or "discriminator":
                    break;
                default:
                    result[key] = value?.DeepClone();
                    break;
            }
        }

        JsonNode converted = result;
        if (source["discriminator"] is JsonObject { } discriminator && result.ContainsKey("oneOf")
            && discriminator["mapping"] is JsonObject mapping)
        {
            var property = discriminator["propertyName"]!.GetValue<string>();
            foreach (var (value, target) in mapping.Reverse())
            {
                converted = new JsonObject
                {
                    ["if"] = new JsonObject
                    {
                        ["required"] = new JsonArray(property),
                        ["properties"] = new JsonObject { [property] = new JsonObject { ["const"] = value } },
                    },
                    ["then"] = Convert(new JsonObject { ["$ref"] = target!.GetValue<string>() }),
                    ["else"] = converted,
                };
            }
        }

        if (source["nullable"]?.GetValue<bool>() != true)
        {
            return converted;
        }

        if (result["type"] is JsonValue type && converted == result)
        {
            result["type"] = new JsonArray(type.GetValue<string>(), "null");
            if (result["enum"] is JsonArray values)
            {
                values.Add(null);
            }

            return result;
        }

        return new JsonObject { ["anyOf"] = new JsonArray(converted, new JsonObject { ["type"] = "null" }) };
    }

    private static JsonObject Load()
    {
        using var stream = typeof(GitHubOpenApi).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        return JsonNode.Parse(stream)!.AsObject();
    }
}
