// Licensed under the MIT License. See LICENSE in the repository root.

using System.CommandLine;
using System.Diagnostics;
using GitTokenScopes.Cli.Demo;
using GitTokenScopes.Cli.Output;
using GitTokenScopes.Cli.Validation;
using Spectre.Console;

namespace GitTokenScopes.Cli.Commands;

/// <summary>
/// <c>demo</c>: the README's first command, and what runs when no command is given. It starts fake GitHub, GitLab and
/// Bitbucket Cloud servers in-process on 127.0.0.1, validates realistic tokens through the real library and prints
/// the reports. Offline, a few seconds, exit code 0 whatever the verdicts (they are the point of the demo).
/// </summary>
internal static class DemoCommand
{
    /// <summary>The command's name.</summary>
    public const string Name = "demo";

    /// <summary>Creates the command.</summary>
    public static Command Create(CliStreams streams)
    {
        var command = new Command(Name, "Validate a handful of realistic tokens against fake providers on 127.0.0.1 and show the reports. Offline.");
        command.SetAction((_, cancellationToken) => RunAsync(streams, cancellationToken));
        CommandHelp.Add(
            command,
            [
                ("The offline tour: fake providers on 127.0.0.1, the real validator", "git-token-scopes demo"),
                ("The same: with no command, the tool runs the demo", "git-token-scopes"),
            ],
            [ExitCodes.Success, ExitCodes.Usage, ExitCodes.Cancelled]);
        return command;
    }

    /// <summary>Starts the fake providers, runs every scenario and prints its report, then a one-line summary.</summary>
    public static async Task<int> RunAsync(CliStreams streams, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        using var providers = DemoProviders.Start();
        return await RunAsync(streams, providers, elapsed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the scenarios of fake providers already started (the tests keep them, to know the tokens).</summary>
    public static async Task<int> RunAsync(CliStreams streams, DemoProviders providers, Stopwatch elapsed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(providers);
        ArgumentNullException.ThrowIfNull(elapsed);
        var console = CliConsole.Create(streams.Out);
        console.MarkupLine("[bold]GitTokenScopes demo[/]: fake GitHub, GitLab and Bitbucket Cloud servers on 127.0.0.1, the real validator.");
        console.MarkupLine("Each token is checked against the seed catalogue (what a GitOps runtime needs); tokens are shown only as fingerprints.");
        console.WriteLine();

        // The demo shows each provider's first answer; retries would only add waiting to the rate-limited scenario.
        await using var host = ValidatorHost.Create(configure: o => o.Resilience.MaxRetryAttempts = 0);
        var verdicts = new List<ValidationVerdict>();
        foreach (var scenario in providers.Scenarios)
        {
            var report = await host.Validator.ValidateAsync(scenario.Request, cancellationToken).ConfigureAwait(false);
            verdicts.Add(report.Verdict);
            console.Write(new Rule($"[bold]{Markup.Escape(scenario.Title)}[/]").LeftJustified());
            console.MarkupLine($"[dim italic]{Markup.Escape(scenario.Story)}[/]");
            ReportView.Write(console, report);
        }

        console.MarkupLine(
            $"[bold]{verdicts.Count} tokens[/] in {elapsed.Elapsed.TotalSeconds:0.0} s: " +
            $"{verdicts.Count(v => v == ValidationVerdict.Pass)} pass, {verdicts.Count(v => v == ValidationVerdict.Fail)} fail, " +
            $"{verdicts.Count(v => v == ValidationVerdict.Indeterminate)} indeterminate. " +
            "Next: `check` validates your own token (from an environment variable or standard input).");
        return ExitCodes.Success;
    }
}
