// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;
using GitTokenScopes.Validation.Internal;

namespace GitTokenScopes.Tests.Validation;

/// <summary>
/// What one validation asks the inspector and how it names that question in the cache: the requirements per family and
/// runtime, each asked once, and a digest that changes exactly when the question does.
/// </summary>
public sealed class ValidationQuestionTests
{
    private static readonly GitCredential Credential = new(GitProvider.GitHub, "ghp_" + new string('q', 36), apiUrl: new Uri("http://127.0.0.1:9/"));
    private static readonly ScopeRequirementKey ClassicRuntime = new(GitProvider.GitHub, TokenKind.Runtime, TokenFamily.Classic);
    private static readonly ScopeRequirementKey FineGrainedRuntime = new(GitProvider.GitHub, TokenKind.Runtime, TokenFamily.FineGrained);

    [Fact]
    public void OneRuntime_AsksEachFamilysRequirementOnce_AndNamesThemByTheirScopeDigests()
    {
        var question = Ask(new FakeScopeRequirements(), Request(), [null]);

        question.Inspection.Requirements.Select(r => r.Key).Should().Equal(ClassicRuntime, FineGrainedRuntime);
        question.Inspection.Credential.Should().BeSameAs(Credential);
        string[] digests = [ScopeEditions.Seed[ClassicRuntime].ScopeDigest, ScopeEditions.Seed[FineGrainedRuntime].ScopeDigest];
        question.Digest.Should().Be(string.Join('.', digests.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void RequirementsFor_GivesEachRuntimesRequirement_InOrder_AndNothingForAnotherFamily()
    {
        var strict = new ScopeRequirement(ClassicRuntime, [new ScopeClause("repo", ["repo"], "Clone"), new ScopeClause("workflow", ["workflow"], "Actions")], "house", new RequirementSource("A test"));
        var requirements = new FakeScopeRequirements().Set(strict, runtimeName: "strict");

        var question = Ask(requirements, Request(), "default-runtime", "strict");

        question.RequirementsFor(TokenFamily.Classic).Should().Equal(ScopeEditions.Seed[ClassicRuntime], strict);
        question.RequirementsFor(TokenFamily.FineGrained).Should().Equal(ScopeEditions.Seed[FineGrainedRuntime], ScopeEditions.Seed[FineGrainedRuntime]);
        question.RequirementsFor(null).Should().BeNull("an inspection that did not learn the family has no requirement");
        question.RequirementsFor(TokenFamily.AppPassword).Should().BeNull("not a GitHub family");
        question.Inspection.Requirements.Should().HaveCount(3, "the fine-grained requirement both runtimes share is asked once");
    }

    [Fact]
    public void ManyDistinctRequirements_AreHashedIntoOneShortDigest()
    {
        var requirements = new FakeScopeRequirements();
        foreach (var (runtime, scope) in new[] { ("a", "gist"), ("b", "workflow"), ("c", "notifications") })
        {
            requirements.Set(new ScopeRequirement(ClassicRuntime, [new ScopeClause(scope, [scope], "A test")], "house", new RequirementSource("A test")), runtimeName: runtime);
            requirements.Set(new ScopeRequirement(FineGrainedRuntime, [new ScopeClause(scope, [$"{scope}s=read"], "A test")], "house", new RequirementSource("A test")), runtimeName: runtime);
        }

        var question = Ask(requirements, Request(), "a", "b", "c");

        question.Inspection.Requirements.Should().HaveCount(6);
        question.Digest.Should().MatchRegex("^[0-9a-f]{16}$", "six digests would make a key longer than 64 characters");
    }

    [Fact]
    public void Digest_NamesTheRepositoriesAndTheirAccess_NotTheirCaseOrOrder()
    {
        var catalogue = new FakeScopeRequirements();
        var both = Ask(catalogue, Request(new RepositoryRequest("acme/config"), new RepositoryRequest("acme/apps", RepositoryAccess.Read)), [null]).Digest;

        both.Should().MatchRegex("^[0-9a-f]{16}$");
        Ask(catalogue, Request(new RepositoryRequest("acme/apps", RepositoryAccess.Read), new RepositoryRequest("ACME/Config")), [null]).Digest.Should().Be(both);
        Ask(catalogue, Request(new RepositoryRequest("acme/config"), new RepositoryRequest("acme/apps")), [null]).Digest.Should().NotBe(both, "read-write is another question than read");
        Ask(catalogue, Request(new RepositoryRequest("acme/config")), [null]).Digest.Should().NotBe(both);
        Ask(catalogue, Request(new RepositoryRequest("acme/config", RepositoryAccess.Read)), [null]).Digest
            .Should().NotBe(Ask(catalogue, Request(new RepositoryRequest("acme/config")), [null]).Digest);
        Ask(catalogue, Request(), [null]).Digest.Should().NotBe(both);
    }

    [Fact]
    public void Resolve_WithoutRepositories_AsksTheRuntimesRequirement()
    {
        var catalogue = new FakeScopeRequirements();

        var requirement = ValidationQuestion.Resolve(catalogue, ClassicRuntime, "production", []);

        requirement.Should().BeSameAs(ScopeEditions.Seed[ClassicRuntime]);
        catalogue.Requests.Should().Equal(new RequirementRequest(ClassicRuntime, "production", null));
    }

    [Fact]
    public void Resolve_RepositoriesWithTheSameRequirement_IsThatRequirement()
    {
        var catalogue = new FakeScopeRequirements();

        var requirement = ValidationQuestion.Resolve(catalogue, ClassicRuntime, null, [new RepositoryRequest("acme/a"), new RepositoryRequest("acme/b")]);

        requirement.Should().BeSameAs(ScopeEditions.Seed[ClassicRuntime]);
        catalogue.Requests.Should().Equal(new RequirementRequest(ClassicRuntime, null, "acme/a"), new RequirementRequest(ClassicRuntime, null, "acme/b"));
    }

    [Fact]
    public void Resolve_RepositoriesWithEqualClausesInOtherObjects_IsTheFirst()
    {
        var seed = ScopeEditions.Seed[ClassicRuntime];
        var copy = new ScopeRequirement(ClassicRuntime, seed.Clauses, seed.Edition, seed.Source);
        var catalogue = new FakeScopeRequirements().Set(copy, repository: "acme/b");

        var requirement = ValidationQuestion.Resolve(catalogue, ClassicRuntime, null, [new RepositoryRequest("acme/a"), new RepositoryRequest("acme/b")]);

        requirement.Should().BeSameAs(seed);
    }

    [Fact]
    public void Resolve_RepositoriesWithDifferentRequirements_NeedsEveryClauseOnce_AndNamesTheOverride()
    {
        var seed = ScopeEditions.Seed[ClassicRuntime];
        var stricter = seed.WithClauses([.. seed.Clauses, new ScopeClause("workflow", ["workflow"], "Edit workflows")], "repository acme/b");
        var catalogue = new FakeScopeRequirements().Set(stricter, repository: "acme/b");

        var requirement = ValidationQuestion.Resolve(catalogue, ClassicRuntime, null, [new RepositoryRequest("acme/a"), new RepositoryRequest("acme/b")]);

        requirement.Clauses.Select(c => c.Preferred).Should().Equal("repo", "admin:repo_hook", "workflow");
        requirement.AppliedOverrides.Should().Equal("repository acme/b");
    }

    [Fact]
    public void Resolve_RepositoriesWithNewClausesButNoOverrideName_SayTheyWereCombined()
    {
        var seed = ScopeEditions.Seed[ClassicRuntime];
        var other = new ScopeRequirement(ClassicRuntime, [new ScopeClause("workflow", ["workflow"], "Edit workflows")], seed.Edition, seed.Source);
        var catalogue = new FakeScopeRequirements().Set(other, repository: "acme/b");

        var requirement = ValidationQuestion.Resolve(catalogue, ClassicRuntime, null, [new RepositoryRequest("acme/a"), new RepositoryRequest("acme/b")]);

        requirement.Clauses.Select(c => c.Preferred).Should().Equal("repo", "admin:repo_hook", "workflow");
        requirement.AppliedOverrides.Should().Equal("repositories combined");
    }

    [Fact]
    public void Resolve_AnOverrideTheFirstRepositoryAlreadyHas_IsNotNamedTwice()
    {
        var seed = ScopeEditions.Seed[ClassicRuntime];
        var loose = seed.WithClauses([seed.Clauses[0]], "runtime override");
        var catalogue = new FakeScopeRequirements().Set(loose, repository: "acme/a").Set(seed.WithClauses([seed.Clauses[1]], "runtime override"), repository: "acme/b");

        var requirement = ValidationQuestion.Resolve(catalogue, ClassicRuntime, null, [new RepositoryRequest("acme/a"), new RepositoryRequest("acme/b")]);

        requirement.Clauses.Select(c => c.Preferred).Should().Equal("repo", "admin:repo_hook");
        requirement.AppliedOverrides.Should().Equal("runtime override", "repositories combined");
    }

    private static TokenValidationRequest Request(params RepositoryRequest[] repositories) => new(Credential, TokenKind.Runtime, repositories: repositories);

    private static ValidationQuestion Ask(IScopeRequirements requirements, TokenValidationRequest request, params string?[] runtimes) => new(requirements, request, runtimes);
}
