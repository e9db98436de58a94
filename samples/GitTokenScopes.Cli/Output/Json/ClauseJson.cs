// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Cli.Output.Json;

/// <summary>One clause of a requirement: any one of its scopes satisfies it.</summary>
/// <param name="Label">The source document's label.</param>
/// <param name="AnyOf">The scopes that satisfy the clause, the preferred one first.</param>
/// <param name="Purpose">Why the clause is needed.</param>
internal sealed record ClauseJson(string Label, IReadOnlyList<string> AnyOf, string Purpose);
