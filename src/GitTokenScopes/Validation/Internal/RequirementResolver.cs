// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Validation.Internal;

/// <summary>Finds the requirement one validation applies: per runtime, and per named repository.</summary>
internal static class RequirementResolver
{
    /// <summary>
    /// Without repositories, the runtime's requirement. With repositories, the token must satisfy each repository's
    /// requirement, so the clauses of all of them apply (each once). A repository override that replaces the
    /// requirement therefore loosens it only when every named repository is covered by such an override.
    /// </summary>
    public static ScopeRequirement Resolve(IScopeRequirements requirements, ScopeRequirementKey key, string? runtimeName, IReadOnlyList<RepositoryRequest> repositories)
    {
        if (repositories.Count == 0)
        {
            return requirements.GetRequirement(key, runtimeName, null);
        }

        var each = repositories.Select(r => requirements.GetRequirement(key, runtimeName, r.Name)).ToArray();
        var first = each[0];
        if (each.All(r => ReferenceEquals(r, first)))
        {
            return first;
        }

        var clauses = new List<ScopeClause>();
        foreach (var clause in each.SelectMany(r => r.Clauses))
        {
            if (!clauses.Any(c => SameClause(c, clause)))
            {
                clauses.Add(clause);
            }
        }

        var overrides = each.Skip(1).SelectMany(r => r.AppliedOverrides).Where(o => !first.AppliedOverrides.Contains(o, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToArray();
        return clauses.Count == first.Clauses.Count && overrides.Length == 0
            ? first
            : first.WithClauses(clauses, overrides.Length == 0 ? "repositories combined" : string.Join(", ", overrides));
    }

    private static bool SameClause(ScopeClause a, ScopeClause b)
        => string.Equals(a.Label, b.Label, StringComparison.Ordinal) && a.AnyOf.SequenceEqual(b.AnyOf, StringComparer.Ordinal);
}
