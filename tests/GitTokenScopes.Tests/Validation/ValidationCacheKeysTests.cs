// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Validation.Internal;

namespace GitTokenScopes.Tests.Validation;

/// <summary>
/// What keeps two cache entries apart: the server a token is checked against, the token itself (only as its hash), and
/// the purpose of the key (an inspection, a token's tag, a token's generation).
/// </summary>
public sealed class ValidationCacheKeysTests
{
    private const string Token = "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB";

    [Fact]
    public void Inspection_TheSameTokenOnTwoServers_HasTwoKeys()
    {
        var first = new GitCredential(GitProvider.GitHub, Token, apiUrl: new Uri("https://ghe.one.example/api/v3/"));
        var second = new GitCredential(GitProvider.GitHub, Token, apiUrl: new Uri("https://ghe.two.example/api/v3/"));

        var keys = new[] { first, second }.Select(c => ValidationCacheKeys.Inspection(c, "g1", "digest")).ToArray();

        keys[0].Should().NotBe(keys[1]);
        keys[0].Should().Contain("https://ghe.one.example/api/v3/");
    }

    [Fact]
    public void Inspection_WithoutAnApiAddress_UsesTheServerAddress_AndWithoutEitherTheProvidersDefault()
    {
        var byServer = new GitCredential(GitProvider.GitLab, "glpat-0123456789abcdefghij", serverUrl: new Uri("https://gitlab.example/"));
        var byApi = new GitCredential(GitProvider.GitLab, "glpat-0123456789abcdefghij", apiUrl: new Uri("https://gitlab.example/api/v4/"));
        var byDefault = new GitCredential(GitProvider.GitLab, "glpat-0123456789abcdefghij");

        ValidationCacheKeys.Inspection(byServer, "g1", "digest").Should().Contain(":https://gitlab.example/:");
        ValidationCacheKeys.Inspection(byApi, "g1", "digest").Should().Contain(":https://gitlab.example/api/v4/:");
        ValidationCacheKeys.Inspection(byDefault, "g1", "digest").Should().Contain(":gitlab:default:");
    }

    [Fact]
    public void Inspection_BothAddresses_TheApiAddressDecides()
    {
        var credential = new GitCredential(
            GitProvider.GitHub, Token, serverUrl: new Uri("https://ghe.example/"), apiUrl: new Uri("https://api.ghe.example/"));

        var key = ValidationCacheKeys.Inspection(credential, "g1", "digest");

        key.Should().Contain(":https://api.ghe.example/:").And.NotContain(":https://ghe.example/:");
    }

    [Fact]
    public void Keys_NameTheTokenOnlyByItsHash_AndTellTheirPurposeApart()
    {
        var credential = new GitCredential(GitProvider.GitHub, Token);
        var hash = credential.CacheKeyHash;

        string[] keys = [ValidationCacheKeys.Inspection(credential, "g7", "digest"), ValidationCacheKeys.Generation(hash)];

        keys.Should().OnlyContain(k => k.StartsWith("gts4:", StringComparison.Ordinal) && k.Contains(hash, StringComparison.Ordinal));
        keys.Should().OnlyContain(k => !k.Contains(Token, StringComparison.Ordinal));
        keys.Should().OnlyHaveUniqueItems();
        keys[0].Should().EndWith(":g7:digest");
    }
}
