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

        var clauses = new ClauseEvaluation[requirement.Clauses.Count];
        for (var i = 0; i < clauses.Length; i++)
        {
            var clause = requirement.Clauses[i];
            var state = StateOf(clause, granted);
            clauses[i] = new ClauseEvaluation(clause, state, state == ClauseState.Satisfied ? SatisfiedBy(clause, granted) : null);
        }

        var missing = clauses.Any(c => c.State == ClauseState.Missing) ? MinimalMissing(clauses, granted) : [];
        return new ScopeEvaluation(requirement, granted, clauses, missing, Excess(requirement, granted));
    }

    private static ClauseState StateOf(ScopeClause clause, GrantedScopes granted)
    {
        if (HasAnyOf(clause, granted.Closure))
        {
            return ClauseState.Satisfied;
        }

        return granted.AllOthersUndetermined || HasAnyOf(clause, granted.PossibleClosure)
            ? ClauseState.Unknown
            : ClauseState.Missing;
    }

    // Prefer a granted scope that is itself in the clause, then the first granted scope that implies one.
    private static string? SatisfiedBy(ScopeClause clause, GrantedScopes granted)
    {
        string? implying = null;
        for (var i = 0; i < granted.Scopes.Count; i++)
        {
            var scope = granted.Scopes[i];
            if (clause.AnyOf.Contains(scope))
            {
                return scope;
            }

            implying ??= HasAnyOf(clause, granted.Vocabulary.ClosureOf(scope)) ? scope : null;
        }

        return implying;
    }

    private static bool HasAnyOf(ScopeClause clause, IReadOnlySet<string> scopes)
    {
        for (var i = 0; i < clause.AnyOf.Count; i++)
        {
            if (scopes.Contains(clause.AnyOf[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string[] MinimalMissing(ClauseEvaluation[] clauses, GrantedScopes granted)
    {
        var vocabulary = granted.Vocabulary;

        // Take each missing clause's preferred scope unless a scope already chosen satisfies that clause.
        var chosen = new List<string>();
        var chosenClosure = new HashSet<string>(StringComparer.Ordinal);
        foreach (var clause in clauses.Where(c => c.State == ClauseState.Missing).Select(c => c.Clause))
        {
            if (HasAnyOf(clause, chosenClosure))
            {
                continue;
            }

            chosen.Add(clause.Preferred);
            chosenClosure.UnionWith(vocabulary.ClosureOf(clause.Preferred));
        }

        // Then drop any chosen scope that a strictly broader chosen scope implies (a later clause may ask for it).
        return chosen
            .Where(scope => !chosen.Any(other => IsStrictlyBroader(vocabulary, other, scope)))
            .ToArray();
    }

    private static bool IsStrictlyBroader(ScopeVocabulary vocabulary, string broader, string narrower)
        => !string.Equals(broader, narrower, StringComparison.Ordinal)
            && vocabulary.ClosureOf(broader).Contains(narrower)
            && !vocabulary.ClosureOf(narrower).Contains(broader);

    private static string[] Excess(ScopeRequirement requirement, GrantedScopes granted)
        => [.. granted.Scopes.Where(s => !granted.Vocabulary.ClosureOf(s).Overlaps(requirement.Scopes))];
}
