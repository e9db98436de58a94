// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Tests.Scopes;

/// <summary>
/// Pins every implication edge (PROVIDERS.md §1.3, §1.7, §2.2, §3.3, §4.1) and the absence of the ones providers
/// do not grant. The direct-edge maps are compared exactly, so an added or lost edge fails.
/// </summary>
public sealed class ImplicationGraphTests
{
    private static readonly ScopeVocabulary Classic = ScopeVocabulary.For(GitProvider.GitHub, TokenFamily.Classic);
    private static readonly ScopeVocabulary FineGrained = ScopeVocabulary.For(GitProvider.GitHub, TokenFamily.FineGrained);
    private static readonly ScopeVocabulary GitLab = ScopeVocabulary.For(GitProvider.GitLab, TokenFamily.PersonalAccessToken);
    private static readonly ScopeVocabulary Bitbucket = ScopeVocabulary.For(GitProvider.BitbucketCloud, TokenFamily.AppPassword);
    private static readonly ScopeVocabulary ApiToken = ScopeVocabulary.For(GitProvider.BitbucketCloud, TokenFamily.ApiToken);
    private static readonly ScopeVocabulary Server = ScopeVocabulary.For(GitProvider.BitbucketServer, TokenFamily.HttpAccessToken);

    [Fact]
    public void GitHubClassic_DirectEdges_AreGitHubsScopeTable()
    {
        DirectEdges(Classic).Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["repo"] = ["repo:status", "repo_deployment", "public_repo", "repo:invite", "security_events"],
            ["admin:repo_hook"] = ["write:repo_hook", "read:repo_hook"],
            ["write:repo_hook"] = ["read:repo_hook"],
            ["admin:org"] = ["write:org", "read:org", "manage_runners:org"],
            ["write:org"] = ["read:org"],
            ["admin:public_key"] = ["write:public_key", "read:public_key"],
            ["write:public_key"] = ["read:public_key"],
            ["admin:gpg_key"] = ["write:gpg_key", "read:gpg_key"],
            ["write:gpg_key"] = ["read:gpg_key"],
            ["admin:ssh_signing_key"] = ["write:ssh_signing_key", "read:ssh_signing_key"],
            ["write:ssh_signing_key"] = ["read:ssh_signing_key"],
            ["user"] = ["read:user", "user:email", "user:follow"],
            ["project"] = ["read:project"],
            ["write:packages"] = ["read:packages"],
            ["write:discussion"] = ["read:discussion"],
            ["admin:enterprise"] = ["manage_runners:enterprise", "manage_billing:enterprise", "read:enterprise"],
            ["manage_billing:enterprise"] = ["read:enterprise"],
            ["codespace"] = ["codespace:secrets"],
            ["copilot"] = ["manage_billing:copilot"],
            ["audit_log"] = ["read:audit_log"],
        });
    }

    [Theory]
    [InlineData("site_admin")]
    [InlineData("admin:org_hook")]
    [InlineData("gist")]
    [InlineData("notifications")]
    [InlineData("delete_repo")]
    [InlineData("delete:packages")]
    [InlineData("workflow")]
    [InlineData("read:audit_log")]
    public void GitHubClassic_StandaloneScope_IsKnownAndImpliesNothing(string scope)
    {
        Classic.IsKnown(scope).Should().BeTrue();
        Classic.GetImpliedScopes(scope).Should().BeEmpty();
    }

    [Theory]
    [InlineData("repo", "admin:repo_hook", false)] // repo grants hook access in practice, but admin:repo_hook is not its child
    [InlineData("admin:repo_hook", "repo", false)]
    [InlineData("public_repo", "repo", false)]
    [InlineData("admin:org", "admin:org_hook", false)]
    [InlineData("admin:enterprise", "read:enterprise", true)]
    [InlineData("admin:repo_hook", "read:repo_hook", true)]
    public void GitHubClassic_Implies_FollowsTheTable(string granted, string required, bool expected)
        => Classic.Implies(granted, required).Should().Be(expected);

    [Theory]
    [InlineData("contents=admin", new[] { "contents=write" })]
    [InlineData("contents=write", new[] { "contents=read" })]
    [InlineData("administration=write", new[] { "administration=read" })]
    [InlineData("repository_hooks=write", new[] { "repository_hooks=read" })]
    [InlineData("some_future_permission=admin", new[] { "some_future_permission=write" })]
    [InlineData("metadata=read", new string[0])]
    [InlineData("repository_selection=all", new string[0])]
    public void GitHubFineGrained_Levels_AdminWriteRead(string permission, string[] expected)
        => FineGrained.GetImpliedScopes(permission).Should().Equal(expected);

    [Fact]
    public void GitHubFineGrained_Closure_IsTransitivePerPermissionOnly()
    {
        FineGrained.Expand(["contents=admin"]).Should().BeEquivalentTo(["contents=admin", "contents=write", "contents=read"]);
        FineGrained.Implies("contents=write", "metadata=read").Should().BeFalse();
        FineGrained.Implies("repository_selection=all", "repository_selection=selected").Should().BeFalse();
    }

    [Fact]
    public void GitLab_DirectEdges_AreApiReadApiAndGitAbilities()
    {
        DirectEdges(GitLab).Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["api"] = ["read_api", "write_repository"],
            ["write_repository"] = ["read_repository"],
            ["read_api"] = ["read_repository"],
        });
    }

    [Theory]
    [InlineData("api", "read_api", true)]
    [InlineData("api", "write_repository", true)]
    [InlineData("api", "read_repository", true)]
    [InlineData("write_repository", "read_repository", true)]
    [InlineData("read_api", "read_repository", true)]
    [InlineData("read_api", "api", false)]
    [InlineData("write_repository", "read_api", false)]
    [InlineData("read_repository", "read_api", false)]
    [InlineData("write_registry", "read_registry", false)]
    [InlineData("api", "read_user", false)]
    public void GitLab_Implies_FollowsGitLabsGuards(string granted, string required, bool expected)
        => GitLab.Implies(granted, required).Should().Be(expected);

    [Fact]
    public void BitbucketCloud_DirectEdges_AreTheClassicScopeTable()
    {
        DirectEdges(Bitbucket).Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["repository:write"] = ["repository"],
            ["pullrequest"] = ["repository"],
            ["pullrequest:write"] = ["pullrequest", "repository:write"],
            ["project"] = ["repository"],
            ["pipeline:write"] = ["pipeline"],
            ["pipeline:variable"] = ["pipeline:write"],
            ["runner:write"] = ["runner"],
            ["issue:write"] = ["issue"],
            ["snippet:write"] = ["snippet"],
            ["account:write"] = ["account"],
            ["team:write"] = ["team"],
            ["project:admin"] = ["project"],
        });
    }

    [Theory]
    [InlineData("repository:admin", "repository:write", false)]
    [InlineData("repository:admin", "repository", false)]
    [InlineData("repository:write", "repository:admin", false)]
    [InlineData("pullrequest:write", "repository", true)]
    [InlineData("pipeline:variable", "pipeline", true)]
    [InlineData("webhook", "repository", false)]
    public void BitbucketCloud_Implies_AdminImpliesNothing(string granted, string required, bool expected)
        => Bitbucket.Implies(granted, required).Should().Be(expected);

    [Fact]
    public void BitbucketApiToken_HasNoImplications()
    {
        ApiToken.KnownScopes.Should().HaveCount(35);
        ApiToken.KnownScopes.Should().OnlyContain(s => ApiToken.GetImpliedScopes(s).Count == 0);
        ApiToken.Implies("write:repository:bitbucket", "read:repository:bitbucket").Should().BeFalse();
        ApiToken.Implies("admin:repository:bitbucket", "write:repository:bitbucket").Should().BeFalse();
        ApiToken.Implies("write:webhook:bitbucket", "read:webhook:bitbucket").Should().BeFalse();
    }

    [Fact]
    public void BitbucketServer_DirectEdges_AdminWriteReadAndProjectToRepo()
    {
        DirectEdges(Server).Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["REPO_ADMIN"] = ["REPO_WRITE"],
            ["REPO_WRITE"] = ["REPO_READ"],
            ["PROJECT_ADMIN"] = ["PROJECT_WRITE", "REPO_ADMIN"],
            ["PROJECT_WRITE"] = ["PROJECT_READ", "REPO_WRITE"],
            ["PROJECT_READ"] = ["REPO_READ"],
        });
        Server.KnownScopes.Should().BeEquivalentTo(["PROJECT_ADMIN", "PROJECT_WRITE", "PROJECT_READ", "REPO_ADMIN", "REPO_WRITE", "REPO_READ"]);
    }

    [Fact]
    public void BitbucketServer_Closure_ProjectAdminGrantsEverything()
    {
        Server.Expand(["PROJECT_ADMIN"]).Should().BeEquivalentTo(Server.KnownScopes);
        Server.Implies("REPO_ADMIN", "PROJECT_READ").Should().BeFalse();
    }

    [Fact]
    public void Expand_IsTransitive()
    {
        Classic.Expand(["admin:org"]).Should().BeEquivalentTo(["admin:org", "write:org", "read:org", "manage_runners:org"]);
        Bitbucket.Expand(["pullrequest:write"]).Should().BeEquivalentTo(["pullrequest:write", "pullrequest", "repository:write", "repository"]);
    }

    [Fact]
    public void Vocabularies_OnePerProviderFamily()
    {
        ScopeVocabulary.All.Select(v => v.ToString()).Should().Equal(
            "github/classic", "github/fine-grained", "gitlab/personal-access-token", "gitlab/fine-grained", "bitbucket-cloud/app-password",
            "bitbucket-cloud/api-token", "bitbucket-server/http-access-token");
        ScopeVocabulary.FamiliesOf(GitProvider.BitbucketCloud).Should().Equal(TokenFamily.AppPassword, TokenFamily.ApiToken);
        ScopeVocabulary.TryGet(GitProvider.GitLab, TokenFamily.Classic, out _).Should().BeFalse();
    }

    [Fact]
    public void For_FamilyOfAnotherProvider_ThrowsNamingBoth()
    {
        var act = () => ScopeVocabulary.For(GitProvider.GitLab, TokenFamily.HttpAccessToken);

        act.Should().Throw<ArgumentException>().WithMessage("*'http-access-token'*'gitlab'*personal-access-token, fine-grained*");
    }

    private static Dictionary<string, string[]> DirectEdges(ScopeVocabulary vocabulary)
        => vocabulary.KnownScopes
            .Select(s => (Scope: s, Children: vocabulary.GetImpliedScopes(s)))
            .Where(e => e.Children.Count > 0)
            .ToDictionary(e => e.Scope, e => e.Children.ToArray());
}
