// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Cli.Output;
using GitTokenScopes.Cli.Tests.Support;
using GitTokenScopes.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GitTokenScopes.Cli.Tests;

/// <summary>The spinner <c>check</c> shows on standard error while it waits: on a terminal only, late, and erased.</summary>
public sealed class SpinnerTests(FakeProviders fakes) : IClassFixture<FakeProviders>
{
    [Fact]
    public async Task OnATerminal_ShowsAfterThePause_TurnsEveryInterval_AndErasesItsLine()
    {
        var time = new FakeTimeProvider();
        using var error = new StringWriter();
        var streams = new CliStreams(TextWriter.Null, error) { ErrorIsTerminal = true };

        await using (Spinner.Start(streams, "Asking GitHub about the token…", time))
        {
            time.Advance(Spinner.Pause - TimeSpan.FromMilliseconds(1));
            await Settle();
            error.ToString().Should().BeEmpty("a quick answer shows no spinner");

            time.Advance(TimeSpan.FromMilliseconds(1));
            await Until(() => error.ToString().Contains('⠋', StringComparison.Ordinal));
            time.Advance(Spinner.Interval);
            await Until(() => error.ToString().Contains('⠙', StringComparison.Ordinal));
        }

        error.ToString().Should().Be("\r⠋ Asking GitHub about the token…\r⠙ Asking GitHub about the token…" + Spinner.Erase);
    }

    [Fact]
    public async Task AnAnswerBeforeThePause_LeavesNothingBehind()
    {
        var time = new FakeTimeProvider();
        using var error = new StringWriter();

        await using (Spinner.Start(new CliStreams(TextWriter.Null, error) { ErrorIsTerminal = true }, "Waiting", time))
        {
            await Settle();
        }

        error.ToString().Should().BeEmpty();
    }

    [Fact]
    public void WhenStandardErrorIsNotATerminal_ThereIsNoSpinner()
        => Spinner.Start(new CliStreams(TextWriter.Null, TextWriter.Null) { ErrorIsTerminal = false }, "Waiting").Should().BeNull();

    [Fact]
    public async Task Check_OnATerminal_SpinsWhileTheProviderIsSlow_AndPrintsTheReportOnACleanLine()
    {
        var token = FakeGitHubToken.Classic("repo", "admin:repo_hook");
        token.Delay = TimeSpan.FromMilliseconds(600);
        fakes.GitHub.AddToken(token);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var streams = new CliStreams(stdout, stderr)
        {
            ErrorIsTerminal = true,
            Environment = name => name == "GITHUB_TOKEN" ? token.Value : null,
        };

        var exitCode = await CliApp.RunAsync(["check", "--provider", "github", "--kind", "runtime", "--api-url", fakes.GitHub.ApiUrl.AbsoluteUri], streams, CancellationToken.None);

        exitCode.Should().Be(0, stderr.ToString());
        stderr.ToString().Should().StartWith("\r⠋ Asking GitHub about the token…").And.EndWith(Spinner.Erase).And.NotContain(token.Value);
        stdout.ToString().Should().StartWith("PASS  github runtime token", "the report goes to standard output, untouched by the spinner");
    }

    // Lets the spinner's continuations run after the fake clock moved.
    private static Task Settle() => Task.Delay(100);

    private static async Task Until(Func<bool> condition)
    {
        for (var waited = 0; !condition() && waited < 10_000; waited += 10)
        {
            await Task.Delay(10);
        }
    }
}
