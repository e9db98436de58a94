// Licensed under the MIT License. See LICENSE in the repository root.

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GitTokenScopes.Tests.Catalogue;

/// <summary>Overrides from code: precedence (repository over runtime over default), Replace and Amend, and bad input.</summary>
public sealed class RequirementOverrideTests
{
    private static readonly ScopeRequirementKey GitHubRuntime = new(GitProvider.GitHub, TokenKind.Runtime, TokenFamily.Classic);

    [Fact]
    public void GetRequirement_NoOverrides_ReturnsTheEditionsRequirement()
    {
        var requirements = Build(_ => { });

        requirements.GetRequirement(GitHubRuntime, "prod", "org/repo").Should().BeSameAs(ScopeEditions.Seed[GitHubRuntime]);
    }

    [Fact]
    public void GetRequirement_Precedence_RepositoryOverRuntimeOverDefault()
    {
        var requirements = Build(o =>
        {
            // Declared most specific first, to prove the order comes from specificity, not declaration.
            o.Overrides.Add(Replace("repository-and-runtime", runtime: "prod", repository: "org/config"));
            o.Overrides.Add(Replace("repository", repository: "org/config"));
            o.Overrides.Add(Replace("runtime", runtime: "prod"));
            o.Overrides.Add(Replace("default"));
        });

        Labels(requirements.GetRequirement(GitHubRuntime)).Should().Equal("default");
        Labels(requirements.GetRequirement(GitHubRuntime, "staging")).Should().Equal("default");
        Labels(requirements.GetRequirement(GitHubRuntime, "prod")).Should().Equal("runtime");
        Labels(requirements.GetRequirement(GitHubRuntime, "staging", "org/config")).Should().Equal("repository");
        Labels(requirements.GetRequirement(GitHubRuntime, "prod", "org/config")).Should().Equal("repository-and-runtime");
        Labels(requirements.GetRequirement(GitHubRuntime, "prod", "org/other")).Should().Equal("runtime");

        var applied = requirements.GetRequirement(GitHubRuntime, "prod", "org/config").AppliedOverrides;
        applied.Should().Equal("GitTokenScopes:Overrides:3", "GitTokenScopes:Overrides:2", "GitTokenScopes:Overrides:1", "GitTokenScopes:Overrides:0");
    }

    [Fact]
    public void GetRequirement_OtherKeys_AreUntouched()
    {
        var requirements = Build(o => o.Overrides.Add(Replace("default")));
        var user = new ScopeRequirementKey(GitProvider.GitHub, TokenKind.User, TokenFamily.Classic);

        requirements.GetRequirement(user).Should().BeSameAs(ScopeEditions.Seed[user]);
    }

    [Theory]
    [InlineData("PROD", "ORG/Config")]
    [InlineData(" prod ", "/org/config.git")]
    [InlineData("prod", "https://github.com/org/config.git")]
    public void GetRequirement_NamesCompareLoosely(string runtime, string repository)
    {
        var requirements = Build(o => o.Overrides.Add(Replace("match", runtime: "prod", repository: "org/config")));

        Labels(requirements.GetRequirement(GitHubRuntime, runtime, repository)).Should().Equal("match");
    }

    [Fact]
    public void GetRequirement_Amend_RemovesByLabelAndAdds()
    {
        var requirements = Build(o =>
        {
            var amend = new ScopeRequirementOverride { Provider = "github", Kind = "runtime", TokenFamily = "classic", Mode = OverrideMode.Amend };
            amend.RemoveClauses.Add("ADMIN:REPO_HOOK");
            amend.Clauses.Add(Clause("Read org", "read:org"));
            o.Overrides.Add(amend);
        });

        var requirement = requirements.GetRequirement(GitHubRuntime);

        requirement.Clauses.Select(c => c.ToString()).Should().Equal("repo: repo", "Read org: read:org");
        requirement.Clauses[1].Purpose.Should().Be("Required by the host's override");
        requirement.Source.Should().BeSameAs(ScopeEditions.Seed[GitHubRuntime].Source);
    }

    [Fact]
    public void GetRequirement_AmendsStack_FromLeastToMostSpecific()
    {
        var requirements = Build(o =>
        {
            var forRepo = new ScopeRequirementOverride { Provider = "github", Kind = "runtime", TokenFamily = "classic", Repository = "org/app", Mode = OverrideMode.Amend };
            forRepo.RemoveClauses.Add("Workflows");
            o.Overrides.Add(forRepo);
            var forRuntime = new ScopeRequirementOverride { Provider = "github", Kind = "runtime", TokenFamily = "classic", Runtime = "prod", Mode = OverrideMode.Amend };
            forRuntime.Clauses.Add(Clause("Workflows", "workflow"));
            o.Overrides.Add(forRuntime);
        });

        Labels(requirements.GetRequirement(GitHubRuntime, "prod")).Should().Equal("repo", "admin:repo_hook", "Workflows");
        Labels(requirements.GetRequirement(GitHubRuntime, "prod", "org/app")).Should().Equal("repo", "admin:repo_hook");
    }

