// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Catalogue.Internal;

/// <summary>A validated <see cref="ScopeRequirementOverride"/>, named by where it was declared.</summary>
internal sealed record ParsedOverride(
    string Name,
    ScopeRequirementKey Key,
    string? Runtime,
    string? Repository,
    OverrideMode Mode,
    IReadOnlyList<ScopeClause> Clauses,
    IReadOnlyList<string> RemoveLabels)
{
    /// <summary>Gets the rank used to apply overrides from least to most specific: default, runtime, repository, both.</summary>
    public int Specificity => (Runtime is null ? 0 : 1) + (Repository is null ? 0 : 2);

    public bool AppliesTo(string? runtimeName, string? repository)
        => (Runtime is null || string.Equals(Runtime, runtimeName?.Trim(), StringComparison.OrdinalIgnoreCase))
            && (Repository is null || string.Equals(Repository, RepositoryName.Normalize(repository), StringComparison.OrdinalIgnoreCase));

    public IEnumerable<ScopeClause> ApplyTo(IReadOnlyList<ScopeClause> clauses)
        => Mode == OverrideMode.Replace
            ? Clauses
            : clauses.Where(c => !RemoveLabels.Contains(c.Label, StringComparer.OrdinalIgnoreCase)).Concat(Clauses);
}
