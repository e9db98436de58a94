// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics;
using System.Text.RegularExpressions;
using GitTokenScopes.Cli.Commands;
using GitTokenScopes.Cli.Tests.Support;
using GitTokenScopes.Testing;

namespace GitTokenScopes.Cli.Tests;

/// <summary>The conventions of well-liked CLIs (gh, dotnet): help pages, Ctrl-C, --timeout, JSON escaping.</summary>
public sealed class ConventionTests(FakeProviders fakes) : IClassFixture<FakeProviders>
{
    private static readonly int[] ValidatingCodes = [0, 1, 2, 64, 130];
    private static readonly int[] OfflineCodes = [0, 64, 130];

    public static TheoryData<string[], int[]> Commands => new()
    {
        { [], ValidatingCodes },
        { ["demo"], OfflineCodes },
        { ["catalogue"], OfflineCodes },
        { ["check"], ValidatingCodes },
        { ["audit"], ValidatingCodes },
        { ["preflight"], ValidatingCodes },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_UsageLineNamesTheInstalledCommand(string[] command, int[] codes)
    {
        _ = codes;
        var run = await CliRun.RunAsync([.. command, "--help"]);

        run.ExitCode.Should().Be(0);
        var lines = Lines(run.Stdout);
        var usage = lines[lines.IndexOf("Usage:") + 1].Trim();
        usage.Should().StartWith(string.Join(' ', ["git-token-scopes", .. command]) + " [");
        run.Stdout.Should().NotContain("GitTokenScopes.Cli").And.NotContain("testhost");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_EndsWithExamplesThenTheExitCodesTheCommandCanReturn(string[] command, int[] codes)
    {
        var run = await CliRun.RunAsync([.. command, "--help"]);

        run.ExitCode.Should().Be(0);
        var lines = Lines(run.Stdout.TrimEnd());
        var examples = lines.IndexOf("Examples:");
        var exitCodes = lines.IndexOf("Exit codes:");
        examples.Should().BePositive(run.Stdout);
        exitCodes.Should().BeGreaterThan(examples);

        // The exit codes close the page: one line per code, each explained, nothing after.
        var codeLines = lines.Skip(exitCodes + 1).ToArray();
        codeLines.Should().AllSatisfy(l => l.Should().MatchRegex(@"^  \d+ +\S"));
        codeLines.Select(l => int.Parse(l.Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).Should().Equal(codes);

        // Two or three realistic invocations of this very command; a token never appears as an argument.
        var invocations = lines.Skip(examples + 1).Take(exitCodes - examples - 1)
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        invocations.Should().HaveCountGreaterThanOrEqualTo(command.Length == 0 ? 3 : 2).And.HaveCountLessThanOrEqualTo(3);
        foreach (var invocation in invocations)
        {
            var words = invocation.Split(' ');
            var start = Array.IndexOf(words, "git-token-scopes");
            start.Should().BeGreaterThanOrEqualTo(0, invocation);
            if (command.Length > 0 && words.Length > start + 1)
            {
                words[start + 1].Should().Be(command[0], invocation);
            }

            words.Should().NotContain(w => TokenRedaction.LooksLikeToken(w) || w == "--token" || w == "--password", invocation);
        }
    }

    [Fact]
    public async Task Help_AsAProcess_NamesTheInstalledCommandNotTheAssembly()
    {
        var run = await CliProcess.RunAsync(new Dictionary<string, string>(), null, "check", "--help");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("  git-token-scopes check [options]").And.NotContain("GitTokenScopes.Cli check");
    }

    [Theory]
    [InlineData("catalogue")]
    [InlineData("demo")]
    [InlineData("check", "--provider", "github", "--kind", "runtime")]
    public async Task Cancelled_ExitsWith130AndOneLine(params string[] args)
    {
        var token = fakes.GoodRuntimeToken();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var run = await CliRun.RunAsync(new Dictionary<string, string> { ["GITHUB_TOKEN"] = token.Value }, null, cancelled.Token, args);

        run.ExitCode.Should().Be(130);
        run.Stderr.Should().Be("Cancelled." + Environment.NewLine);
    }

    [Fact]
    public async Task CancelledWhileTheProviderIsAsked_StopsAtOnceWith130AndOneLine()
    {
        var token = SlowToken();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var elapsed = Stopwatch.StartNew();

        var run = await CliRun.RunAsync(new Dictionary<string, string> { ["GITHUB_TOKEN"] = token.Value }, null, cancellation.Token,
            "check", "--provider", "github", "--kind", "runtime", "--api-url", fakes.GitHub.ApiUrl.AbsoluteUri, "--format", "json");

        run.ExitCode.Should().Be(130);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Be("Cancelled." + Environment.NewLine);
        elapsed.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        SecretAssertions.ShouldNotContainAny([run.Stdout, run.Stderr], [token.Value]);
    }

    [Fact]
    public async Task Sigint_AsAProcess_ExitsWith130AndOneLine()
    {
        // xunit 2 cannot skip at run time; Windows has no SIGINT to send to another process.
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // A server of its own: the shared one may still be holding other tests' slow requests.
        using var github = FakeGitHubServer.Start();
        var token = FakeGitHubToken.Classic("repo", "admin:repo_hook");
        token.Delay = TimeSpan.FromSeconds(60);
        github.AddToken(token);

        var run = await CliProcess.RunAsync(new Dictionary<string, string> { ["GITHUB_TOKEN"] = token.Value }, null, async process =>
        {
            // Signal only once the CLI is waiting on the provider, so its handler is certainly in place.
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (github.PeakConcurrentRequests == 0)
            {
                await Task.Delay(50, wait.Token);
            }

            using var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync(wait.Token);
        }, "check", "--provider", "github", "--kind", "runtime", "--api-url", github.ApiUrl.AbsoluteUri);

        run.ExitCode.Should().Be(130);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Be("Cancelled." + Environment.NewLine, "one line, no stack trace");
    }

    [Theory]
    [InlineData("check")]
    [InlineData("audit")]
    [InlineData("preflight")]
    public async Task Timeout_Elapsing_IsIndeterminateWithOneLine(string command)
    {
        var token = SlowToken();
        using var manifest = new TempFile("tokens.yaml", $"tokens:\n  - {{ provider: github, apiUrl: \"{fakes.GitHub.ApiUrl}\", kind: runtime, tokenEnv: SLOW_TOKEN }}");
        using var values = new TempFile("values.yaml", "global:\n  runtime:\n    name: production\n    gitCredentials:\n      password:\n        secretKeyRef: { name: git, key: token }\n");
        string[] args = command switch
        {
            "check" => ["check", "--provider", "github", "--kind", "runtime", "--api-url", fakes.GitHub.ApiUrl.AbsoluteUri, "--token-env", "SLOW_TOKEN"],
            "audit" => ["audit", "--manifest", manifest.Path],
            _ => ["preflight", "--values", values.Path, "--provider", "github", "--api-url", fakes.GitHub.ApiUrl.AbsoluteUri, "--token-env", "SLOW_TOKEN"],
        };
        var elapsed = Stopwatch.StartNew();

        var run = await CliRun.RunAsync(new Dictionary<string, string> { ["SLOW_TOKEN"] = token.Value }, null, [.. args, "--format", "json", "--timeout", "1s"]);

        run.ExitCode.Should().Be(2, run.Stderr);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Be("error: --timeout 1s elapsed before every provider answered; no verdict (indeterminate)." + Environment.NewLine);
        elapsed.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        SecretAssertions.ShouldNotContainAny([run.Stdout, run.Stderr], [token.Value]);
    }

    [Fact]
    public async Task Timeout_NotElapsing_LeavesTheVerdictAlone()
    {
        var token = fakes.GoodRuntimeToken();

        var run = await CliRun.RunAsync(new Dictionary<string, string> { ["GITHUB_TOKEN"] = token.Value }, null,
            "check", "--provider", "github", "--kind", "runtime", "--api-url", fakes.GitHub.ApiUrl.AbsoluteUri, "--format", "json", "--timeout", "2m");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.ReadReport().Verdict.Should().Be(ValidationVerdict.Pass);
    }

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("2m", 120)]
    [InlineData("45", 45)]
    [InlineData("1h", 3600)]
    [InlineData(" 90S ", 90)]
    public void Timeout_AcceptsSecondsMinutesAndHours(string text, int seconds)
        => RunTimeout.TryParse(text).Should().Be(TimeSpan.FromSeconds(seconds));

    [Theory]
    [InlineData("check", "5x")]
    [InlineData("check", "0")]
    [InlineData("audit", "-1s")]
    [InlineData("audit", "1.5s")]
    [InlineData("preflight", "25h")]
    [InlineData("preflight", "PT30S")]
    public async Task Timeout_Malformed_IsAUsageErrorNamingIt(string command, string value)
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string>(), null, command, "--timeout", value);

        run.ExitCode.Should().Be(64);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Contain($"error: --timeout: '{value}' is not a duration; use 30s, 2m, 1h or a number of seconds");
    }

