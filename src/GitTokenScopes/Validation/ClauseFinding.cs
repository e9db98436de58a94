// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>One requirement clause in a report.</summary>
/// <param name="Label">The clause's label as the source document writes it (for example <c>Webhooks: Read and write</c>).</param>
/// <param name="State">Whether the token holds it.</param>
/// <param name="Scopes">The scopes that satisfy the clause (any one is enough), preferred first.</param>
/// <param name="Purpose">Why the clause is needed.</param>
/// <param name="SatisfiedBy">The granted scope that satisfies the clause, when satisfied.</param>
public sealed record ClauseFinding(string Label, FindingState State, IReadOnlyList<string> Scopes, string Purpose, string? SatisfiedBy)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Label}: {State.ToWireName()}";
}
