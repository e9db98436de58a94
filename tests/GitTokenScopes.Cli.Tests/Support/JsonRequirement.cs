// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Cli.Tests.Support;

/// <summary>A requirement as read back from the CLI's JSON.</summary>
internal sealed record JsonRequirement(
    string Provider,
    string TokenKind,
    string TokenType,
    string Edition,
    JsonSource Source,
    string? Notes,
    IReadOnlyList<JsonClause> Clauses)
{
    /// <summary>Gets the key as <c>provider/kind/type</c>, the format of <see cref="ScopeRequirementKey.ToString"/>.</summary>
    public string Key => $"{Provider}/{TokenKind}/{TokenType}";
}
