// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Tests.Scopes;

public sealed class ScopeEvaluatorTests
{
    private static readonly ScopeRequirement GitHubRuntime = Seed(GitProvider.GitHub, TokenKind.Runtime, TokenFamily.Classic);
    private static readonly ScopeRequirement GitHubRuntimeFineGrained = Seed(GitProvider.GitHub, TokenKind.Runtime, TokenFamily.FineGrained);
    private static readonly ScopeRequirement GitLabUser = Seed(GitProvider.GitLab, TokenKind.User, TokenFamily.PersonalAccessToken);
    private static readonly ScopeRequirement BitbucketRuntime = Seed(GitProvider.BitbucketCloud, TokenKind.Runtime, TokenFamily.AppPassword);

    [Fact]
    public void Evaluate_AllScopesGranted_IsSatisfied()
    {
        var result = Evaluate(GitHubRuntime, "repo", "admin:repo_hook");

        result.IsSatisfied.Should().BeTrue();
        result.Clauses.Select(c => c.State).Should().Equal(ClauseState.Satisfied, ClauseState.Satisfied);
        result.Clauses.Select(c => c.SatisfiedBy).Should().Equal("repo", "admin:repo_hook");
        result.MissingScopes.Should().BeEmpty();
        result.ExcessScopes.Should().BeEmpty();
    }

    [Fact]
    public void Evaluate_RepoOnly_MissesAdminRepoHook()
    {
        var result = Evaluate(GitHubRuntime, "repo");

        result.IsSatisfied.Should().BeFalse();
        result.HasMissing.Should().BeTrue();
        result.Clauses[1].State.Should().Be(ClauseState.Missing);
        result.Clauses[1].SatisfiedBy.Should().BeNull();
        result.MissingScopes.Should().Equal("admin:repo_hook");
    }

    [Fact]
    public void Evaluate_ExcessScopes_AreThoseServingNoClause()
    {
        var result = Evaluate(GitHubRuntime, "repo", "admin:repo_hook", "delete_repo", "admin:org", "brand_new_scope");

        result.IsSatisfied.Should().BeTrue();
        result.ExcessScopes.Should().Equal("delete_repo", "admin:org", "brand_new_scope");
    }

    [Fact]
    public void Evaluate_ImpliedScope_SatisfiesAndNamesTheGrantingScope()
    {
        var result = Evaluate(GitLabUser, "api");

        result.IsSatisfied.Should().BeTrue();
        result.Clauses.Select(c => c.SatisfiedBy).Should().Equal("api", "api");
        result.ExcessScopes.Should().BeEmpty("api serves both clauses");
    }

    [Fact]
    public void Evaluate_NarrowerScopeGranted_StillMissing()
    {
        var result = Evaluate(GitHubRuntime, "repo", "write:repo_hook");

        result.Clauses[1].State.Should().Be(ClauseState.Missing);
        result.MissingScopes.Should().Equal("admin:repo_hook");
        result.ExcessScopes.Should().Equal("write:repo_hook");
    }

    [Fact]
    public void Evaluate_NothingGranted_MissesEveryPreferredScope()
    {
        var result = Evaluate(BitbucketRuntime);

        result.Clauses.Should().OnlyContain(c => c.State == ClauseState.Missing);
        result.MissingScopes.Should().Equal("account", "team", "webhook", "repository:write", "repository:admin");
    }

    [Fact]
    public void Evaluate_RepositoryAdminOnly_DoesNotSatisfyWrite()
    {
        var result = Evaluate(BitbucketRuntime, "account", "team", "webhook", "repository:admin");

        result.Clauses.Select(c => c.State).Should().Equal(
            ClauseState.Satisfied, ClauseState.Satisfied, ClauseState.Satisfied, ClauseState.Missing, ClauseState.Satisfied);
        result.MissingScopes.Should().Equal("repository:write");
    }

    [Fact]
    public void Evaluate_DuplicatesCaseAndWhitespace_AreFolded()
    {
        var result = Evaluate(GitHubRuntime, " REPO", "repo", "Admin:Repo_Hook\t", "admin:repo_hook ", "", "   ");

        result.IsSatisfied.Should().BeTrue();
        result.Granted.Scopes.Should().Equal("repo", "admin:repo_hook");
        result.ExcessScopes.Should().BeEmpty();
    }

    [Fact]
    public void Evaluate_UnknownScopesOnly_AreMissingNotCrashing()
    {
        var result = Evaluate(GitHubRuntime, "admin: repo_hook", "r e p o", "repo,admin:repo_hook");

        result.HasMissing.Should().BeTrue();
        result.HasUnknown.Should().BeFalse("a complete grant of unknown scopes proves nothing is held");
        result.MissingScopes.Should().Equal("repo", "admin:repo_hook");
        result.ExcessScopes.Should().Equal("admin: repo_hook", "r e p o", "repo,admin:repo_hook");
    }

    [Fact]
    public void Evaluate_UndeterminedPermission_IsUnknownNotMissing()
    {
        var granted = GrantedScopes.Create(
            GitHubRuntimeFineGrained.Vocabulary,
            ["repository_selection=selected", "contents=write", "metadata=read"],
            undetermined: ["administration=admin", "repository_hooks=write"]);

        var result = ScopeEvaluator.Evaluate(GitHubRuntimeFineGrained, granted);

        result.Clauses.Select(c => c.State).Should().Equal(
            ClauseState.Satisfied, ClauseState.Unknown, ClauseState.Satisfied, ClauseState.Satisfied, ClauseState.Unknown);
        result.MissingScopes.Should().BeEmpty("unknown clauses are never reported as missing");
        result.HasUnknown.Should().BeTrue();
        result.IsSatisfied.Should().BeFalse();
    }

