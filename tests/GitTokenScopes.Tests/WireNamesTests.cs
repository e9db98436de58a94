// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json;

namespace GitTokenScopes.Tests;

public sealed class WireNamesTests
{
    [Theory]
    [InlineData(GitProvider.GitHub, "github")]
    [InlineData(GitProvider.GitLab, "gitlab")]
    [InlineData(GitProvider.BitbucketCloud, "bitbucket-cloud")]
    [InlineData(GitProvider.BitbucketServer, "bitbucket-server")]
    public void Provider_WireNameMatchesJsonAndParsesBack(GitProvider provider, string name)
    {
        provider.ToWireName().Should().Be(name);
        JsonSerializer.Serialize(provider).Should().Be($"\"{name}\"");
        JsonSerializer.Deserialize<GitProvider>($"\"{name}\"").Should().Be(provider);
        WireNames.TryParse(name, out GitProvider parsed).Should().BeTrue();
        parsed.Should().Be(provider);
        WireNames.TryParse(provider.ToString().ToUpperInvariant(), out parsed).Should().BeTrue();
        parsed.Should().Be(provider);
    }

    [Fact]
    public void Families_WireNamesMatchJson()
    {
        foreach (var family in Enum.GetValues<TokenFamily>())
        {
            JsonSerializer.Serialize(family).Should().Be($"\"{family.ToWireName()}\"");
            WireNames.TryParse($" {family.ToWireName()} ", out TokenFamily parsed).Should().BeTrue();
            parsed.Should().Be(family);
        }

        WireNames.TokenFamilyNames.Should().Equal("classic", "fine-grained", "personal-access-token", "app-password", "api-token", "http-access-token");
    }

    [Fact]
    public void Kinds_WireNamesMatchJson()
    {
        foreach (var kind in Enum.GetValues<TokenKind>())
        {
            JsonSerializer.Serialize(kind).Should().Be($"\"{kind.ToWireName()}\"");
        }

        WireNames.TokenKindNames.Should().Equal("runtime", "user");
        JsonSerializer.Serialize(ClauseState.Unknown).Should().Be("\"unknown\"");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("git-hub")]
    [InlineData("2")]
    public void TryParse_Unknown_ReturnsFalse(string? value)
        => WireNames.TryParse(value, out GitProvider _).Should().BeFalse();

    [Fact]
    public void ToWireName_UndefinedValue_Throws()
    {
        var act = () => ((GitProvider)42).ToWireName();

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
