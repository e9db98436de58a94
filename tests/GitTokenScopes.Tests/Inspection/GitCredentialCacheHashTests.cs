// Licensed under the MIT License. See LICENSE in the repository root.

using System.Security.Cryptography;
using System.Text;

namespace GitTokenScopes.Tests.Inspection;

/// <summary>
/// The credential's cache hash names a token in cache keys and tags, shared through a distributed cache by every
/// instance: its definition must not drift, whatever buffer it is computed in.
/// </summary>
public sealed class GitCredentialCacheHashTests
{
    public static TheoryData<GitProvider, string, string?> Credentials => new()
    {
        { GitProvider.GitHub, "ghp_" + new string('a', 36), null },
        { GitProvider.BitbucketCloud, "ATBB" + new string('b', 32), "build-bot" },
        { GitProvider.BitbucketServer, "p@ss:w0rd/+=~!", "j.org" }, // printable ASCII: GitCredential refuses the rest (issue 15)
        { GitProvider.GitLab, "glpat-" + new string('c', 2000), null },
    };

    [Theory]
    [MemberData(nameof(Credentials))]
    public void CacheHash_IsSha256OfPrefixProviderUserAndToken_SeparatedByNul(GitProvider provider, string token, string? username)
    {
        var credential = new GitCredential(provider, token, username: username);
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0', "gts1", provider.ToWireName(), username ?? string.Empty, token))));

        credential.CacheKeyHash.Should().Be(expected);
        credential.CacheKeyHash.Should().NotContain(token);
    }

    [Fact]
    public void CacheHash_DiffersBetweenUsersSharingASecret()
    {
        var first = new GitCredential(GitProvider.BitbucketCloud, "shared-app-password", username: "alice");
        var second = new GitCredential(GitProvider.BitbucketCloud, "shared-app-password", username: "bob");

        first.CacheKeyHash.Should().NotBe(second.CacheKeyHash);
    }
}