    [Fact]
    public void GetRequirement_AmendsThatTogetherRemoveEveryClause_FailNamingBoth()
    {
        // Each override alone leaves a clause, so startup validation accepts both; only where both apply is nothing left.
        var requirements = Build(o =>
        {
            var forRuntime = new ScopeRequirementOverride { Provider = "github", Kind = "runtime", TokenFamily = "classic", Runtime = "prod", Mode = OverrideMode.Amend };
            forRuntime.RemoveClauses.Add("repo");
            o.Overrides.Add(forRuntime);
            var forRepo = new ScopeRequirementOverride { Provider = "github", Kind = "runtime", TokenFamily = "classic", Repository = "org/app", Mode = OverrideMode.Amend };
            forRepo.RemoveClauses.Add("admin:repo_hook");
            o.Overrides.Add(forRepo);
        });

        Labels(requirements.GetRequirement(GitHubRuntime, "prod")).Should().Equal("admin:repo_hook");
        Labels(requirements.GetRequirement(GitHubRuntime, "staging", "org/app")).Should().Equal("repo");
        var act = () => requirements.GetRequirement(GitHubRuntime, "prod", "org/app");
        act.Should().Throw<InvalidOperationException>()
            .WithMessage("The overrides GitTokenScopes:Overrides:0, GitTokenScopes:Overrides:1 leave the requirement for github/runtime/classic with no clause.");
    }

    [Fact]
    public void GetRequirement_OverrideScopes_AreNormalized()
    {
        var requirements = Build(o => o.Overrides.Add(new ScopeRequirementOverride
        {
            Provider = "BitbucketServer",
            Kind = "User",
            TokenFamily = "HttpAccessToken",
            Clauses = { Clause("Admin", " repo_admin ") },
        }));

        var requirement = requirements.GetRequirement(new ScopeRequirementKey(GitProvider.BitbucketServer, TokenKind.User, TokenFamily.HttpAccessToken));

        requirement.Clauses.Single().AnyOf.Should().Equal("REPO_ADMIN");
    }

    [Fact]
    public void GetRequirement_Edition_IsSelectedByName()
    {
        var requirements = Build(o => o.Edition = "codefresh-docs-2026-05");
        var gitlab = new ScopeRequirementKey(GitProvider.GitLab, TokenKind.Runtime, TokenFamily.PersonalAccessToken);

        requirements.GetRequirement(gitlab).Clauses.Single().AnyOf.Should().Equal("api");
    }

