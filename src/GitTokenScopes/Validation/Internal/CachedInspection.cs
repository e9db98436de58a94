// Licensed under the MIT License. See LICENSE in the repository root.

using System.ComponentModel;

namespace GitTokenScopes.Validation.Internal;

/// <summary>
/// An inspection as the cache keeps it, with when it was made (the time belongs to the cache entry, not to what the
/// provider said). Immutable, so that <c>HybridCache</c>'s local tier hands the same instance to every hit.
/// </summary>
[ImmutableObject(true)]
internal sealed record CachedInspection(TokenInspection Inspection, DateTimeOffset CheckedAt)
{
    /// <summary>
    /// The grant in the vocabulary of the inspection's family, or <see langword="null"/> when no grant was learnt or the
    /// family is unknown. A host's inspector may write its grant in another vocabulary; it is then read in the family's.
    /// </summary>
    public GrantedScopes? Grant()
    {
        var inspection = Inspection;
        if (inspection.Granted is not { } granted || inspection.Family is not { } family || !ScopeVocabulary.TryGet(inspection.Provider, family, out var vocabulary))
        {
            return null;
        }

        return ReferenceEquals(granted.Vocabulary, vocabulary) ? granted
            : granted.AllOthersUndetermined ? GrantedScopes.CreateUndetermined(vocabulary, granted.Scopes)
            : GrantedScopes.Create(vocabulary, granted.Scopes, granted.Undetermined);
    }
}
