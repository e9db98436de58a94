// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics.CodeAnalysis;
using GitTokenScopes.Catalogue.Internal;

namespace GitTokenScopes;

/// <summary>
/// The built-in catalogue editions. Hosts select one by name (<see cref="GitTokenScopesOptions.Edition"/>);
/// the seed's is the default.
/// </summary>
public static class ScopeEditions
{
    /// <summary>The name of the seed edition: the source document's tables, row for row.</summary>
    public const string SeedName = "seed";

    /// <summary>The name of the edition that follows Codefresh's documentation as of 2026-05-11.</summary>
    public const string CodefreshDocsName = "codefresh-docs-2026-05";

    /// <summary>Gets the seed edition: the source document's tables, row for row.</summary>
    public static ScopeEdition Seed => BuiltInEditions.Seed;

    /// <summary>
    /// Gets the edition that follows Codefresh's documentation as of 2026-05-11: the GitLab Runtime token needs
    /// <c>api</c>, and the fine-grained GitHub Runtime token also needs Commit statuses and Pull requests.
    /// </summary>
    public static ScopeEdition CodefreshDocs => BuiltInEditions.CodefreshDocs;

    /// <summary>Gets the default edition, <see cref="Seed"/>.</summary>
    public static ScopeEdition Default => Seed;

    /// <summary>Gets every built-in edition, the default first.</summary>
    public static IReadOnlyList<ScopeEdition> All { get; } = [Seed, CodefreshDocs];

    /// <summary>Gets a built-in edition by name (ordinal, ignoring case), if there is one.</summary>
    public static bool TryGet([NotNullWhen(true)] string? name, [NotNullWhen(true)] out ScopeEdition? edition)
    {
        edition = All.FirstOrDefault(e => string.Equals(e.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
        return edition is not null;
    }

    /// <summary>Gets a built-in edition by name (ordinal, ignoring case).</summary>
    /// <exception cref="ArgumentException">Thrown when no built-in edition has that name; the message lists the names.</exception>
    public static ScopeEdition Get(string name)
        => TryGet(name, out var edition)
            ? edition
            : throw new ArgumentException($"Unknown catalogue edition '{name}'. Known editions: {string.Join(", ", All.Select(e => e.Name))}.", nameof(name));
}
