// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json.Serialization;

namespace GitTokenScopes.Cli.Audit;

/// <summary>Reads manifests; an unknown key is an error, so a typo (<c>tokenEnvv</c>) is reported instead of ignored.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(AuditManifest))]
[JsonSerializable(typeof(AuditEntry))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
