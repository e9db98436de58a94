// Licensed under the MIT License. See LICENSE in the repository root.

using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using GitTokenScopes.Scopes.Internal;

namespace GitTokenScopes;

/// <summary>
/// The scope language of one provider and token family: how scope strings are compared, which are well formed,
/// which are known, and which scope implies which (the implication graph).
/// </summary>
/// <remarks>
/// Every method normalizes the scopes it is given (see <see cref="Normalize(string)"/>) and throws
/// <see cref="ArgumentNullException"/> for a <see langword="null"/> one. Unknown scopes, well formed or not, are kept:
/// they imply nothing but themselves and never make anything fail.
/// </remarks>
public sealed class ScopeVocabulary
{
    private readonly bool _upperCase;
    private readonly Regex _wellFormed;
    private readonly FrozenDictionary<string, string[]> _edges;
    private readonly Func<string, string?>? _rule;
    private readonly FrozenDictionary<string, FrozenSet<string>> _closures;

    internal ScopeVocabulary(
        GitProvider provider,
        TokenFamily family,
        string description,
        Regex wellFormed,
        IEnumerable<string> knownScopes,
        IEnumerable<KeyValuePair<string, string[]>>? edges = null,
        Func<string, string?>? rule = null,
        bool upperCase = false)
    {
        Provider = provider;
        Family = family;
        Description = description;
        _upperCase = upperCase;
        _wellFormed = wellFormed;
        _rule = rule;
        _edges = (edges ?? []).ToFrozenDictionary(StringComparer.Ordinal);
        KnownScopes = [.. knownScopes.Concat(_edges.Keys).Concat(_edges.Values.SelectMany(c => c)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        _closures = KnownScopes.ToFrozenDictionary(s => s, ComputeClosure, StringComparer.Ordinal);
    }

    /// <summary>Gets the provider whose scopes this vocabulary describes.</summary>
    public GitProvider Provider { get; }

    /// <summary>Gets the token family whose scopes this vocabulary describes.</summary>
    public TokenFamily Family { get; }

    /// <summary>Gets a short human description of the vocabulary, for example "GitHub classic OAuth scopes".</summary>
    public string Description { get; }

    /// <summary>Gets every scope this vocabulary knows, normalized and in ordinal order.</summary>
    public IReadOnlyList<string> KnownScopes { get; }

    /// <summary>Gets every built-in vocabulary, one per provider and token family.</summary>
    public static IReadOnlyList<ScopeVocabulary> All => BuiltInVocabularies.All;

    /// <summary>Gets the vocabulary of a provider and token family.</summary>
    /// <exception cref="ArgumentException">Thrown when <paramref name="family"/> is not a family of <paramref name="provider"/>.</exception>
    public static ScopeVocabulary For(GitProvider provider, TokenFamily family)
        => TryGet(provider, family, out var vocabulary)
            ? vocabulary
            : throw new ArgumentException(
                $"Token family '{family.ToWireName()}' does not belong to provider '{SafeName(provider)}'. Families of that provider: {string.Join(", ", FamiliesOf(provider).Select(f => f.ToWireName()))}.",
                nameof(family));

    /// <summary>Gets the vocabulary of a provider and token family, if that family belongs to that provider.</summary>
    /// <returns><see langword="true"/> when <paramref name="family"/> is a family of <paramref name="provider"/>.</returns>
    public static bool TryGet(GitProvider provider, TokenFamily family, [NotNullWhen(true)] out ScopeVocabulary? vocabulary)
    {
        vocabulary = BuiltInVocabularies.All.FirstOrDefault(v => v.Provider == provider && v.Family == family);
        return vocabulary is not null;
    }

    /// <summary>Gets the token families of a provider, in declaration order; none for an undefined provider value.</summary>
    public static IReadOnlyList<TokenFamily> FamiliesOf(GitProvider provider)
        => BuiltInVocabularies.All.Where(v => v.Provider == provider).Select(v => v.Family).ToArray();

    /// <summary>
    /// Normalizes a scope for comparison: trims surrounding white space (a blank scope becomes empty) and folds case, to
    /// lower case except for Bitbucket Server permissions (upper case). White space inside a scope is kept, so such a
    /// scope is simply unknown and matches nothing.
    /// </summary>
    public string Normalize(string scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var trimmed = scope.Trim();
        return _upperCase ? trimmed.ToUpperInvariant() : trimmed.ToLowerInvariant();
    }

    /// <summary>Tells whether a scope has the shape of a scope in this vocabulary, known or not.</summary>
    public bool IsWellFormed(string scope) => _wellFormed.IsMatch(Normalize(scope));

    /// <summary>Tells whether a scope is one this vocabulary knows.</summary>
    public bool IsKnown(string scope) => _closures.ContainsKey(Normalize(scope));

    /// <summary>Gets the scopes a scope directly implies (its children in the implication graph), normalized.</summary>
    public IReadOnlyList<string> GetImpliedScopes(string scope) => DirectChildren(Normalize(scope));

    /// <summary>Tells whether holding <paramref name="granted"/> grants <paramref name="required"/>: it is or implies it.</summary>
    public bool Implies(string granted, string required)
    {
        ArgumentNullException.ThrowIfNull(required);
        return ClosureOf(Normalize(granted)).Contains(Normalize(required));
    }

    /// <summary>Computes the closure of a set of scopes: the scopes themselves (empty ones dropped) plus everything they imply.</summary>
    public IReadOnlySet<string> Expand(IEnumerable<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        return scopes.Select(Normalize).Where(s => s.Length > 0).SelectMany(ClosureOf).ToHashSet(StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Provider.ToWireName()}/{Family.ToWireName()}";

    /// <summary>Gets the reflexive, transitive closure of one normalized scope.</summary>
    internal FrozenSet<string> ClosureOf(string normalized)
        => _closures.TryGetValue(normalized, out var closure) ? closure : ComputeClosure(normalized);

    private FrozenSet<string> ComputeClosure(string normalized)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Visit(normalized);
        return seen.ToFrozenSet(StringComparer.Ordinal);

        void Visit(string scope)
        {
            if (seen.Add(scope))
            {
                Array.ForEach(DirectChildren(scope), Visit);
            }
        }
    }

    // A built-in vocabulary has edges or a rule, never both.
    private string[] DirectChildren(string normalized)
        => _rule?.Invoke(normalized) is { } child ? [child] : _edges.GetValueOrDefault(normalized, []);

    private static string SafeName(GitProvider provider)
        => Enum.IsDefined(provider) ? provider.ToWireName() : ((int)provider).ToString(CultureInfo.InvariantCulture);
}
