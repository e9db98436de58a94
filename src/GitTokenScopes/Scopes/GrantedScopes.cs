// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>
/// What a token is known to hold, in one vocabulary: the scopes it was granted, the scopes whose presence could
/// not be determined, and the closure of the granted scopes under the vocabulary's implications (computed once).
/// </summary>
/// <remarks>
/// Scopes are normalized (see <see cref="ScopeVocabulary.Normalize(string)"/>), empty ones are dropped and duplicates
/// are removed, keeping first-seen order. Unknown scopes are kept. The factories and <see cref="Grants(string)"/> throw
/// <see cref="ArgumentNullException"/> for a <see langword="null"/> argument or scope.
/// </remarks>
public sealed class GrantedScopes
{
    private GrantedScopes(ScopeVocabulary vocabulary, IEnumerable<string> scopes, IEnumerable<string> undetermined, bool othersUndetermined)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(undetermined);
        Vocabulary = vocabulary;
        Scopes = Distinct(vocabulary, scopes);
        Undetermined = Distinct(vocabulary, undetermined).Except(Scopes, StringComparer.Ordinal).ToArray();
        AllOthersUndetermined = othersUndetermined;
        Closure = vocabulary.Expand(Scopes);
        PossibleClosure = vocabulary.Expand(Scopes.Concat(Undetermined));
    }

    /// <summary>Gets the vocabulary the scopes are written in.</summary>
    public ScopeVocabulary Vocabulary { get; }

    /// <summary>Gets the granted scopes as reported, normalized and without duplicates.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>Gets the scopes whose presence could not be determined (for example fine-grained permissions not probed).</summary>
    public IReadOnlyList<string> Undetermined { get; }

    /// <summary>
    /// Gets a value indicating whether every scope not in <see cref="Scopes"/> is undetermined: nothing could be
    /// learned beyond the granted list.
    /// </summary>
    public bool AllOthersUndetermined { get; }

    /// <summary>Gets a value indicating whether the grant is fully known: nothing is undetermined.</summary>
    public bool IsComplete => !AllOthersUndetermined && Undetermined.Count == 0;

    /// <summary>Gets the granted scopes plus everything they imply.</summary>
    public IReadOnlySet<string> Closure { get; }

    /// <summary>Gets the closure of the granted and the undetermined scopes: what the token may hold.</summary>
    internal IReadOnlySet<string> PossibleClosure { get; }

    /// <summary>Creates a fully known grant from the scopes the provider reported.</summary>
    public static GrantedScopes Create(ScopeVocabulary vocabulary, IEnumerable<string> scopes)
        => Create(vocabulary, scopes, []);

    /// <summary>Creates a grant of the scopes known to be granted and of those whose presence could not be determined.</summary>
    public static GrantedScopes Create(ScopeVocabulary vocabulary, IEnumerable<string> scopes, IEnumerable<string> undetermined)
        => new(vocabulary, scopes, undetermined, othersUndetermined: false);

    /// <summary>
    /// Creates a grant about which nothing beyond <paramref name="scopes"/> (if any) is known: every clause it does not
    /// satisfy evaluates as unknown.
    /// </summary>
    public static GrantedScopes CreateUndetermined(ScopeVocabulary vocabulary, IEnumerable<string>? scopes = null)
        => new(vocabulary, scopes ?? [], [], othersUndetermined: true);

    /// <summary>Tells whether the token holds a scope (normalized first), directly or through an implication: it is in <see cref="Closure"/>.</summary>
    public bool Grants(string scope) => Closure.Contains(Vocabulary.Normalize(scope));

    /// <inheritdoc/>
    public override string ToString()
    {
        var text = $"{Vocabulary}: [{string.Join(", ", Scopes)}]";
        return AllOthersUndetermined ? text + " (others undetermined)"
            : Undetermined.Count > 0 ? text + $" (undetermined: {string.Join(", ", Undetermined)})"
            : text;
    }

    private static string[] Distinct(ScopeVocabulary vocabulary, IEnumerable<string> scopes)
        => [.. scopes.Select(s => vocabulary.Normalize(s ?? throw new ArgumentNullException(nameof(scopes)))).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)];
}