    [Fact]
    public void Evaluate_UndeterminedNarrowerPermission_DoesNotMakeBroaderClauseUnknown()
    {
        var granted = GrantedScopes.Create(
            GitHubRuntimeFineGrained.Vocabulary,
            ["repository_selection=all", "contents=write", "metadata=read", "repository_hooks=write"],
            undetermined: ["administration=read"]);

        var result = ScopeEvaluator.Evaluate(GitHubRuntimeFineGrained, granted);

        result.Clauses[1].State.Should().Be(ClauseState.Missing, "administration=read cannot grant administration=write");
        result.MissingScopes.Should().Equal("administration=write");
    }

    [Fact]
    public void Evaluate_FullyUndetermined_EveryUnsatisfiedClauseIsUnknown()
    {
        var granted = GrantedScopes.CreateUndetermined(GitHubRuntimeFineGrained.Vocabulary, ["metadata=read"]);

        var result = ScopeEvaluator.Evaluate(GitHubRuntimeFineGrained, granted);

        result.Clauses.Count(c => c.State == ClauseState.Unknown).Should().Be(4);
        result.Clauses[3].State.Should().Be(ClauseState.Satisfied);
        result.MissingScopes.Should().BeEmpty();
        granted.IsComplete.Should().BeFalse();
    }

    [Fact]
    public void Evaluate_MissingScopes_AreMinimal()
    {
        // Clause 1 prefers read:repo_hook, clause 2 admin:repo_hook which implies it: only the broader one is needed.
        var requirement = Custom(GitProvider.GitHub, TokenFamily.Classic,
            new ScopeClause("hooks read", ["read:repo_hook"], "p"),
            new ScopeClause("hooks admin", ["admin:repo_hook"], "p"),
            new ScopeClause("hooks admin again", ["admin:repo_hook", "repo"], "p"),
            new ScopeClause("org", ["read:org", "admin:org"], "p"));

        var result = Evaluate(requirement);

        result.MissingScopes.Should().Equal("admin:repo_hook", "read:org");
    }

    [Fact]
    public void Evaluate_MissingClauseSatisfiedByAnotherChosenScope_AddsNothingMore()
    {
        var requirement = Custom(GitProvider.GitLab, TokenFamily.PersonalAccessToken,
            new ScopeClause("api", ["api"], "p"),
            new ScopeClause("read", ["read_repository"], "p"));

        Evaluate(requirement).MissingScopes.Should().Equal("api");
    }

    [Fact]
    public void Evaluate_AlternativeScope_SatisfiesClause()
    {
        var result = Evaluate(GitHubRuntimeFineGrained, "repository_selection=all", "administration=write", "contents=admin", "metadata=read", "repository_hooks=write");

        result.IsSatisfied.Should().BeTrue();
        result.Clauses[0].SatisfiedBy.Should().Be("repository_selection=all");
        result.Clauses[2].SatisfiedBy.Should().Be("contents=admin");
    }

    [Fact]
    public void Evaluate_GrantInAnotherVocabulary_Throws()
    {
        var granted = GrantedScopes.Create(ScopeVocabulary.For(GitProvider.GitHub, TokenFamily.FineGrained), ["contents=write"]);

        var act = () => ScopeEvaluator.Evaluate(GitHubRuntime, granted);

        act.Should().Throw<ArgumentException>().WithParameterName("granted").WithMessage("*github/fine-grained*github/classic*");
    }

    [Fact]
    public void Evaluate_Null_Throws()
    {
        var granted = GrantedScopes.Create(GitHubRuntime.Vocabulary, []);

        FluentActions.Invoking(() => ScopeEvaluator.Evaluate(null!, granted)).Should().Throw<ArgumentNullException>().WithParameterName("requirement");
        FluentActions.Invoking(() => ScopeEvaluator.Evaluate(GitHubRuntime, null!)).Should().Throw<ArgumentNullException>().WithParameterName("granted");
    }

    [Fact]
    public void Evaluate_IsPure_SameInputsSameResult()
    {
        var granted = GrantedScopes.Create(GitHubRuntime.Vocabulary, ["repo", "gist"]);

        var first = ScopeEvaluator.Evaluate(GitHubRuntime, granted);
        var second = ScopeEvaluator.Evaluate(GitHubRuntime, granted);

        second.ToString().Should().Be(first.ToString());
        first.ToString().Should().Be("github/runtime/classic: 1/2 satisfied; missing admin:repo_hook");
    }

    [Fact]
    public void GrantedScopes_RemovesUndeterminedThatAreGranted()
    {
        var granted = GrantedScopes.Create(GitHubRuntime.Vocabulary, ["repo"], ["REPO", "gist"]);

        granted.Undetermined.Should().Equal("gist");
        granted.Grants("public_repo").Should().BeTrue();
        granted.Grants("gist").Should().BeFalse();
        granted.ToString().Should().Be("github/classic: [repo] (undetermined: gist)");
    }

    [Fact]
    public void GrantedScopes_NullScope_Throws()
    {
        var act = () => GrantedScopes.Create(GitHubRuntime.Vocabulary, ["repo", null!]);

        act.Should().Throw<ArgumentNullException>();
    }

    private static ScopeEvaluation Evaluate(ScopeRequirement requirement, params string[] granted)
        => ScopeEvaluator.Evaluate(requirement, GrantedScopes.Create(requirement.Vocabulary, granted));

    private static ScopeRequirement Seed(GitProvider provider, TokenKind kind, TokenFamily family)
        => ScopeEditions.Seed[new ScopeRequirementKey(provider, kind, family)];

    private static ScopeRequirement Custom(GitProvider provider, TokenFamily family, params ScopeClause[] clauses)
        => new(new ScopeRequirementKey(provider, TokenKind.Runtime, family), clauses, "test", new RequirementSource("test"));
}
