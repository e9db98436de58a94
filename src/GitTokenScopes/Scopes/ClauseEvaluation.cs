// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>
/// How one clause of a requirement fared against a grant.
/// </summary>
public sealed class ClauseEvaluation
{
    internal ClauseEvaluation(ScopeClause clause, ClauseState state, string? satisfiedBy)
    {
        Clause = clause;
        State = state;
        SatisfiedBy = satisfiedBy;
    }

    /// <summary>Gets the clause.</summary>
    public ScopeClause Clause { get; }

    /// <summary>Gets the outcome.</summary>
    public ClauseState State { get; }

    /// <summary>
    /// Gets the granted scope that satisfies the clause (itself one of the clause's scopes, or a scope that implies
    /// one); <see langword="null"/> unless <see cref="State"/> is <see cref="ClauseState.Satisfied"/>.
    /// </summary>
    public string? SatisfiedBy { get; }

    /// <inheritdoc/>
    public override string ToString()
        => SatisfiedBy is null ? $"{Clause.Label}: {State}" : $"{Clause.Label}: {State} by {SatisfiedBy}";
}
