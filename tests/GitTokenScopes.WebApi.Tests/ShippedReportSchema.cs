// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json.Nodes;
using Json.Schema;

namespace GitTokenScopes.WebApi.Tests;

/// <summary>The report schema the package ships, evaluated with JsonSchema.Net, formats included; one instance per run.</summary>
internal static class ShippedReportSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(TokenValidationReport.JsonSchema));

    /// <summary>Validates a report's JSON text.</summary>
    /// <returns>The violations, one line each; empty when valid.</returns>
    public static IReadOnlyList<string> Violations(string json)
    {
        var results = Schema.Value.Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return results.IsValid
            ? []
            : [.. results.Details.Append(results).Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}")).DefaultIfEmpty("invalid")];
    }
}