    [Fact]
    public async Task CheckJson_DoesNotEscapeAmpersandsApostrophesOrAngleBrackets()
    {
        const string Runtime = "R&D's <blue>+green";
        var token = fakes.GoodRuntimeToken();

        var run = await CliRun.RunAsync(new Dictionary<string, string> { ["GITHUB_TOKEN"] = token.Value }, null,
            "check", "--provider", "github", "--kind", "runtime", "--api-url", fakes.GitHub.ApiUrl.AbsoluteUri, "--runtime", Runtime, "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain($"\"runtime\":\"{Runtime}\"");
        run.Stdout.Should().NotContainAny(@"\u0026", @"\u0027", @"\u003C", @"\u003E", @"\u002B");
        run.ReadReport().Runtime.Should().Be(Runtime);
    }

    [Fact]
    public async Task AuditJson_DoesNotEscapeAmpersandsOrApostrophes()
    {
        var token = fakes.GoodRuntimeToken();
        using var manifest = new TempFile("tokens.yaml", $"tokens:\n  - {{ provider: github, apiUrl: \"{fakes.GitHub.ApiUrl}\", kind: runtime, runtime: \"R&D's\", tokenEnv: RUNTIME_TOKEN }}");

        var run = await CliRun.RunAsync(new Dictionary<string, string> { ["RUNTIME_TOKEN"] = token.Value }, null, "audit", "--manifest", manifest.Path, "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("\"runtime\":\"R&D's\"").And.NotContain(@"\u0026").And.NotContain(@"\u0027");
    }

    [Fact]
    public async Task CatalogueJson_DoesNotEscapeApostrophes()
    {
        var run = await CliRun.RunAsync("catalogue", "--format", "json");

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("the project's seed copy").And.NotContain(@"\u0027").And.NotContain(@"\u0026");
    }

    private FakeGitHubToken SlowToken()
    {
        var token = FakeGitHubToken.Classic("repo", "admin:repo_hook");
        token.Delay = TimeSpan.FromSeconds(60);
        return fakes.GitHub.AddToken(token);
    }

    private static List<string> Lines(string text) => [.. Regex.Split(text, "\r?\n")];
}
