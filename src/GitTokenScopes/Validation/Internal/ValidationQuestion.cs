// Licensed under the MIT License. See LICENSE in the repository root.

using System.Security.Cryptography;
using System.Text;

namespace GitTokenScopes.Validation.Internal;

/// <summary>
/// What one validation asks, resolved on every call (a host's <see cref="IScopeRequirements"/> may change at any time):
/// for each token family of the provider, the requirement of each runtime; every requirement an inspector may need to
/// probe, since the token's family is not known before it asks; and the digest of all that in the inspection's cache key.
/// </summary>
internal sealed class ValidationQuestion
{
    private readonly List<(TokenFamily Family, ScopeRequirement[] PerRuntime)> _families = [];

    public ValidationQuestion(IScopeRequirements requirements, TokenValidationRequest request, string?[] runtimes)
    {
        // Plain loops: this runs on every call, cached ones too, where LINQ's iterators and sets doubled its cost.
        var asked = new List<ScopeRequirement>();
        foreach (var key in ScopeRequirementKey.All)
        {
            if (key.Provider != request.Credential.Provider || key.Kind != request.Kind)
            {
                continue;
            }

            var perRuntime = new ScopeRequirement[runtimes.Length];
            for (var i = 0; i < runtimes.Length; i++)
            {
                perRuntime[i] = Resolve(requirements, key, runtimes[i], request.Repositories);
                if (!asked.Contains(perRuntime[i]))
                {
                    asked.Add(perRuntime[i]);
                }
            }

            _families.Add((key.Family, perRuntime));
        }

        Inspection = new TokenInspectionRequest(request.Credential, request.Repositories, asked);
        Digest = DigestOf(request.Repositories, asked);
    }

    public TokenInspectionRequest Inspection { get; }

    public string Digest { get; }

    /// <summary>The requirement of each runtime, in order; <see langword="null"/> when the family is unknown or not the provider's.</summary>
    public ScopeRequirement[]? RequirementsFor(TokenFamily? family) => _families.Find(f => f.Family == family).PerRuntime;

    /// <summary>
    /// Without repositories, the runtime's requirement. With repositories, the token must satisfy each repository's
    /// requirement, so the clauses of all of them apply (each once). A repository override that replaces the
    /// requirement therefore loosens it only when every named repository is covered by such an override.
    /// </summary>
    internal static ScopeRequirement Resolve(IScopeRequirements requirements, ScopeRequirementKey key, string? runtimeName, IReadOnlyList<RepositoryRequest> repositories)
    {
        if (repositories.Count == 0)
        {
            return requirements.GetRequirement(key, runtimeName, null);
        }

        var each = repositories.Select(r => requirements.GetRequirement(key, runtimeName, r.Name)).ToArray();
        var first = each[0];
        if (each.All(r => ReferenceEquals(r, first)))
        {
            return first;
        }

        var clauses = each.SelectMany(r => r.Clauses).DistinctBy(c => (c.Label, string.Join('\n', c.AnyOf))).ToList();
        var overrides = each.Skip(1).SelectMany(r => r.AppliedOverrides).Where(o => !first.AppliedOverrides.Contains(o, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToArray();
        return clauses.Count == first.Clauses.Count && overrides.Length == 0
            ? first
            : first.WithClauses(clauses, overrides.Length == 0 ? "repositories combined" : string.Join(", ", overrides));
    }

    /// <summary>
    /// The requirements' own scope digests (sorted, distinct), and when repositories are named or the text grows long,
    /// one hash of that with the repositories and their access (sorted, case folded).
    /// </summary>
    private static string DigestOf(IReadOnlyList<RepositoryRequest> repositories, List<ScopeRequirement> requirements)
    {
        var digests = new List<string>(requirements.Count);
        foreach (var requirement in requirements)
        {
            if (!digests.Contains(requirement.ScopeDigest))
            {
                digests.Add(requirement.ScopeDigest);
            }
        }

        digests.Sort(string.CompareOrdinal);
        var scopes = string.Join('.', digests);
        if (repositories.Count == 0 && scopes.Length <= 64)
        {
            return scopes;
        }

        var names = repositories.Select(r => $"{r.Name.ToLowerInvariant()}|{(r.Access == RepositoryAccess.Read ? "r" : "rw")}").Order(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\0", names.Prepend(scopes))))[..8]);
    }
}
