// Licensed under the MIT License. See LICENSE in the repository root.

using System.CommandLine;
using GitTokenScopes.Cli.Commands;

namespace GitTokenScopes.Cli;

/// <summary>The CLI: builds the command tree, reports usage errors, runs the chosen command.</summary>
internal static class CliApp
{
    /// <summary>The command as installed (the tool's <c>ToolCommandName</c>): what usage lines and examples call it.</summary>
    public const string CommandName = "git-token-scopes";

    /// <summary>The one line printed on standard error when the run is cancelled (Ctrl-C).</summary>
    public const string CancelledMessage = "Cancelled.";

    /// <summary>Runs the CLI.</summary>
    /// <param name="args">The command-line arguments, without the program name.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where usage errors and diagnostics go.</param>
    /// <param name="cancellationToken">Stops a running command.</param>
    /// <returns>The process exit code (see <see cref="ExitCodes"/>).</returns>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        return RunAsync(args, new CliStreams(stdout, stderr), cancellationToken);
    }

    /// <summary>Runs the CLI with the given streams, standard input and environment.</summary>
    /// <param name="args">The command-line arguments, without the program name.</param>
    /// <param name="streams">Where the CLI reads and writes.</param>
    /// <param name="cancellationToken">Stops a running command (Ctrl-C): the run then ends with <see cref="ExitCodes.Cancelled"/> and one line.</param>
    /// <returns>The process exit code (see <see cref="ExitCodes"/>).</returns>
    public static async Task<int> RunAsync(string[] args, CliStreams streams, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(streams);
        var stderr = streams.Error;
        var root = CreateRootCommand(streams);
        var parseResult = root.Parse(args);

        // System.CommandLine answers parse errors with exit code 1 and a full help page; a script is better served by
        // EX_USAGE and one line it can log. Help and version clear parse errors, so they still run.
        if (parseResult.Errors.Count > 0 && parseResult.Action is not { ClearsParseErrors: true })
        {
            UsageErrors.Write(stderr, parseResult);
            return ExitCodes.Usage;
        }

        // Ctrl-C is the host's to catch (Program.cs cancels the token); System.CommandLine's own handler would end the
        // run with exit code 1, or force 130 after a delay, and its exception handler would print a stack trace.
        var invocation = new InvocationConfiguration
        {
            Output = streams.Out,
            Error = stderr,
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync(CancelledMessage).ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // What System.CommandLine's handler did: the exception on standard error, exit code 1.
            await stderr.WriteLineAsync($"Unhandled exception: {exception}").ConfigureAwait(false);
            return 1;
        }
    }

    /// <summary>Builds the command tree; each command lives in its own file under Commands/.</summary>
    internal static RootCommand CreateRootCommand(CliStreams streams)
    {
        var root = new RootCommand("Shows which scopes a Git token needs for a GitOps runtime, per provider and token type.");
        root.Subcommands.Add(DemoCommand.Create(streams));
        root.Subcommands.Add(CatalogueCommand.Create(streams));
        root.Subcommands.Add(CheckCommand.Create(streams));
        root.Subcommands.Add(AuditCommand.Create(streams));
        root.Subcommands.Add(PreflightCommand.Create(streams));

        // With no command the CLI runs the demo: the README's first step.
        root.SetAction((_, cancellationToken) => DemoCommand.RunAsync(streams, cancellationToken));
        CommandHelp.Add(
            root,
            [
                ("The offline tour (also what runs with no command)", $"{CommandName} demo"),
                ("Does the Runtime token in GITHUB_TOKEN hold what the runtime needs?", $"{CommandName} check --provider github --kind runtime --repository acme/gitops-config"),
                ("Every token a manifest lists, before an upgrade", $"{CommandName} audit --manifest tokens.yaml --timeout 2m"),
            ],
            [ExitCodes.Success, ExitCodes.Fail, ExitCodes.Indeterminate, ExitCodes.Usage, ExitCodes.Cancelled]);
        CommandHelp.Configure(root);
        return root;
    }
}
