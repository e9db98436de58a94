// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Tests.Catalogue;

/// <summary>Pins where the vendor's current documentation (PROVIDERS.md §0.6) drifted from the seed, and where it did not.</summary>
public sealed class CodefreshDocsEditionTests
{
    private static readonly ScopeEdition Docs = ScopeEditions.CodefreshDocs;

    [Fact]
    public void CodefreshDocs_GitLabRuntime_NeedsApi()
    {
        var requirement = Docs[new ScopeRequirementKey(GitProvider.GitLab, TokenKind.Runtime, TokenFamily.PersonalAccessToken)];

        requirement.Clauses.Should().ContainSingle().Which.AnyOf.Should().Equal("api");
    }

    [Fact]
    public void CodefreshDocs_FineGrainedRuntime_AddsCommitStatusesAndPullRequests()
    {
        var requirement = Docs[new ScopeRequirementKey(GitProvider.GitHub, TokenKind.Runtime, TokenFamily.FineGrained)];

        requirement.Clauses.Select(c => c.AnyOf[0]).Should().Equal(
            "repository_selection=all", "administration=write", "statuses=write", "contents=write", "metadata=read",
            "pull_requests=write", "repository_hooks=write");
        requirement.Clauses.Select(c => c.Label).Should().Contain(["Commit statuses: Read and write", "Pull requests: Read and write"]);
    }

    [Fact]
    public void CodefreshDocs_OtherRows_MatchTheSeed()
    {
        var drifted = new[]
        {
            new ScopeRequirementKey(GitProvider.GitLab, TokenKind.Runtime, TokenFamily.PersonalAccessToken),
            new ScopeRequirementKey(GitProvider.GitLab, TokenKind.Runtime, TokenFamily.FineGrained),
            new ScopeRequirementKey(GitProvider.GitHub, TokenKind.Runtime, TokenFamily.FineGrained),
        };

        foreach (var key in ScopeRequirementKey.All.Except(drifted))
        {
            Docs[key].Clauses.Select(c => c.ToString()).Should().Equal(ScopeEditions.Seed[key].Clauses.Select(c => c.ToString()), key.ToString());
        }
    }

    [Fact]
    public void CodefreshDocs_Source_IsDated()
    {
        Docs.Name.Should().Be(ScopeEditions.CodefreshDocsName);
        Docs.Requirements.Should().OnlyContain(r => r.Edition == "codefresh-docs-2026-05" && r.Source.Date == new DateOnly(2026, 5, 11));
    }

    [Theory]
    [InlineData("seed", "seed")]
    [InlineData(" SEED ", "seed")]
    [InlineData("codefresh-docs-2026-05", "codefresh-docs-2026-05")]
    public void TryGet_KnownName_FindsEdition(string name, string expected)
    {
        ScopeEditions.TryGet(name, out var edition).Should().BeTrue();
        edition!.Name.Should().Be(expected);
    }

    [Fact]
    public void Get_UnknownName_ThrowsListingNames()
    {
        var act = () => ScopeEditions.Get("latest");

        act.Should().Throw<ArgumentException>().WithMessage("*'latest'*seed, codefresh-docs-2026-05*");
        ScopeEditions.TryGet(null, out _).Should().BeFalse();
    }
}
