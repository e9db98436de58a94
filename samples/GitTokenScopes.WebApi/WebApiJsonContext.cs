// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace GitTokenScopes.WebApi;

/// <summary>
/// Source-generated JSON for the request bodies, the runtime list and the problem details the endpoint returns. Unknown members are an
/// error: a misspelt <c>"repos"</c> would otherwise pass with no repository checked.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(ValidateTokenBody))]
[JsonSerializable(typeof(CheckUserTokenBody))]
[JsonSerializable(typeof(List<RuntimeSummary>))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
[JsonSerializable(typeof(ProblemDetails))]
internal sealed partial class WebApiJsonContext : JsonSerializerContext;
