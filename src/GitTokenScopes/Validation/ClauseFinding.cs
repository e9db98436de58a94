// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>One requirement clause in a report.</summary>
public sealed class ClauseFinding
{
    /// <summary>Gets the clause's label as the source document writes it (for example <c>Webhooks: Read and write</c>).</summary>
    public required string Label { get; init; }

    /// <summary>Gets whether the token holds it.</summary>
    public required ClauseState State { get; init; }

    /// <summary>Gets the scopes that satisfy the clause (any one is enough), preferred first.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>Gets why the clause is needed.</summary>
    public required string Purpose { get; init; }

    /// <summary>Gets the granted scope that satisfies the clause, when satisfied.</summary>
    public string? SatisfiedBy { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"{Label}: {State.ToWireName()}";
}
