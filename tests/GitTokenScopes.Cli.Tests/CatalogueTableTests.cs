// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Cli.Commands;
using GitTokenScopes.Cli.Output;
using GitTokenScopes.Cli.Tests.Support;

namespace GitTokenScopes.Cli.Tests;

public sealed class CatalogueTableTests
{
    [Fact]
    public async Task Catalogue_NoOptions_PrintsATableWithEveryScopeOfTheDefaultEdition()
    {
        var run = await CliRun.RunAsync("catalogue");

        run.ExitCode.Should().Be(0);
        run.Stderr.Should().BeEmpty();
        var scopes = ScopeEditions.Default.Requirements.SelectMany(r => r.Clauses).SelectMany(c => c.AnyOf).Distinct().ToArray();
        scopes.Should().Contain(["repo", "admin:repo_hook", "read_api", "repository:write", "repository:admin", "repository_hooks=write", "REPO_ADMIN"]);
        foreach (var scope in scopes)
        {
            run.Stdout.Should().Contain(scope);
        }
    }

    [Fact]
    public async Task Catalogue_NoOptions_PrintsAHeadingPerRequirementAndTheClauseLabels()
    {
        var run = await CliRun.RunAsync("catalogue");

        run.Stdout.Should().StartWith("╭");
        foreach (var requirement in ScopeEditions.Default.Requirements)
        {
            var key = requirement.Key;
            run.Stdout.Should().Contain($"{key.Provider.ToWireName()} · {key.Kind.ToWireName()} · {key.Family.ToWireName()}");
        }

        // Labels short enough never to wrap at the captured width; every label is checked on a wide console below.
        run.Stdout.Should().Contain("admin:repo_hook")
            .And.Contain("api_read")
            .And.Contain("Webhook: Read and write")
            .And.Contain("Metadata: Read-only")
            .And.Contain("Repositories: Write, Admin");
    }

    [Fact]
    public async Task Catalogue_NoOptions_EndsWithTheEditionAndItsSource()
    {
        var run = await CliRun.RunAsync("catalogue");

        var lines = run.Stdout.TrimEnd().Split(Environment.NewLine);
        lines[^2].Should().StartWith("Edition: seed");
        lines[^1].Should().StartWith("Source: " + ScopeEditions.Default.Requirements[0].Source.Document)
            .And.EndWith("https://codefresh.io/docs/gitops/security/git-tokens");
    }

    [Fact]
    public async Task Catalogue_ExplicitTableFormat_PrintsTheSameAsTheDefault()
    {
        var byDefault = await CliRun.RunAsync("catalogue");
        var explicitly = await CliRun.RunAsync("catalogue", "--format", "table");

        explicitly.ExitCode.Should().Be(0);
        explicitly.Stdout.Should().Be(byDefault.Stdout);
    }

    [Theory]
    [InlineData(ScopeEditions.SeedName)]
    [InlineData(ScopeEditions.CodefreshDocsName)]
    public void Write_WideConsole_ShowsEveryClauseLabelAndPurposeVerbatim(string editionName)
    {
        var edition = ScopeEditions.Get(editionName);

        var output = PlainConsole.Render(1000, console => CatalogueTable.Write(console, edition, new CatalogueQuery(edition).Select()));

        foreach (var clause in edition.Requirements.SelectMany(r => r.Clauses))
        {
            output.Should().Contain(clause.Label).And.Contain(clause.Purpose).And.Contain(string.Join(" | ", clause.AnyOf));
        }

        output.Should().Contain($"Edition: {edition.Name}");
    }

    /// <summary>At 80 columns the catalogue still shows every scope whole: a scope name is never broken mid-word.</summary>
    [Theory]
    [InlineData(ScopeEditions.SeedName, 80)]
    [InlineData(ScopeEditions.CodefreshDocsName, 80)]
    [InlineData(ScopeEditions.SeedName, 100)]
    public void Write_NarrowConsole_KeepsEveryScopeNameWhole(string editionName, int width)
    {
        var edition = ScopeEditions.Get(editionName);

        var lines = PlainConsole.Render(width, console => CatalogueTable.Write(console, edition, new CatalogueQuery(edition).Select())).Split(Environment.NewLine);
        lines.Should().OnlyContain(l => l.Length <= width);
        foreach (var scope in edition.Requirements.SelectMany(r => r.Clauses).SelectMany(c => c.AnyOf).Distinct())
        {
            lines.Should().Contain(l => l.Contains(scope, StringComparison.Ordinal), $"{scope} is printed whole on one line at {width} columns");
        }
    }
}
