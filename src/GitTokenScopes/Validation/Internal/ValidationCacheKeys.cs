// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Validation.Internal;

/// <summary>
/// Cache keys and tags. A token enters them only as a SHA-256 over a domain prefix, the provider, the username and the
/// token: a full-length hash of a high-entropy secret, which cannot be reversed, and which differs between two
/// Bitbucket users who happen to share an app password.
/// </summary>
internal static class ValidationCacheKeys
{
    /// <summary>The key prefix; it changes whenever the cached entry's shape changes, so that instances of two versions sharing a distributed cache never read each other's entries.</summary>
    private const string Version = "gts4";

    /// <summary>The tag every entry of one token carries, so that one call forgets them all.</summary>
    public static string Tag(string tokenHash) => $"{Version}:token:{tokenHash}";

    public static string Generation(string tokenHash) => $"{Version}:generation:{tokenHash}";

    /// <summary>One inspection's key: provider, the API base as given, the token hash, the token's generation, and the question's digest.</summary>
    public static string Inspection(GitCredential credential, string generation, string questionDigest)
    {
        var apiBase = (credential.ApiUrl ?? credential.ServerUrl)?.AbsoluteUri ?? "default";
        return $"{Version}:{credential.Provider.ToWireName()}:{apiBase}:{credential.CacheKeyHash}:{generation}:{questionDigest}";
    }
}
