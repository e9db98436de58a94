// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace GitTokenScopes.WebApi;

/// <summary>
/// Puts the report's shipped JSON Schema (<see cref="TokenValidationReport.JsonSchema"/>) in the OpenAPI document in
/// place of the one ASP.NET derives, and drops the components only that one used. ASP.NET's schema differs in
/// substance: it marks only the C# <c>required</c> members required, where the contract writes every property, and it
/// lacks the fingerprint's pattern. One schema, the package's, is the contract wherever it is published.
/// </summary>
internal sealed class ReportSchemaTransformer : IOpenApiDocumentTransformer
{
    private const string Name = nameof(TokenValidationReport);

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Components?.Schemas is not { } schemas || !schemas.ContainsKey(Name))
        {
            return Task.CompletedTask;
        }

        var shipped = OpenApiModelFactory.Parse<OpenApiSchema>(TokenValidationReport.JsonSchema, OpenApiSpecVersion.OpenApi3_1, document, out var diagnostic, "json");
        if (shipped is null || diagnostic?.Errors.Count > 0)
        {
            throw new InvalidOperationException($"The shipped report schema does not read as an OpenAPI 3.1 schema: {string.Join("; ", diagnostic?.Errors.Select(e => e.Message) ?? [])}");
        }

        foreach (var component in ReportParts(TokenValidationReport.JsonTypeInfo, []))
        {
            schemas.Remove(component);
        }

        schemas[Name] = shipped;
        return Task.CompletedTask;
    }

    /// <summary>The names ASP.NET gives the report's parts (its nested objects and enums): their type names.</summary>
    private static HashSet<string> ReportParts(JsonTypeInfo info, HashSet<string> found)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        if (info.Kind == JsonTypeInfoKind.Enumerable)
        {
            return ReportParts(info.Options.GetTypeInfo(info.ElementType!), found);
        }

        if ((info.Kind == JsonTypeInfoKind.Object || type.IsEnum) && found.Add(type.Name))
        {
            foreach (var property in info.Properties)
            {
                ReportParts(info.Options.GetTypeInfo(property.PropertyType), found);
            }
        }

        return found;
    }
}
