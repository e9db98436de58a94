// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Cli.Tests.Support;

namespace GitTokenScopes.Cli.Tests;

public sealed class CatalogueFilterTests
{
    [Fact]
    public async Task Catalogue_ProviderAndKind_WritesTheOneMatchingRequirement()
    {
        var requirements = await ReadAsync("catalogue", "--provider", "gitlab", "--kind", "user", "--format", "json");

        requirements.Select(r => r.Key).Should().Equal("gitlab/user/personal-access-token", "gitlab/user/fine-grained");
    }

    [Fact]
    public async Task Catalogue_ProviderOnly_WritesBothFamiliesForBothKinds()
    {
        var requirements = await ReadAsync("catalogue", "--provider", "bitbucket-cloud", "--format", "json");

        requirements.Select(r => r.Key).Should().BeEquivalentTo(
            "bitbucket-cloud/runtime/app-password",
            "bitbucket-cloud/user/app-password",
            "bitbucket-cloud/runtime/api-token",
            "bitbucket-cloud/user/api-token");
        RequirementAssertions.ShouldMatch(
            requirements,
            [.. ScopeEditions.Default.Requirements.Where(r => r.Key.Provider == GitProvider.BitbucketCloud)]);
    }

    [Fact]
    public async Task Catalogue_KindOnly_WritesThatKindForEveryFamily()
    {
        var requirements = await ReadAsync("catalogue", "--kind", "runtime", "--format", "json");

        requirements.Should().HaveCount(7).And.OnlyContain(r => r.TokenKind == "runtime");
        requirements.Select(r => r.TokenType).Distinct().Should().BeEquivalentTo(WireNames.TokenFamilyNames);
    }

    [Fact]
    public async Task Catalogue_CodefreshDocsEdition_WritesThatEditionsRequirements()
    {
        var requirements = await ReadAsync("catalogue", "--edition", "codefresh-docs-2026-05", "--format", "json");

        requirements.Should().HaveCount(14).And.OnlyContain(r => r.Edition == "codefresh-docs-2026-05");
        requirements.Should().OnlyContain(r => r.Source.Date == "2026-05-11");
        requirements.Should().ContainSingle(r => r.Key == "gitlab/runtime/personal-access-token")
            .Which.Clauses.Should().ContainSingle()
            .Which.AnyOf.Should().Equal("api");
        RequirementAssertions.ShouldMatch(requirements, ScopeEditions.CodefreshDocs.Requirements);
    }

    [Fact]
    public async Task Catalogue_EditionAndFilters_Combine()
    {
        var requirements = await ReadAsync("catalogue", "--edition", "codefresh-docs-2026-05", "--provider", "github", "--kind", "runtime", "--format", "json");

        requirements.Select(r => r.Key).Should().Equal("github/runtime/classic", "github/runtime/fine-grained");
        requirements[1].Clauses.Select(c => c.Label).Should().Contain(["Commit statuses: Read and write", "Pull requests: Read and write"]);
    }

    [Fact]
    public async Task Catalogue_ProviderFilterInTable_ShowsOnlyThatProvider()
    {
        var run = await CliRun.RunAsync("catalogue", "--provider", "gitlab");

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("gitlab · runtime · personal-access-token")
            .And.Contain("gitlab · user · personal-access-token")
            .And.NotContain("github ·")
            .And.NotContain("bitbucket-cloud ·")
            .And.NotContain("bitbucket-server ·");
    }

    private static async Task<IReadOnlyList<JsonRequirement>> ReadAsync(params string[] args)
    {
        var run = await CliRun.RunAsync(args);
        run.ExitCode.Should().Be(0, "stderr was: {0}", run.Stderr);
        run.Stderr.Should().BeEmpty();
        return CatalogueJsonReader.Read(run.Stdout);
    }
}
