// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>
/// Identifies one requirement of the catalogue: a provider, a token kind (Runtime or User) and a token family
/// (the scope vocabulary, for example GitHub classic or fine-grained).
/// </summary>
public readonly record struct ScopeRequirementKey
{
    /// <summary>Initializes a new instance of the <see cref="ScopeRequirementKey"/> struct.</summary>
    /// <exception cref="ArgumentException">Thrown when <paramref name="family"/> is not a family of <paramref name="provider"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="kind"/> is not a defined value.</exception>
    public ScopeRequirementKey(GitProvider provider, TokenKind kind, TokenFamily family)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a defined TokenKind value.");
        }

        _ = ScopeVocabulary.For(provider, family);
        Provider = provider;
        Kind = kind;
        Family = family;
    }

    /// <summary>Gets the provider.</summary>
    public GitProvider Provider { get; }

    /// <summary>Gets the token kind.</summary>
    public TokenKind Kind { get; }

    /// <summary>Gets the token family.</summary>
    public TokenFamily Family { get; }

    /// <summary>Gets the vocabulary the requirement's scopes are written in.</summary>
    public ScopeVocabulary Vocabulary => ScopeVocabulary.For(Provider, Family);

    /// <summary>Gets every valid key: each provider's families, for both token kinds.</summary>
    public static IReadOnlyList<ScopeRequirementKey> All { get; } =
        [.. ScopeVocabulary.All.SelectMany(v => Enum.GetValues<TokenKind>(), (v, kind) => new ScopeRequirementKey(v.Provider, kind, v.Family))];

    /// <summary>Returns the key's wire names as <c>provider/kind/family</c>, for example <c>github/runtime/classic</c>.</summary>
    public override string ToString() => $"{Provider.ToWireName()}/{Kind.ToWireName()}/{Family.ToWireName()}";
}
