// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Validation.Internal;

/// <summary>
/// The token-independent half of a validation's question: for a provider, token kind, runtimes and repositories, the
/// requirement of every token family for each runtime, every requirement an inspector may need, and the digest of all
/// that in the inspection's cache key. With the library's own catalogue it never changes, so the validator shares one
/// between the requests that ask the same.
/// </summary>
internal sealed class QuestionShape
{
    private readonly TokenFamily[] _families;
    private readonly ScopeRequirement[][] _perRuntime;

    private QuestionShape(string?[] runtimes, TokenFamily[] families, ScopeRequirement[][] perRuntime, ScopeRequirement[] asked, string digest)
    {
        Runtimes = runtimes;
        _families = families;
        _perRuntime = perRuntime;
        Asked = asked;
        Digest = digest;
    }

    /// <summary>Gets the runtimes, one report each (<see langword="null"/> stands for the defaults).</summary>
    public string?[] Runtimes { get; }

    /// <summary>Gets every family's requirements, each once, so that an inspector can probe what the token's family needs before the family is known.</summary>
    public ScopeRequirement[] Asked { get; }

    /// <summary>Gets the digest of the repositories and the asked scopes, part of the inspection's cache key.</summary>
    public string Digest { get; }

    public static QuestionShape Resolve(IScopeRequirements requirements, GitProvider provider, TokenKind kind, string?[] runtimes, IReadOnlyList<RepositoryRequest> repositories)
    {
        var families = ScopeVocabulary.FamiliesOf(provider).ToArray();
        var perRuntime = new ScopeRequirement[families.Length][];
        var asked = new List<ScopeRequirement>();
        for (var f = 0; f < families.Length; f++)
        {
            var key = new ScopeRequirementKey(provider, kind, families[f]);
            perRuntime[f] = new ScopeRequirement[runtimes.Length];
            for (var r = 0; r < runtimes.Length; r++)
            {
                var requirement = RequirementResolver.Resolve(requirements, key, runtimes[r], repositories);
                perRuntime[f][r] = requirement;
                if (!asked.Contains(requirement))
                {
                    asked.Add(requirement);
                }
            }
        }

        return new(runtimes, families, perRuntime, [.. asked], ValidationCacheKeys.QuestionDigest(repositories, asked));
    }

    /// <summary>Whether this shape was resolved for the same runtimes.</summary>
    public bool AsksFor(string?[] runtimes)
    {
        if (runtimes.Length != Runtimes.Length)
        {
            return false;
        }

        for (var i = 0; i < runtimes.Length; i++)
        {
            if (!string.Equals(runtimes[i], Runtimes[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether this shape was resolved for one runtime alone.</summary>
    public bool AsksFor(string? runtime) => Runtimes.Length == 1 && string.Equals(Runtimes[0], runtime, StringComparison.Ordinal);

    /// <summary>The requirement the report for <c>Runtimes[runtime]</c> applies; <see langword="null"/> when the family is unknown or not the provider's.</summary>
    public ScopeRequirement? RequirementFor(TokenFamily? family, int runtime)
    {
        for (var f = 0; f < _families.Length; f++)
        {
            if (_families[f] == family)
            {
                return _perRuntime[f][runtime];
            }
        }

        return null;
    }
}
