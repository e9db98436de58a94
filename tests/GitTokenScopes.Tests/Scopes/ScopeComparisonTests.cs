// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Tests.Scopes;

/// <summary>The comparison rules per provider: surrounding white space is dropped, case is folded, inner white space is kept.</summary>
public sealed class ScopeComparisonTests
{
    [Theory]
    [InlineData(GitProvider.GitHub, TokenFamily.Classic, " Admin:Repo_Hook\t", "admin:repo_hook")]
    [InlineData(GitProvider.GitHub, TokenFamily.FineGrained, "Contents=Write", "contents=write")]
    [InlineData(GitProvider.GitLab, TokenFamily.PersonalAccessToken, "\nREAD_API ", "read_api")]
    [InlineData(GitProvider.BitbucketCloud, TokenFamily.AppPassword, "Repository:Write", "repository:write")]
    [InlineData(GitProvider.BitbucketCloud, TokenFamily.ApiToken, "READ:User:Bitbucket", "read:user:bitbucket")]
    [InlineData(GitProvider.BitbucketServer, TokenFamily.HttpAccessToken, " repo_admin ", "REPO_ADMIN")]
    public void Normalize_FoldsCaseAndTrims(GitProvider provider, TokenFamily family, string input, string expected)
        => ScopeVocabulary.For(provider, family).Normalize(input).Should().Be(expected);

    [Fact]
    public void Normalize_InnerWhitespace_IsKeptSoTheScopeMatchesNothing()
    {
        var classic = ScopeVocabulary.For(GitProvider.GitHub, TokenFamily.Classic);

        classic.Normalize("admin: repo_hook").Should().Be("admin: repo_hook");
        classic.IsWellFormed("admin: repo_hook").Should().BeFalse();
        classic.IsKnown("admin: repo_hook").Should().BeFalse();
        classic.Implies("admin: repo_hook", "admin:repo_hook").Should().BeFalse();
    }

    [Theory]
    [InlineData(GitProvider.GitHub, TokenFamily.Classic, "repo", true)]
    [InlineData(GitProvider.GitHub, TokenFamily.Classic, "manage_runners:org", true)]
    [InlineData(GitProvider.GitHub, TokenFamily.Classic, "brand_new_scope", true)]
    [InlineData(GitProvider.GitHub, TokenFamily.Classic, "repo,admin:repo_hook", false)]
    [InlineData(GitProvider.GitHub, TokenFamily.Classic, "contents=write", false)]
    [InlineData(GitProvider.GitHub, TokenFamily.FineGrained, "contents=write", true)]
    [InlineData(GitProvider.GitHub, TokenFamily.FineGrained, "repository_selection=selected", true)]
    [InlineData(GitProvider.GitHub, TokenFamily.FineGrained, "contents=maintain", false)]
    [InlineData(GitProvider.GitHub, TokenFamily.FineGrained, "repo", false)]
    [InlineData(GitProvider.GitLab, TokenFamily.PersonalAccessToken, "read_api", true)]
    [InlineData(GitProvider.GitLab, TokenFamily.PersonalAccessToken, "read api", false)]
    [InlineData(GitProvider.BitbucketCloud, TokenFamily.AppPassword, "repository:admin", true)]
    [InlineData(GitProvider.BitbucketCloud, TokenFamily.AppPassword, "read:repository:bitbucket", false)]
    [InlineData(GitProvider.BitbucketCloud, TokenFamily.ApiToken, "read:ssh-key:bitbucket", true)]
    [InlineData(GitProvider.BitbucketCloud, TokenFamily.ApiToken, "repository:write", false)]
    [InlineData(GitProvider.BitbucketServer, TokenFamily.HttpAccessToken, "project_admin", true)]
    [InlineData(GitProvider.BitbucketServer, TokenFamily.HttpAccessToken, "REPO-ADMIN", false)]
    public void IsWellFormed_FollowsEachProvidersShape(GitProvider provider, TokenFamily family, string scope, bool expected)
        => ScopeVocabulary.For(provider, family).IsWellFormed(scope).Should().Be(expected);

    [Fact]
    public void UnknownScope_IsKeptAndImpliesOnlyItself()
    {
        var gitlab = ScopeVocabulary.For(GitProvider.GitLab, TokenFamily.PersonalAccessToken);

        gitlab.IsKnown("granular_future_scope").Should().BeFalse();
        gitlab.Expand(["granular_future_scope", "api"]).Should().Contain(["granular_future_scope", "api", "read_api"]);
        gitlab.GetImpliedScopes("granular_future_scope").Should().BeEmpty();
    }

    [Fact]
    public void Expand_DropsBlankScopes()
        => ScopeVocabulary.For(GitProvider.GitHub, TokenFamily.Classic).Expand(["", "  ", "gist"]).Should().BeEquivalentTo(["gist"]);

    [Fact]
    public void Normalize_Null_Throws()
    {
        var act = () => ScopeVocabulary.For(GitProvider.GitHub, TokenFamily.Classic).Normalize(null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("scope");
    }
}
