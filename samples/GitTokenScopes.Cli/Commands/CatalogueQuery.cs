// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Cli.Commands;

/// <summary>Which part of the catalogue to show: an edition, optionally narrowed to one provider and one token kind.</summary>
/// <param name="Edition">The catalogue edition.</param>
/// <param name="Provider">Only this provider's requirements; <see langword="null"/> for all.</param>
/// <param name="Kind">Only this token kind's requirements; <see langword="null"/> for both.</param>
internal sealed record CatalogueQuery(ScopeEdition Edition, GitProvider? Provider = null, TokenKind? Kind = null)
{
    /// <summary>Gets the whole default edition.</summary>
    public static CatalogueQuery Default => new(ScopeEditions.Default);

    /// <summary>Selects the matching requirements, in the edition's (catalogue) order.</summary>
    public IReadOnlyList<ScopeRequirement> Select()
        => [.. Edition.Requirements.Where(r => (Provider is null || r.Key.Provider == Provider) && (Kind is null || r.Key.Kind == Kind))];
}
