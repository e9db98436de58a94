// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json.Serialization;

namespace GitTokenScopes.GitLab.Internal;

/// <summary>System.Text.Json source generation for the GitLab bodies the inspector reads (trim- and AOT-safe).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(GitLabWire.TokenSelf))]
[JsonSerializable(typeof(GitLabWire.User))]
[JsonSerializable(typeof(GitLabWire.Project))]
[JsonSerializable(typeof(GitLabWire.ErrorBody))]
internal sealed partial class GitLabJsonContext : JsonSerializerContext;
