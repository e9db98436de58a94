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
    /// <summary>The key prefix; it changes whenever the cached entry's shape changes, so that instances of two versions sharing a distributed cache never read each other's entries.</summary>
    private const string Version = "gts3";

    /// <summary>The tag every entry of one token carries, so that one call forgets them all.</summary>
    public static string Tag(string tokenHash) => $"{Version}:token:{tokenHash}";

    /// <summary>Where a token's cache generation is shared between instances.</summary>
    public static string Generation(string tokenHash) => $"{Version}:generation:{tokenHash}";

    /// <summary>
    /// What was asked: the requirements' own scope digests (sorted, distinct), and when repositories are named or the
    /// text grows long, one hash of that with the repositories and their access (sorted, case folded).
    /// </summary>
    public static string QuestionDigest(IReadOnlyList<RepositoryRequest> repositories, IEnumerable<ScopeRequirement> requirements)
    {
        var scopes = string.Join(".", requirements.Select(r => r.ScopeDigest).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        if (repositories.Count == 0 && scopes.Length <= 64)
        {
            return scopes;
        }

        var names = repositories.Select(r => $"{r.Name.ToLowerInvariant()}|{(r.Access == RepositoryAccess.Read ? "r" : "rw")}").Order(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\0", names.Prepend(scopes))))[..8]);
    }

    /// <summary>One inspection's key: provider, the API base as given, the token hash, the token's generation, and the question's digest.</summary>
    public static string Inspection(GitCredential credential, string generation, string questionDigest)
    {
        var apiBase = (credential.ApiUrl ?? credential.ServerUrl)?.AbsoluteUri ?? "default";
        return $"{Version}:{credential.Provider.ToWireName()}:{apiBase}:{credential.CacheKeyHash}:{generation}:{questionDigest}";
    }
}
