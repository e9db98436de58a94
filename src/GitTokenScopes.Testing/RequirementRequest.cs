// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing;

/// <summary>One call to <see cref="FakeScopeRequirements.GetRequirement"/>, as the code under test made it.</summary>
/// <param name="Key">The key asked for.</param>
/// <param name="RuntimeName">The runtime name passed, if any.</param>
/// <param name="Repository">The repository passed, if any.</param>
public sealed record RequirementRequest(ScopeRequirementKey Key, string? RuntimeName, string? Repository);
