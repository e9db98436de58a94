// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json;
using System.Text.Json.Serialization;

namespace GitTokenScopes.Validation.Internal;

/// <summary>
/// Source-generated JSON for the report contract; null values are written so that every documented property is present.
/// The report's enumerations are reached through its properties (<see cref="WireNames"/> reads their names here).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(TokenValidationReport))]
[JsonSerializable(typeof(IReadOnlyList<TokenValidationReport>))]
[JsonSerializable(typeof(UnknownClausePolicy))]
internal sealed partial class ReportJsonContext : JsonSerializerContext
{
    public static ReportJsonContext Indented => field ??= new(new JsonSerializerOptions(Default.Options) { WriteIndented = true });
}
