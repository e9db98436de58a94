// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics;
using GitTokenScopes.Cli.Commands;
using GitTokenScopes.Cli.Demo;
using GitTokenScopes.Cli.Tests.Support;
using GitTokenScopes.Cli.Validation;

namespace GitTokenScopes.Cli.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_NoOptions_ShowsEveryScenarioWithItsVerdictAndExitsZero()
    {
        var elapsed = Stopwatch.StartNew();
        var run = await CliRun.RunAsync("demo");
        elapsed.Stop();

        run.ExitCode.Should().Be(0);
        run.Stderr.Should().BeEmpty();
        run.Stdout.Should()
            .Contain("GitHub Runtime token (classic)")
            .And.Contain("GitHub User token missing a scope")
            .And.Contain("GitHub fine-grained User token, checked on a repository")
            .And.Contain("GitLab Runtime token, expired")
            .And.Contain("Bitbucket Cloud app password")
            .And.Contain("GitHub call rate-limited")
            .And.Contain("6 tokens in ")
            .And.Contain("2 pass, 3 fail, 1 indeterminate");
        elapsed.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "the demo is meant to take seconds");
    }

    [Fact]
    public async Task Demo_ShowsWhatIsMissingWhyAndTheFix()
    {
        var run = await CliRun.RunAsync("demo");

        run.Stdout.Should()
            .Contain("FAIL  github user token · github-classic")
            .And.Contain("Missing: repo")
            .And.Contain("Missing: contents=write")
            .And.Contain("Repository acme/gitops-config (needs read-write): insufficient")
            .And.Contain("Status: expired")
            .And.Contain("app-password-retiring")
            .And.Contain("INDETERMINATE  github runtime token")
            .And.Contain("Status: rate-limited")
            .And.Contain("Why it is needed")
            .And.Contain("Argo Events creates webhooks in the Git repositories")
            .And.Contain("Create the token:" + Environment.NewLine + "    http://127.0.0.1:")
            .And.Contain("settings/tokens/new?scopes=repo");
    }

    [Fact]
    public async Task Scenarios_GiveTheVerdictsTheyAreBuiltToShow()
    {
        using var providers = DemoProviders.Start();
        await using var host = ValidatorHost.Create(configure: o => o.Resilience.MaxRetryAttempts = 0);

        foreach (var scenario in providers.Scenarios)
        {
            var report = await host.Validator.ValidateAsync(scenario.Request);
            report.Verdict.Should().Be(scenario.ExpectedVerdict, "{0}: {1}", scenario.Title, report);
        }

        providers.Scenarios.Select(s => s.Request.Credential.Provider).Distinct().Should()
            .BeEquivalentTo([GitProvider.GitHub, GitProvider.GitLab, GitProvider.BitbucketCloud]);
        providers.Scenarios.Should().OnlyContain(s => s.Request.Credential.ApiUrl != null
            ? s.Request.Credential.ApiUrl.IsLoopback
            : s.Request.Credential.ServerUrl!.IsLoopback, "the demo never leaves the machine");
    }

    [Fact]
    public async Task Demo_NeverPrintsATokenNorASliceOfOne()
    {
        using var providers = DemoProviders.Start();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = await DemoCommand.RunAsync(new CliStreams(stdout, stderr), providers, Stopwatch.StartNew(), CancellationToken.None);

        exitCode.Should().Be(0);
        stdout.ToString().Should().Contain("sha256:", "tokens are shown as fingerprints");
        providers.Secrets.Should().HaveCount(6);
        SecretAssertions.ShouldNotContainAny([stdout.ToString(), stderr.ToString()], providers.Secrets);
    }

    [Fact]
    public async Task RunAsync_NoArguments_RunsTheDemo()
    {
        var run = await CliRun.RunAsync();

        run.ExitCode.Should().Be(0);
        run.Stderr.Should().BeEmpty();
        run.Stdout.Should().StartWith("GitTokenScopes demo").And.Contain("6 tokens in ");
    }
}
