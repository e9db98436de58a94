// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>
/// What a token is known to hold, in one vocabulary: the scopes it was granted, the scopes whose presence could
/// not be determined, and the closure of the granted scopes under the vocabulary's implications (computed once).
/// </summary>
/// <remarks>
/// Scopes are normalized (see <see cref="ScopeVocabulary.Normalize(string)"/>), empty ones are dropped and duplicates
/// are removed, keeping first-seen order. Unknown scopes are kept.
/// </remarks>
public sealed class GrantedScopes
{
    private GrantedScopes(ScopeVocabulary vocabulary, IEnumerable<string> scopes, IEnumerable<string> undetermined, bool othersUndetermined)
    {
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

    /// <summary>Creates a fully known grant.</summary>
    /// <param name="vocabulary">The vocabulary the scopes are written in.</param>
    /// <param name="scopes">The granted scopes, as the provider reported them.</param>
    /// <returns>The grant.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument or a scope is <see langword="null"/>.</exception>
    public static GrantedScopes Create(ScopeVocabulary vocabulary, IEnumerable<string> scopes)
        => Create(vocabulary, scopes, []);

    /// <summary>Creates a grant in which some scopes could not be determined.</summary>
    /// <param name="vocabulary">The vocabulary the scopes are written in.</param>
    /// <param name="scopes">The scopes known to be granted.</param>
    /// <param name="undetermined">The scopes whose presence could not be determined.</param>
    /// <returns>The grant.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument or a scope is <see langword="null"/>.</exception>
    public static GrantedScopes Create(ScopeVocabulary vocabulary, IEnumerable<string> scopes, IEnumerable<string> undetermined)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(undetermined);
        return new GrantedScopes(vocabulary, scopes, undetermined, othersUndetermined: false);
    }

    /// <summary>Creates a grant about which nothing beyond <paramref name="scopes"/> is known.</summary>
    /// <param name="vocabulary">The vocabulary the scopes are written in.</param>
    /// <param name="scopes">The scopes known to be granted, if any.</param>
    /// <returns>The grant; every clause it does not satisfy evaluates as unknown.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="vocabulary"/> or a scope is <see langword="null"/>.</exception>
    public static GrantedScopes CreateUndetermined(ScopeVocabulary vocabulary, IEnumerable<string>? scopes = null)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        return new GrantedScopes(vocabulary, scopes ?? [], [], othersUndetermined: true);
    }

    /// <summary>Tells whether the token holds a scope, directly or through an implication.</summary>
    /// <param name="scope">The scope; it is normalized first.</param>
    /// <returns><see langword="true"/> when the scope is in <see cref="Closure"/>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="scope"/> is <see langword="null"/>.</exception>
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
