// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics;
using GitTokenScopes.Cli.Tests.Support;

namespace GitTokenScopes.Cli.Tests;

/// <summary>The CLI as a real process: the token reaches it only through the process environment or a pipe.</summary>
public sealed class ProcessTests(FakeProviders fakes) : IClassFixture<FakeProviders>
{
    [Fact]
    public async Task Check_TokenInTheProcessEnvironment_PrintsTheReportJson()
    {
        var token = fakes.GoodRuntimeToken();

        var run = await CliProcess.RunAsync(new Dictionary<string, string> { ["GITHUB_TOKEN"] = token.Value }, null,
            "check", "--provider", "github", "--kind", "runtime", "--api-url", fakes.GitHub.ApiUrl.AbsoluteUri, "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stderr.Should().BeEmpty();
        run.ReadReport().TokenFingerprint.Should().Be(token.Fingerprint);
        SecretAssertions.ShouldNotContainAny([run.Stdout, run.Stderr], [token.Value]);
    }

    [Fact]
    public async Task Check_TokenPipedToStandardInput_IsUsed()
    {
        var token = fakes.GoodRuntimeToken();

        var run = await CliProcess.RunAsync(new Dictionary<string, string>(), token.Value + "\n",
            "check", "--provider", "github", "--kind", "runtime", "--api-url", fakes.GitHub.ApiUrl.AbsoluteUri, "--token-stdin");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().StartWith("PASS  github runtime token").And.NotContain("\u001b", "a redirected output gets no colours");
        SecretAssertions.ShouldNotContainAny([run.Stdout, run.Stderr], [token.Value]);
    }

    [Fact]
    public async Task Check_NoToken_ExitsWithTheUsageCode()
    {
        var run = await CliProcess.RunAsync(new Dictionary<string, string>(), null, "check", "--provider", "gitlab", "--kind", "user");

        run.ExitCode.Should().Be(64);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().StartWith("error: no token: the environment variable GITLAB_TOKEN is not set");
    }

    [Fact]
    public async Task Demo_AsAProcess_FinishesInSecondsWithExitCodeZero()
    {
        var elapsed = Stopwatch.StartNew();
        var run = await CliProcess.RunAsync(new Dictionary<string, string>(), null, "demo");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("6 tokens in ");
        elapsed.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30));
    }
}
