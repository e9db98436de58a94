// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Validation.Internal;

/// <summary>
/// What one validation asks, resolved on every call (a host's <see cref="IScopeRequirements"/> may change at any time):
/// for each token family of the provider, the requirement of each runtime; every requirement an inspector may need to
/// probe, since the token's family is not known before it asks; and the digest of all that in the inspection's cache key.
/// </summary>
internal sealed class ValidationQuestion
{
    private readonly TokenFamily[] _families;
    private readonly ScopeRequirement[][] _perFamily;

    public ValidationQuestion(IScopeRequirements requirements, TokenValidationRequest request, string?[] runtimes)
    {
        var provider = request.Credential.Provider;
        _families = [.. ScopeVocabulary.FamiliesOf(provider)];
        _perFamily = new ScopeRequirement[_families.Length][];
        var asked = new List<ScopeRequirement>();
        for (var f = 0; f < _families.Length; f++)
        {
            var key = new ScopeRequirementKey(provider, request.Kind, _families[f]);
            _perFamily[f] = [.. runtimes.Select(r => RequirementResolver.Resolve(requirements, key, r, request.Repositories))];
            foreach (var requirement in _perFamily[f])
            {
                if (!asked.Contains(requirement))
                {
                    asked.Add(requirement);
                }
            }
        }

        Runtimes = runtimes;
        Inspection = new TokenInspectionRequest(request.Credential, request.Repositories, asked);
        Digest = ValidationCacheKeys.QuestionDigest(request.Repositories, asked);
    }

    /// <summary>Gets the runtimes, one report each (<see langword="null"/> stands for the defaults).</summary>
    public string?[] Runtimes { get; }

    /// <summary>Gets the inspection request: the credential, the repositories and every family's requirements.</summary>
    public TokenInspectionRequest Inspection { get; }

    /// <summary>Gets the digest of the repositories and the asked scopes, part of the inspection's cache key.</summary>
    public string Digest { get; }

    /// <summary>The requirement the report for <c>Runtimes[runtime]</c> applies; <see langword="null"/> when the family is unknown or not the provider's.</summary>
    public ScopeRequirement? RequirementFor(TokenFamily? family, int runtime)
    {
        var f = family is { } known ? Array.IndexOf(_families, known) : -1;
        return f < 0 ? null : _perFamily[f][runtime];
    }
}
