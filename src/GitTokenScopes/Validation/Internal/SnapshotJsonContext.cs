// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json.Serialization;

namespace GitTokenScopes.Validation.Internal;

/// <summary>Source-generated JSON for cached inspections (the distributed cache's payload).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InspectionSnapshot))]
internal sealed partial class SnapshotJsonContext : JsonSerializerContext;