    public static TheoryData<Action<GitTokenScopesOptions>, string> BadOptions() => new()
    {
        { o => o.Edition = "latest", "GitTokenScopes:Edition: 'latest' is not a known catalogue edition*" },
        { o => o.Overrides.Add(new ScopeRequirementOverride { Provider = "githab", Kind = "runtime", TokenFamily = "classic", Clauses = { Clause("x", "repo") } }), "GitTokenScopes:Overrides:0:Provider: 'githab' is not a known provider. Use one of: github, gitlab, bitbucket-cloud, bitbucket-server*" },
        { o => o.Overrides.Add(new ScopeRequirementOverride { Kind = "runtime", TokenFamily = "classic", Clauses = { Clause("x", "repo") } }), "GitTokenScopes:Overrides:0:Provider: is required*" },
        { o => o.Overrides.Add(new ScopeRequirementOverride { Provider = "github", Kind = "robot", TokenFamily = "classic", Clauses = { Clause("x", "repo") } }), "GitTokenScopes:Overrides:0:Kind: 'robot' is not a known token kind*" },
        { o => o.Overrides.Add(new ScopeRequirementOverride { Provider = "gitlab", Kind = "user", TokenFamily = "classic", Clauses = { Clause("x", "api") } }), "GitTokenScopes:Overrides:0:TokenFamily: 'classic' is not a token family of gitlab. Use one of: personal-access-token*" },
        { o => o.Overrides.Add(new ScopeRequirementOverride { Provider = "github", Kind = "user", TokenFamily = "classic" }), "GitTokenScopes:Overrides:0:Clauses: a Replace override needs at least one clause*" },
        { o => o.Overrides.Add(new ScopeRequirementOverride { Provider = "github", Kind = "user", TokenFamily = "classic", Clauses = { new ScopeClauseOptions { Label = "empty" } } }), "GitTokenScopes:Overrides:0:Clauses:0:AnyOf: the clause is empty*" },
        { o => o.Overrides.Add(new ScopeRequirementOverride { Provider = "github", Kind = "user", TokenFamily = "classic", Clauses = { Clause("x", "repo", "admin: repo_hook") } }), "GitTokenScopes:Overrides:0:Clauses:0:AnyOf:1: 'admin: repo_hook' is not a well-formed scope*" },
        { o => o.Overrides.Add(new ScopeRequirementOverride { Provider = "github", Kind = "user", TokenFamily = "classic", Clauses = { Clause("x", " ") } }), "GitTokenScopes:Overrides:0:Clauses:0:AnyOf:0: the scope is blank*" },
        { o => o.Overrides.Add(new ScopeRequirementOverride { Provider = "github", Kind = "user", TokenFamily = "classic", Clauses = { Clause(" ", "repo") } }), "GitTokenScopes:Overrides:0:Clauses:0:Label: is required*" },
        { o => o.Overrides.Add(new ScopeRequirementOverride { Provider = "github", Kind = "user", TokenFamily = "classic", Runtime = " ", Clauses = { Clause("x", "repo") } }), "GitTokenScopes:Overrides:0:Runtime: must not be blank*" },
        { o => o.Overrides.Add(new ScopeRequirementOverride { Provider = "github", Kind = "user", TokenFamily = "classic", Repository = "/", Clauses = { Clause("x", "repo") } }), "GitTokenScopes:Overrides:0:Repository: must name a repository*" },
        { o => o.Overrides.Add(new ScopeRequirementOverride { Provider = "github", Kind = "user", TokenFamily = "classic", Mode = OverrideMode.Amend }), "GitTokenScopes:Overrides:0: an Amend override must add clauses or remove some*" },
        { o => o.Overrides.Add(new ScopeRequirementOverride { Provider = "github", Kind = "user", TokenFamily = "classic", Mode = OverrideMode.Amend, RemoveClauses = { "rpeo" } }), "GitTokenScopes:Overrides:0:RemoveClauses:0: no clause of github/user/classic in edition 'seed' is labelled 'rpeo'*" },
        { o => o.Overrides.Add(new ScopeRequirementOverride { Provider = "github", Kind = "user", TokenFamily = "classic", Mode = OverrideMode.Amend, RemoveClauses = { "repo" } }), "GitTokenScopes:Overrides:0:RemoveClauses: removing these clauses leaves the requirement for github/user/classic with none*" },
        { o => o.Overrides.Add(new ScopeRequirementOverride { Provider = "github", Kind = "user", TokenFamily = "classic", Mode = OverrideMode.Replace, RemoveClauses = { "repo" }, Clauses = { Clause("x", "repo") } }), "GitTokenScopes:Overrides:0:RemoveClauses: only an Amend override removes clauses*" },
        { o => o.Overrides.Add(new ScopeRequirementOverride { Provider = "github", Kind = "user", TokenFamily = "classic", Mode = (OverrideMode)7, Clauses = { Clause("x", "repo") } }), "GitTokenScopes:Overrides:0:Mode: '7' is not Replace or Amend*" },
        { o => o.Overrides.Add(null!), "GitTokenScopes:Overrides:0: the override is empty*" },
        { o => o.Overrides.Add(new ScopeRequirementOverride { Provider = "github", Kind = "user", TokenFamily = "classic", Clauses = { null! } }), "GitTokenScopes:Overrides:0:Clauses:0: the clause is empty*" },
        { o => o.Overrides.Add(new ScopeRequirementOverride { Provider = "github", Kind = "user", TokenFamily = "classic", Mode = OverrideMode.Amend, RemoveClauses = { " " } }), "GitTokenScopes:Overrides:0:RemoveClauses:0: the label is blank*" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Resolve_InvalidOptions_FailsNamingTheKey(Action<GitTokenScopesOptions> configure, string expected)
    {
        using var provider = new ServiceCollection().AddGitTokenScopes(configure).Services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IScopeRequirements>();

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainMatch(expected);
    }

    [Fact]
    public void Resolve_SeveralErrors_ReportsEveryOne()
    {
        using var provider = new ServiceCollection().AddGitTokenScopes(o =>
        {
            o.Overrides.Add(new ScopeRequirementOverride { Provider = "github", Kind = "user", TokenFamily = "classic", Clauses = { Clause("x", "repo") } });
            o.Overrides.Add(new ScopeRequirementOverride { Provider = "nope", Kind = "nope", TokenFamily = "nope" });
        }).Services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IScopeRequirements>();

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().HaveCount(4)
            .And.OnlyContain(f => f.StartsWith("GitTokenScopes:Overrides:1:", StringComparison.Ordinal));
    }

    private static IScopeRequirements Build(Action<GitTokenScopesOptions> configure)
        => new ServiceCollection().AddGitTokenScopes(configure).Services.BuildServiceProvider().GetRequiredService<IScopeRequirements>();

    private static ScopeRequirementOverride Replace(string label, string? runtime = null, string? repository = null)
        => new()
        {
            Provider = "github",
            Kind = "runtime",
            TokenFamily = "classic",
            Runtime = runtime,
            Repository = repository,
            Clauses = { Clause(label, "repo") },
        };

    private static ScopeClauseOptions Clause(string label, params string[] scopes)
    {
        var clause = new ScopeClauseOptions { Label = label };
        foreach (var scope in scopes)
        {
            clause.AnyOf.Add(scope);
        }

        return clause;
    }

    private static IEnumerable<string> Labels(ScopeRequirement requirement) => requirement.Clauses.Select(c => c.Label);
}
