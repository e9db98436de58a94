// Licensed under the MIT License. See LICENSE in the repository root.

using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;

namespace GitTokenScopes;

/// <summary>
/// What a token must hold: all of its clauses, each satisfied by any one of its scopes. Carries where it comes from
/// (edition and source document) and which overrides shaped it.
/// </summary>
public sealed class ScopeRequirement
{
    /// <summary>Initializes a new instance of the <see cref="ScopeRequirement"/> class.</summary>
    /// <param name="key">The provider, token kind and token family the requirement is for.</param>
    /// <param name="clauses">The clauses, all of which are needed. Scopes are normalized in the key's vocabulary.</param>
    /// <param name="edition">The name of the catalogue edition the requirement belongs to.</param>
    /// <param name="source">The document the requirement reproduces.</param>
    /// <param name="notes">Remarks on how the source was read (for example a typo corrected), if any.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="clauses"/>, a clause or <paramref name="source"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when there is no clause, <paramref name="edition"/> is blank, or a scope is not well formed in the key's vocabulary.</exception>
    public ScopeRequirement(ScopeRequirementKey key, IEnumerable<ScopeClause> clauses, string edition, RequirementSource source, string? notes = null)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        ArgumentException.ThrowIfNullOrWhiteSpace(edition);
        ArgumentNullException.ThrowIfNull(source);
        var vocabulary = key.Vocabulary;
        var normalized = clauses.Select(clause =>
        {
            ArgumentNullException.ThrowIfNull(clause, nameof(clauses));
            return clause.AnyOf.FirstOrDefault(s => !vocabulary.IsWellFormed(s)) is { } scope
                ? throw new ArgumentException($"Clause '{clause.Label}' of {key}: '{scope}' is not a well-formed scope in the {vocabulary.Description} vocabulary.", nameof(clauses))
                : new ScopeClause(clause.Label, clause.AnyOf.Select(vocabulary.Normalize), clause.Purpose);
        }).ToArray();
        if (normalized.Length == 0)
        {
            throw new ArgumentException($"The requirement for {key} must have at least one clause.", nameof(clauses));
        }

        Key = key;
        Clauses = normalized;
        Edition = edition;
        Source = source;
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes;
        Vocabulary = vocabulary;
        Scopes = normalized.SelectMany(c => c.AnyOf).ToFrozenSet(StringComparer.Ordinal);
        var digested = key.Family.ToWireName() + ":" + string.Join(",", Scopes.Order(StringComparer.Ordinal));
        ScopeDigest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(digested))[..8]);
    }

    /// <summary>Gets the provider, token kind and token family the requirement is for.</summary>
    public ScopeRequirementKey Key { get; }

    /// <summary>Gets the clauses, all of which are needed.</summary>
    public IReadOnlyList<ScopeClause> Clauses { get; }

    /// <summary>Gets the name of the catalogue edition the requirement belongs to.</summary>
    public string Edition { get; }

    /// <summary>Gets the document the requirement reproduces.</summary>
    public RequirementSource Source { get; }

    /// <summary>Gets remarks on how the source was read, if any.</summary>
    public string? Notes { get; }

    /// <summary>
    /// Gets the overrides applied to the edition's requirement to produce this one, least specific first, each named by
    /// where it was declared (for example <c>GitTokenScopes:Overrides:0</c>); empty when none applied.
    /// </summary>
    public IReadOnlyList<string> AppliedOverrides { get; private init; } = [];

    /// <summary>Gets the vocabulary the scopes are written in.</summary>
    public ScopeVocabulary Vocabulary { get; }

    /// <summary>Gets every scope of every clause.</summary>
    internal FrozenSet<string> Scopes { get; }

    /// <summary>Gets a hash of the family and the sorted, distinct scopes: what an inspection's cache key says of the requirement.</summary>
    internal string ScopeDigest { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Key} [{Edition}]: {string.Join(" AND ", Clauses.Select(c => "(" + string.Join(" | ", c.AnyOf) + ")"))}";

    /// <summary>Creates the requirement that results from applying an override to this one.</summary>
    internal ScopeRequirement WithClauses(IEnumerable<ScopeClause> clauses, string overrideName)
        => new(Key, clauses, Edition, Source, Notes) { AppliedOverrides = [.. AppliedOverrides, overrideName] };
}
