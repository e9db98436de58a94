// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>
/// Evaluates what a token holds against what it must hold. A pure function: no I/O, no clock, no state.
/// </summary>
public static class ScopeEvaluator
{
    /// <summary>Evaluates a grant against a requirement.</summary>
    /// <param name="requirement">What the token must hold.</param>
    /// <param name="granted">What the token holds, in the requirement's vocabulary.</param>
    /// <returns>
    /// Per clause: <see cref="ClauseState.Satisfied"/> when a granted scope is or implies one of its scopes;
    /// <see cref="ClauseState.Unknown"/> when not, but an undetermined scope would; otherwise <see cref="ClauseState.Missing"/>.
    /// Plus the minimal missing scopes and the excess scopes.
    /// </returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="granted"/> is written in another vocabulary than <paramref name="requirement"/>.</exception>
    public static ScopeEvaluation Evaluate(ScopeRequirement requirement, GrantedScopes granted)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(granted);
        var vocabulary = requirement.Vocabulary;
        if (!ReferenceEquals(vocabulary, granted.Vocabulary))
        {
            throw new ArgumentException(
                $"The grant is written in the {granted.Vocabulary} vocabulary but the requirement {requirement.Key} in {vocabulary}.",
                nameof(granted));
        }

        var clauses = requirement.Clauses.Select(clause => Evaluate(clause, granted)).ToArray();
        var missing = clauses.Any(c => c.State == ClauseState.Missing) ? MinimalMissing(clauses, vocabulary) : [];
        var excess = granted.Scopes.Where(s => !vocabulary.ClosureOf(s).Overlaps(requirement.Scopes)).ToArray();
        return new ScopeEvaluation(requirement, granted, clauses, missing, excess);
    }

    private static ClauseEvaluation Evaluate(ScopeClause clause, GrantedScopes granted)
    {
        if (HasAnyOf(clause, granted.Closure))
        {
            // Prefer a granted scope that is itself in the clause, then the first granted scope that implies one.
            var satisfiedBy = granted.Scopes.FirstOrDefault(clause.AnyOf.Contains)
                ?? granted.Scopes.FirstOrDefault(s => HasAnyOf(clause, granted.Vocabulary.ClosureOf(s)));
            return new ClauseEvaluation(clause, ClauseState.Satisfied, satisfiedBy);
        }

        var unknown = granted.AllOthersUndetermined || HasAnyOf(clause, granted.PossibleClosure);
        return new ClauseEvaluation(clause, unknown ? ClauseState.Unknown : ClauseState.Missing, satisfiedBy: null);
    }

    private static bool HasAnyOf(ScopeClause clause, IReadOnlySet<string> scopes) => clause.AnyOf.Any(scopes.Contains);

    private static string[] MinimalMissing(ClauseEvaluation[] clauses, ScopeVocabulary vocabulary)
    {
        // Take each missing clause's preferred scope unless a scope already chosen satisfies that clause.
        var chosen = new List<string>();
        var chosenClosure = new HashSet<string>(StringComparer.Ordinal);
        foreach (var clause in clauses.Where(c => c.State == ClauseState.Missing).Select(c => c.Clause))
        {
            if (!HasAnyOf(clause, chosenClosure))
            {
                chosen.Add(clause.Preferred);
                chosenClosure.UnionWith(vocabulary.ClosureOf(clause.Preferred));
            }
        }

        // Then drop any chosen scope that a strictly broader chosen scope implies (a later clause may ask for it).
        return [.. chosen.Where(scope => !chosen.Any(other => IsStrictlyBroader(vocabulary, other, scope)))];
    }

    private static bool IsStrictlyBroader(ScopeVocabulary vocabulary, string broader, string narrower)
        => !string.Equals(broader, narrower, StringComparison.Ordinal)
            && vocabulary.ClosureOf(broader).Contains(narrower)
            && !vocabulary.ClosureOf(narrower).Contains(broader);
}
