// Licensed under the MIT License. See LICENSE in the repository root.

using System.Security.Cryptography;
using System.Text;

namespace GitTokenScopes.Validation.Internal;

/// <summary>
/// Cache keys and tags. A token enters them only as a SHA-256 over a domain prefix, the provider, the username and the
/// token: a full-length hash of a high-entropy secret, which cannot be reversed, and which differs between two
/// Bitbucket users who happen to share an app password.
/// </summary>
internal static class ValidationCacheKeys
{
    /// <summary>The key prefix; it changes whenever the cached snapshot's shape changes, so that instances of two versions sharing a distributed cache never read each other's entries.</summary>
    private const string Version = "gts2";

    public static string TokenHash(GitCredential credential) => credential.CacheKeyHash;

    /// <summary>The tag every entry of one token carries, so that one call forgets them all.</summary>
    public static string Tag(string tokenHash) => $"{Version}:token:{tokenHash}";

    /// <summary>
    /// One inspection's key: provider, the API base as given, the token hash, the token's generation, and a hash of what was asked (the
    /// repositories with their access, and the scopes of the requirements, which fine-grained probes depend on).
    /// </summary>
    /// <summary>Where a token's cache generation is shared between instances.</summary>
    public static string Generation(string tokenHash) => $"{Version}:generation:{tokenHash}";

    public static string Inspection(GitCredential credential, string tokenHash, string generation, IReadOnlyList<RepositoryRequest> repositories, IEnumerable<ScopeRequirement> requirements)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var repository in repositories.Select(r => $"{r.Name.ToLowerInvariant()}|{r.Access.ToWireName()}").Order(StringComparer.Ordinal))
        {
            Append(hash, "r:" + repository);
        }

        var scopes = requirements.SelectMany(r => r.Clauses.SelectMany(c => c.AnyOf.Select(s => $"{r.Key.Family.ToWireName()}:{s}")))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var scope in scopes)
        {
            Append(hash, "s:" + scope);
        }

        var shape = Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 8));
        var apiBase = (credential.ApiUrl ?? credential.ServerUrl)?.AbsoluteUri ?? "default";
        return $"{Version}:{credential.Provider.ToWireName()}:{apiBase}:{tokenHash}:{generation}:{shape}";
    }

    private static void Append(IncrementalHash hash, string value)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(value));
        hash.AppendData([0]);
    }
}
