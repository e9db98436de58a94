// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>
/// The result of evaluating a grant against a requirement: one outcome per clause, the scopes to add, and the
/// scopes granted beyond anything the requirement needs.
/// </summary>
public sealed class ScopeEvaluation
{
    internal ScopeEvaluation(ScopeRequirement requirement, GrantedScopes granted, IReadOnlyList<ClauseEvaluation> clauses, IReadOnlyList<string> missingScopes, IReadOnlyList<string> excessScopes)
    {
        Requirement = requirement;
        Granted = granted;
        Clauses = clauses;
        MissingScopes = missingScopes;
        ExcessScopes = excessScopes;
    }

    /// <summary>Gets the requirement evaluated.</summary>
    public ScopeRequirement Requirement { get; }

    /// <summary>Gets the grant evaluated.</summary>
    public GrantedScopes Granted { get; }

    /// <summary>Gets one outcome per clause, in the requirement's order.</summary>
    public IReadOnlyList<ClauseEvaluation> Clauses { get; }

    /// <summary>
    /// Gets the smallest list of scopes to add so that every missing clause is satisfied: the preferred scope of each
    /// missing clause, leaving out any scope that another listed scope already implies. Unknown clauses add nothing.
    /// </summary>
    public IReadOnlyList<string> MissingScopes { get; }

    /// <summary>
    /// Gets the granted scopes that contribute to no clause, directly or through an implication: candidates for
    /// removal under least privilege. Unknown scopes that serve no clause are listed too.
    /// </summary>
    public IReadOnlyList<string> ExcessScopes { get; }

    /// <summary>Gets a value indicating whether every clause is satisfied.</summary>
    public bool IsSatisfied => Clauses.All(c => c.State == ClauseState.Satisfied);

    /// <summary>Gets a value indicating whether at least one clause is missing.</summary>
    public bool HasMissing => Clauses.Any(c => c.State == ClauseState.Missing);

    /// <summary>Gets a value indicating whether at least one clause is unknown.</summary>
    public bool HasUnknown => Clauses.Any(c => c.State == ClauseState.Unknown);

    /// <inheritdoc/>
    public override string ToString()
    {
        var text = $"{Requirement.Key}: {Clauses.Count(c => c.State == ClauseState.Satisfied)}/{Clauses.Count} satisfied";
        if (MissingScopes.Count > 0)
        {
            text += $"; missing {string.Join(", ", MissingScopes)}";
        }

        if (HasUnknown)
        {
            text += $"; unknown {string.Join(", ", Clauses.Where(c => c.State == ClauseState.Unknown).Select(c => c.Clause.Label))}";
        }

        return text;
    }
}
