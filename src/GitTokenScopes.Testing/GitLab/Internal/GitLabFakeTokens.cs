// Licensed under the MIT License. See LICENSE in the repository root.

using System.Security.Cryptography;
using System.Text;

namespace GitTokenScopes.Testing.GitLab.Internal;

/// <summary>Makes token values and bot user names in GitLab's formats, and fingerprints tokens.</summary>
internal static class GitLabFakeTokens
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

    /// <summary><c>glpat-</c> and 20 characters of <c>[0-9A-Za-z_-]</c>, the format of GitLab 14.5+ access tokens.</summary>
    public static string NewPersonal() => "glpat-" + RandomNumberGenerator.GetString(Alphabet, 20);

    /// <summary><c>{kind}_{id}_bot_{32 hex}</c>, GitLab's bot user names for project and group access tokens (PROVIDERS.md §2.4).</summary>
    public static string BotName(string kind, long id) => $"{kind}_{id}_bot_{RandomNumberGenerator.GetHexString(32, lowercase: true)}";

    public static string Fingerprint(string token)
        => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)), 0, 6);
}
