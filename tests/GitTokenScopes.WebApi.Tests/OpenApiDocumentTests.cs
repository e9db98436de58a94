// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json;
using System.Text.Json.Nodes;

namespace GitTokenScopes.WebApi.Tests;

/// <summary>
/// The sample's OpenAPI document (<c>/openapi/v1.json</c>) publishes the report's schema as the package ships it
/// (<see cref="TokenValidationReport.JsonSchema"/>): compared after inlining <c>$ref</c>s, ordering object members and
/// <c>type</c> lists, which carry no meaning.
/// </summary>
public sealed class OpenApiDocumentTests : IDisposable
{
    private readonly WebApiFactory _factory = new();

    [Fact]
    public async Task ReportComponent_IsTheShippedSchema()
    {
        var document = await DocumentAsync();

        var component = Inline(document["components"]!["schemas"]![nameof(TokenValidationReport)]!, document);

        Canonical(component).Should().Be(Canonical(JsonNode.Parse(TokenValidationReport.JsonSchema)!));
    }

    [Fact]
    public async Task ValidateOperation_AnswersTheReport_OrProblemDetails()
    {
        var document = await DocumentAsync();

        var operation = document["paths"]!["/tokens/validate"]!["post"]!;
        var responses = operation["responses"]!;

        operation["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>().Should().Be("#/components/schemas/ValidateTokenBody");
        responses["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>().Should().Be("#/components/schemas/TokenValidationReport");
        responses["400"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>().Should().Be("#/components/schemas/HttpValidationProblemDetails");
        responses["415"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>().Should().Be("#/components/schemas/ProblemDetails");
    }

    [Fact]
    public async Task Document_HasNoLeftoverOfTheGeneratedReportSchema()
    {
        var document = await DocumentAsync();

        document["components"]!["schemas"]!.AsObject().Select(p => p.Key).Should().NotContain(
            ["ClauseFinding", "ValidationVerdict", "RepositoryAccessResult", "AccountInfo"], "the shipped schema inlines the report's parts");
    }

    public void Dispose() => _factory.Dispose();

    private async Task<JsonNode> DocumentAsync()
    {
        using var client = _factory.CreateClient();
        return JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
    }

    /// <summary>Replaces every <c>{"$ref": "#/components/schemas/X", …}</c> with component X (and the siblings).</summary>
    private static JsonNode Inline(JsonNode node, JsonNode document)
    {
        switch (node)
        {
            case JsonObject obj:
                var result = new JsonObject();
                if (obj["$ref"]?.GetValue<string>() is { } reference)
                {
                    var name = reference["#/components/schemas/".Length..];
                    foreach (var (key, value) in Inline(document["components"]!["schemas"]![name]!, document).AsObject().ToList())
                    {
                        result[key] = value!.DeepClone();
                    }
                }

                foreach (var (key, value) in obj.Where(p => p.Key != "$ref"))
                {
                    result[key] = value is null ? null : Inline(value, document);
                }

                return result;
            case JsonArray array:
                return new JsonArray([.. array.Select(v => v is null ? null : Inline(v, document))]);
            default:
                return node.DeepClone();
        }
    }

    /// <summary>Indented text with object members sorted by name and <c>type</c> lists sorted (JSON Schema reads both as sets).</summary>
    private static string Canonical(JsonNode node)
    {
        static JsonNode? Sort(JsonNode? node, string? key) => node switch
        {
            JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sort(p.Value, p.Key)))),
            JsonArray array when key == "type" => new JsonArray([.. array.Select(v => v!.GetValue<string>()).Order(StringComparer.Ordinal).Select(v => (JsonNode)v)]),
            JsonArray array => new JsonArray([.. array.Select(v => Sort(v, null))]),
            _ => node?.DeepClone(),
        };

        return Sort(node, null)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
