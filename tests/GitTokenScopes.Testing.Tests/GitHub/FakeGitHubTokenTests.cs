// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text;

namespace GitTokenScopes.Testing.Tests.GitHub;

public sealed class FakeGitHubTokenTests
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static TheoryData<string, FakeGitHubTokenKind, string> Factories() => new()
    {
        { "Classic", FakeGitHubTokenKind.Classic, "^ghp_[A-Za-z0-9]{36}$" },
        { "FineGrained", FakeGitHubTokenKind.FineGrained, "^github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}$" },
        { "OAuth", FakeGitHubTokenKind.OAuth, "^gho_[A-Za-z0-9]{36}$" },
        { "AppUser", FakeGitHubTokenKind.AppUser, "^ghu_[A-Za-z0-9]{36}$" },
        { "AppInstallation", FakeGitHubTokenKind.AppInstallation, "^ghs_[A-Za-z0-9]{36}$" },
        { "LegacyClassic", FakeGitHubTokenKind.Classic, "^[0-9a-f]{40}$" },
    };

    [Theory]
    [MemberData(nameof(Factories))]
    public void Factory_MakesAFreshValueInGitHubsFormat(string factory, FakeGitHubTokenKind kind, string pattern)
    {
        var first = Create(factory);
        var second = Create(factory);

        first.Kind.Should().Be(kind);
        first.Value.Should().MatchRegex(pattern);
        second.Value.Should().NotBe(first.Value);
    }

    [Theory]
    [InlineData("Classic")]
    [InlineData("OAuth")]
    [InlineData("AppUser")]
    [InlineData("AppInstallation")]
    public void Factory_PrefixedValue_EndsWithTheCrc32ChecksumInBase62(string factory)
    {
        var value = Create(factory).Value;
        var entropy = value[4..^6];

        var checksum = value[^6..].Aggregate(0L, (acc, c) => (acc * 62) + Base62.IndexOf(c, StringComparison.Ordinal));

        checksum.Should().Be(Crc32(Encoding.ASCII.GetBytes(entropy)));
    }

    [Fact]
    public void Classic_Scopes_AreKeptInOrder()
    {
        FakeGitHubToken.Classic("repo", "admin:repo_hook").Scopes.Should().Equal("repo", "admin:repo_hook");
        FakeGitHubToken.LegacyClassic("gist").Scopes.Should().Equal("gist");
        FakeGitHubToken.FineGrained().Scopes.Should().BeEmpty();
    }

    [Fact]
    public void New_Defaults_MatchTheContract()
    {
        var token = new FakeGitHubToken { Value = "x" };

        token.Kind.Should().Be(FakeGitHubTokenKind.Classic);
        token.ScopeHeader.Should().Be(FakeGitHubScopeHeader.Present);
        token.ScopesHeaderName.Should().Be("X-OAuth-Scopes");
        token.Login.Should().Be("octocat");
        token.AccountId.Should().Be(1);
        token.AccountType.Should().Be("User");
        token.RepositorySelection.Should().Be("selected");
        new FakeGitHubGrant().Role.Should().Be("write");
        new FakeGitHubRateLimit().Should().BeEquivalentTo(new { Limit = 5000, Remaining = 0, Secondary = false, StatusCode = 403, RetryAfterSeconds = (int?)null });
        new FakeGitHubServerOptions().Should().BeEquivalentTo(new { Enterprise = false, EnterpriseVersion = "3.14.0", EnterpriseRateLimitsEnabled = false, ImplicitPublicRepositoryRead = false });
    }

    [Fact]
    public void WithRepository_KeysAreCaseInsensitive()
    {
        var grant = new FakeGitHubGrant();

        var token = FakeGitHubToken.FineGrained().WithRepository("Octo/App", grant);

        token.Repositories["octo/app"].Should().BeSameAs(grant);
    }

    [Fact]
    public void WithPermissions_GivesTheAdminRoleAndThePermissions()
    {
        var grant = FakeGitHubGrant.WithPermissions(("contents", "write"), ("metadata", "read"));

        grant.Role.Should().Be("admin");
        grant.Permissions.Should().BeEquivalentTo(new Dictionary<string, string> { ["contents"] = "write", ["metadata"] = "read" });
        grant.Permissions["CONTENTS"].Should().Be("write");
    }

    [Fact]
    public void Repository_OwnerAndName_SplitTheFullName()
    {
        var repository = new FakeGitHubRepository { FullName = "octo/app" };

        repository.Owner.Should().Be("octo");
        repository.Name.Should().Be("app");
        repository.Private.Should().BeTrue();
    }

    private static FakeGitHubToken Create(string factory) => factory switch
    {
        "Classic" => FakeGitHubToken.Classic(),
        "FineGrained" => FakeGitHubToken.FineGrained(),
        "OAuth" => FakeGitHubToken.OAuth(),
        "AppUser" => FakeGitHubToken.AppUser(),
        "AppInstallation" => FakeGitHubToken.AppInstallation(),
        "LegacyClassic" => FakeGitHubToken.LegacyClassic(),
        _ => throw new ArgumentOutOfRangeException(nameof(factory)),
    };

    // Bitwise CRC-32 (IEEE 802.3), written independently of the library's table-driven one.
    private static long Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
