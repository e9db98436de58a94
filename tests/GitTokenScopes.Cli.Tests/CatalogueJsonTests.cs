// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Cli.Tests.Support;

namespace GitTokenScopes.Cli.Tests;

public sealed class CatalogueJsonTests
{
    [Fact]
    public async Task Catalogue_JsonFormat_WritesOnlyTheJsonDocument()
    {
        var run = await CliRun.RunAsync("catalogue", "--format", "json");

        run.ExitCode.Should().Be(0);
        run.Stderr.Should().BeEmpty();
        run.Stdout.Should().StartWith("[").And.EndWith("]" + Environment.NewLine);

        // Parsing the whole of stdout fails on anything printed before or after the document.
        var parse = () => run.ParseStdoutAsJson().Dispose();
        parse.Should().NotThrow();
    }

    [Fact]
    public async Task Catalogue_JsonFormat_WritesOneObjectPerRequirementOfTheDefaultEdition()
    {
        var requirements = await ReadAsync("catalogue", "--format", "json");

        // Six token families (GitHub classic and fine-grained, GitLab, Bitbucket Cloud app password and API token,
        // Bitbucket Server) times two token kinds.
        requirements.Should().HaveCount(14);
        requirements.Should().HaveCount(ScopeEditions.Default.Requirements.Count);
        requirements.Select(r => r.Key).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Catalogue_JsonFormat_ReproducesEveryRequirementOfTheDefaultEditionInCatalogueOrder()
    {
        var requirements = await ReadAsync("catalogue", "--format", "json");

        RequirementAssertions.ShouldMatch(requirements, ScopeEditions.Default.Requirements);
    }

    [Fact]
    public async Task Catalogue_JsonFormat_GitHubRuntimeClassicHasTheSeedClauses()
    {
        var requirement = Single(await ReadAsync("catalogue", "--format", "json"), "github/runtime/classic");

        requirement.Edition.Should().Be("seed");
        requirement.Clauses.Select(c => c.Label).Should().Equal("repo", "admin:repo_hook");
        requirement.Clauses.Select(c => c.AnyOf).Should().BeEquivalentTo(
            new[] { new[] { "repo" }, new[] { "admin:repo_hook" } },
            o => o.WithStrictOrdering());
        requirement.Source.Date.Should().BeNull("the seed copy is undated");
        requirement.Source.Url.Should().Be("https://codefresh.io/docs/gitops/security/git-tokens");
    }

    [Theory]
    [InlineData("gitlab/user/personal-access-token", "api_read", "read_api")]
    [InlineData("github/runtime/fine-grained", "Webhook: Read and write", "repository_hooks=write")]
    [InlineData("github/runtime/fine-grained", "Repository access: All repositories or Only select repositories", "repository_selection=all", "repository_selection=selected")]
    [InlineData("bitbucket-server/runtime/http-access-token", "Account: Read", "REPO_READ")]
    public async Task Catalogue_JsonFormat_SeedRowHasTheClause(string key, string label, params string[] anyOf)
    {
        var requirement = Single(await ReadAsync("catalogue", "--format", "json"), key);

        requirement.Clauses.Should().ContainSingle(c => c.Label == label)
            .Which.AnyOf.Should().Equal(anyOf);
    }

    [Fact]
    public async Task Catalogue_JsonFormat_BitbucketCloudAppPasswordNeedsRepositoryWriteAndAdminSeparately()
    {
        var requirement = Single(await ReadAsync("catalogue", "--format", "json"), "bitbucket-cloud/runtime/app-password");

        requirement.Clauses.Where(c => c.Label == "Repositories: Write, Admin").Select(c => c.AnyOf)
            .Should().BeEquivalentTo(new[] { new[] { "repository:write" }, new[] { "repository:admin" } }, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task Catalogue_JsonFormat_KeepsNonAsciiAndQuotesReadable()
    {
        var run = await CliRun.RunAsync("catalogue", "--format", "json", "--provider", "bitbucket-server");

        // Relaxed escaping: the notes' arrows are written as they are, not as \u2192.
        run.Stdout.Should().Contain("Account: Read → REPO_READ").And.NotContain("\\u2192");
    }

    private static async Task<IReadOnlyList<JsonRequirement>> ReadAsync(params string[] args)
    {
        var run = await CliRun.RunAsync(args);
        run.ExitCode.Should().Be(0, "stderr was: {0}", run.Stderr);
        return CatalogueJsonReader.Read(run.Stdout);
    }

    private static JsonRequirement Single(IReadOnlyList<JsonRequirement> requirements, string key)
        => requirements.Should().ContainSingle(r => r.Key == key).Which;
}
