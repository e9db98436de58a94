// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json.Serialization;

namespace GitTokenScopes.Cli.Output.Json;

/// <summary>
/// Source-generated serialization for the CLI's JSON: no reflection, so the output cannot drift with trimming and
/// the shape is exactly the records'. Nulls are written, so every field is always present.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = true)]
[JsonSerializable(typeof(RequirementJson[]))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
