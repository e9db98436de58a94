// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json.Nodes;
using Json.Schema;

namespace GitTokenScopes.Tests.Schemas;

/// <summary>
/// The schema the package ships (<see cref="TokenValidationReport.JsonSchema"/>), evaluated with JsonSchema.Net, formats
/// included (<c>uri</c>, <c>date-time</c>). One instance for the whole run: JsonSchema.Net registers a schema by its <c>$id</c>.
/// </summary>
internal static class ShippedReportSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(TokenValidationReport.JsonSchema));

    private static readonly EvaluationOptions Options = new()
    {
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true,
    };

    /// <summary>Validates a report's JSON text.</summary>
    /// <returns>The violations, one line each (instance location, schema location, keyword, message); empty when valid.</returns>
    public static IReadOnlyList<string> Violations(string json)
    {
        var results = Schema.Value.Evaluate(JsonNode.Parse(json), Options);
        if (results.IsValid)
        {
            return [];
        }

        var violations = results.Details.Append(results)
            .Where(d => d.HasErrors)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}) {e.Key}: {e.Value}"))
            .ToList();
        return violations.Count > 0 ? violations : ["invalid, without details"];
    }

    /// <summary>Throws when the report's JSON does not validate, naming every violation.</summary>
    public static TokenValidationReport AssertValid(TokenValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var json = report.ToJson();
        var violations = Violations(json);
        if (violations.Count > 0)
        {
            throw new Xunit.Sdk.XunitException(
                $"The report does not validate against the shipped schema (src/GitTokenScopes/Schemas/token-validation-report.schema.json):{Environment.NewLine}"
                + string.Join(Environment.NewLine, violations) + Environment.NewLine + json);
        }

        return report;
    }
}
