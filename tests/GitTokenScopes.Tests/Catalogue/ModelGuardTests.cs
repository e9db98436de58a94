// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Tests.Catalogue;

/// <summary>Bad input to the public model gets a clear, typed error.</summary>
public sealed class ModelGuardTests
{
    private static readonly ScopeRequirementKey Key = new(GitProvider.GitHub, TokenKind.Runtime, TokenFamily.Classic);
    private static readonly RequirementSource Source = new("test");

    [Fact]
    public void ScopeRequirementKey_FamilyOfAnotherProvider_Throws()
    {
        var act = () => new ScopeRequirementKey(GitProvider.BitbucketServer, TokenKind.User, TokenFamily.Classic);

        act.Should().Throw<ArgumentException>().WithParameterName("family");
    }

    [Fact]
    public void ScopeRequirementKey_UndefinedKind_Throws()
    {
        var act = () => new ScopeRequirementKey(GitProvider.GitHub, (TokenKind)9, TokenFamily.Classic);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("kind");
    }

    [Fact]
    public void ScopeRequirementKey_All_IsEveryFamilyTimesBothKinds()
    {
        ScopeRequirementKey.All.Should().HaveCount(14).And.OnlyHaveUniqueItems();
        ScopeRequirementKey.All[0].ToString().Should().Be("github/runtime/classic");
        ScopeRequirementKey.All[13].ToString().Should().Be("bitbucket-server/user/http-access-token");
    }

    [Fact]
    public void ScopeClause_TrimsAndDeduplicates()
    {
        var clause = new ScopeClause(" Label ", [" repo", "repo ", "public_repo"], " why ");

        clause.Label.Should().Be("Label");
        clause.AnyOf.Should().Equal("repo", "public_repo");
        clause.Preferred.Should().Be("repo");
        clause.Purpose.Should().Be("why");
        clause.ToString().Should().Be("Label: repo | public_repo");
    }

    [Fact]
    public void ScopeClause_BadInput_Throws()
    {
        FluentActions.Invoking(() => new ScopeClause("l", [], "p")).Should().Throw<ArgumentException>().WithParameterName("anyOf");
        FluentActions.Invoking(() => new ScopeClause("l", [" "], "p")).Should().Throw<ArgumentException>().WithParameterName("anyOf");
        FluentActions.Invoking(() => new ScopeClause(" ", ["repo"], "p")).Should().Throw<ArgumentException>().WithParameterName("label");
        FluentActions.Invoking(() => new ScopeClause("l", ["repo"], "")).Should().Throw<ArgumentException>().WithParameterName("purpose");
        FluentActions.Invoking(() => new ScopeClause("l", null!, "p")).Should().Throw<ArgumentNullException>().WithParameterName("anyOf");
    }

    [Fact]
    public void ScopeRequirement_MalformedScope_ThrowsNamingIt()
    {
        var act = () => new ScopeRequirement(Key, [new ScopeClause("hooks", ["admin repo hook"], "p")], "e", Source);

        act.Should().Throw<ArgumentException>().WithParameterName("clauses").WithMessage("*github/runtime/classic*'admin repo hook'*not a well-formed scope*");
    }

    [Fact]
    public void ScopeRequirement_NoClause_Throws()
    {
        var act = () => new ScopeRequirement(Key, [], "e", Source);

        act.Should().Throw<ArgumentException>().WithParameterName("clauses");
    }

    [Fact]
    public void ScopeRequirement_NormalizesScopesInItsVocabulary()
    {
        var requirement = new ScopeRequirement(Key, [new ScopeClause("hooks", ["Admin:Repo_Hook"], "p")], "e", Source, notes: " ");

        requirement.Clauses[0].AnyOf.Should().Equal("admin:repo_hook");
        requirement.Notes.Should().BeNull();
        requirement.AppliedOverrides.Should().BeEmpty();
        requirement.ToString().Should().Be("github/runtime/classic [e]: (admin:repo_hook)");
    }

    [Fact]
    public void ScopeEdition_MissingOrDuplicateKeys_Throw()
    {
        var one = new ScopeRequirement(Key, [new ScopeClause("repo", ["repo"], "p")], "mine", Source);
        var others = ScopeEditions.Seed.Requirements.Skip(1)
            .Select(r => new ScopeRequirement(r.Key, r.Clauses, "mine", r.Source))
            .ToList();

        FluentActions.Invoking(() => new ScopeEdition("mine", "d", others)).Should().Throw<ArgumentException>().WithMessage("*no requirement for github/runtime/classic*");
        FluentActions.Invoking(() => new ScopeEdition("mine", "d", [one, one, .. others])).Should().Throw<ArgumentException>().WithMessage("*two requirements for github/runtime/classic*");
        FluentActions.Invoking(() => new ScopeEdition("other", "d", [one, .. others])).Should().Throw<ArgumentException>().WithMessage("*belongs to edition 'mine', not 'other'*");
        new ScopeEdition("mine", "d", [.. others, one]).Requirements[0].Should().BeSameAs(one, "requirements are kept in key order");
    }

    [Fact]
    public void RequirementSource_ToString_ShowsDateWhenKnown()
    {
        new RequirementSource("Doc", new DateOnly(2026, 5, 11)).ToString().Should().Be("Doc (2026-05-11)");
        new RequirementSource("Doc").ToString().Should().Be("Doc");
        FluentActions.Invoking(() => new RequirementSource(" ")).Should().Throw<ArgumentException>().WithParameterName("document");
    }
}
