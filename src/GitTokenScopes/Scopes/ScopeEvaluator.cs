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

        ClauseEvaluation[] clauses = [.. requirement.Clauses.Select(c =>
        {
            var state = StateOf(c, granted);
            return new ClauseEvaluation(c, state, state == ClauseState.Satisfied ? SatisfiedBy(c, granted) : null);
        })];
        var missingClauses = clauses.Where(c => c.State == ClauseState.Missing).Select(c => c.Clause).ToList();
        return new ScopeEvaluation(requirement, granted, clauses, MinimalMissing(missingClauses, granted), Excess(requirement, granted));
    }

    private static ClauseState StateOf(ScopeClause clause, GrantedScopes granted)
    {
        if (clause.AnyOf.Any(granted.Closure.Contains))
        {
            return ClauseState.Satisfied;
        }

        return granted.AllOthersUndetermined || clause.AnyOf.Any(granted.PossibleClosure.Contains)
            ? ClauseState.Unknown
            : ClauseState.Missing;
    }

    // Prefer a granted scope that is itself in the clause, then the first granted scope that implies one.
    private static string? SatisfiedBy(ScopeClause clause, GrantedScopes granted)
        => granted.Scopes.FirstOrDefault(s => clause.AnyOf.Contains(s, StringComparer.Ordinal))
            ?? granted.Scopes.FirstOrDefault(s => clause.AnyOf.Any(granted.Vocabulary.ClosureOf(s).Contains));

    private static string[] MinimalMissing(List<ScopeClause> missingClauses, GrantedScopes granted)
    {
        if (missingClauses.Count == 0)
        {
            return [];
        }

        var vocabulary = granted.Vocabulary;

        // Take each missing clause's preferred scope unless a scope already chosen satisfies that clause.
        var chosen = new List<string>();
        var chosenClosure = new HashSet<string>(StringComparer.Ordinal);
        foreach (var clause in missingClauses)
        {
            if (clause.AnyOf.Any(chosenClosure.Contains))
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
        => [.. granted.Scopes.Where(s => !requirement.Clauses.Any(c => c.AnyOf.Any(granted.Vocabulary.ClosureOf(s).Contains)))];
}
