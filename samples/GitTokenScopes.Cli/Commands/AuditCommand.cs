// Licensed under the MIT License. See LICENSE in the repository root.

using System.CommandLine;
using GitTokenScopes.Cli.ArgoCd;
using GitTokenScopes.Cli.Audit;
using GitTokenScopes.Cli.Output;
using GitTokenScopes.Cli.Validation;
using Spectre.Console;

namespace GitTokenScopes.Cli.Commands;

/// <summary>
/// <c>audit</c>: validates every token a manifest lists, several at a time, and prints a summary table (or one report
/// JSON per line). The exit code is the worst verdict's: 1 if any failed, else 2 if any was indeterminate (or
/// <c>--timeout</c> elapsed), else 0; 64 when the manifest is invalid (every invalid entry is reported), 130 when cancelled.
/// </summary>
internal static class AuditCommand
{
    /// <summary>The command's name.</summary>
    public const string Name = "audit";

    /// <summary>The default number of tokens validated at once.</summary>
    public const int DefaultParallelism = 4;

    /// <summary>Creates the command.</summary>
    public static Command Create(CliStreams streams)
    {
        var manifest = new Option<string>("--manifest")
        {
            Description = "A JSON or YAML file with a 'tokens' list: provider, server or apiUrl, kind, runtime(s), repositories and tokenEnv (the variable holding the token).",
        };
        var parallelism = new Option<int>("--parallelism")
        {
            Description = "How many tokens to validate at once.",
            DefaultValueFactory = _ => DefaultParallelism,
        };
        parallelism.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 64)
            {
                result.AddError("--parallelism must be between 1 and 64.");
            }
        });
        var edition = CheckCommand.EditionOption();
        var format = CheckCommand.FormatOption();
        format.Description = "table for people (a summary, then the details of every report that did not pass), json for one report JSON per line.";
        var timeout = RunTimeout.CreateOption();

        var command = new Command(Name, "Validate every token a manifest lists, or every token Argo CD's repository secrets hold; exit code of the worst verdict.");
        command.Options.Add(manifest);
        command.Options.Add(parallelism);
        command.Options.Add(edition);
        command.Options.Add(format);
        command.Options.Add(timeout);
        var argoCd = new ArgoCdOptions();
        argoCd.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => Usage.Guard(streams, Name, () => RunTimeout.RunAsync(streams, parseResult.GetValue(timeout), async bounded =>
        {
            // Exactly one source: a manifest of tokens, or Argo CD's secrets (a file or a cluster).
            if (argoCd.IsUsed(parseResult) == (parseResult.GetResult(manifest) is not null))
            {
                throw new UsageException("give --manifest FILE, or --argocd-secrets FILE, or --kubeconfig/--namespace for a cluster (one of them).");
            }

            if (argoCd.IsUsed(parseResult))
            {
                return await ArgoCdAuditRun.RunAsync(streams, parseResult, argoCd, parseResult.GetValue(edition), OutputFormats.Parse(parseResult.GetValue(format)), bounded).ConfigureAwait(false);
            }

            var jobs = ManifestReader.Read(parseResult.GetRequiredValue(manifest), streams.Environment);
            await using var host = ValidatorHost.Create(parseResult.GetValue(edition));
            var results = await ValidateAsync(streams, host.Validator, jobs, parseResult.GetValue(parallelism), bounded).ConfigureAwait(false);
            var reports = results.SelectMany(r => r).ToArray();
            if (OutputFormats.Parse(parseResult.GetValue(format)) == OutputFormat.Json)
            {
                foreach (var report in reports)
                {
                    await streams.Out.WriteLineAsync(RelaxedJson.Report(report)).ConfigureAwait(false);
                }

                // Standard output holds only reports; the summary goes where people look.
                await streams.Error.WriteLineAsync(Summary(reports)).ConfigureAwait(false);
            }
            else
            {
                WriteTable(CliConsole.Create(streams.Out), jobs, results);
                await streams.Out.WriteLineAsync(Summary(reports)).ConfigureAwait(false);
            }

            return ExitCodes.ForWorst(reports.Select(r => r.Verdict));
        }, cancellationToken)));
        CommandHelp.Add(
            command,
            [
                ("Every token tokens.yaml lists; each entry names the environment variable that holds its token",
                    "git-token-scopes audit --manifest tokens.yaml"),
                ("One report JSON per line for a script, eight tokens at a time, giving up after two minutes",
                    "git-token-scopes audit --manifest tokens.json --format json --parallelism 8 --timeout 2m > reports.jsonl"),
                ("Which credential Argo CD uses for each repository, read-only from the cluster (or --argocd-secrets FILE from kubectl -o yaml)",
                    "git-token-scopes audit --kubeconfig ~/.kube/config --namespace argocd --git-host gitlab.example.com=gitlab"),
            ],
            [ExitCodes.Success, ExitCodes.Fail, ExitCodes.Indeterminate, ExitCodes.Usage, ExitCodes.Cancelled]);
        return command;
    }

    /// <summary>One line counting the verdicts.</summary>
    public static string Summary(IReadOnlyCollection<TokenValidationReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        int Count(ValidationVerdict verdict) => reports.Count(r => r.Verdict == verdict);
        return $"audit: {reports.Count} reports: {Count(ValidationVerdict.Pass)} pass, {Count(ValidationVerdict.Fail)} fail, " +
            $"{Count(ValidationVerdict.Indeterminate)} indeterminate, {Count(ValidationVerdict.Skipped)} skipped";
    }

    private static async Task<IReadOnlyList<TokenValidationReport>[]> ValidateAsync(
        CliStreams streams, ITokenValidator validator, IReadOnlyList<AuditJob> jobs, int parallelism, CancellationToken cancellationToken)
    {
        var results = new IReadOnlyList<TokenValidationReport>[jobs.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        async ValueTask Validate(int index, CancellationToken token)
        {
            var job = jobs[index];
            results[index] = job.Runtimes.Count > 1
                ? await validator.ValidateForRuntimesAsync(job.Request, job.Runtimes, token).ConfigureAwait(false)
                : [await validator.ValidateAsync(job.Request, token).ConfigureAwait(false)];
        }

        // A progress bar only where someone watches: a terminal on standard error, never a pipe, a file or a test.
        if (!streams.ErrorIsTerminal)
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, jobs.Count), options, Validate).ConfigureAwait(false);
            return results;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(streams.Error) });
        await console.Progress().AutoClear(true).StartAsync(async context =>
        {
            var task = context.AddTask("Validating tokens", maxValue: jobs.Count);
            await Parallel.ForEachAsync(Enumerable.Range(0, jobs.Count), options, async (index, token) =>
            {
                await Validate(index, token).ConfigureAwait(false);
                task.Increment(1);
            }).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return results;
    }

    private static void WriteTable(IAnsiConsole console, IReadOnlyList<AuditJob> jobs, IReadOnlyList<TokenValidationReport>[] results)
    {
        var table = new Table()
            .Border(TableBorder.Rounded)
            .AddColumn("Token")
            .AddColumn("Runtime")
            .AddColumn("Verdict")
            .AddColumn("Type")
            .AddColumn("What is wrong");
        for (var i = 0; i < jobs.Count; i++)
        {
            foreach (var report in results[i])
            {
                table.AddRow(
                    new Markup(Markup.Escape(jobs[i].Label)),
                    new Markup(Markup.Escape(report.Runtime ?? "(default)")),
                    new Markup(ReportView.Verdict(report.Verdict)),
                    new Markup(Markup.Escape(report.TokenType.ToWireName())),
                    new Markup(Markup.Escape(Problem(report))));
            }
        }

        console.Write(table);
        for (var i = 0; i < jobs.Count; i++)
        {
            foreach (var report in results[i].Where(r => r.Verdict is ValidationVerdict.Fail or ValidationVerdict.Indeterminate))
            {
                console.Write(new Rule($"[bold]{Markup.Escape(jobs[i].Label)}[/]").LeftJustified());
                ReportView.Write(console, report);
            }
        }
    }

    private static string Problem(TokenValidationReport report)
    {
        if (report.Status is { } status && status != InspectionStatus.Ok)
        {
            return status.ToWireName();
        }

        var problems = new List<string>();
        if (report.MissingScopes.Count > 0)
        {
            problems.Add($"missing {string.Join(", ", report.MissingScopes)}");
        }

        problems.AddRange(report.Repositories.Where(r => r.State != RepositoryAccessState.Granted).Select(r => $"{r.Repository} {r.State.ToWireName()}"));
        problems.AddRange(report.Findings.Where(f => f.State == ClauseState.Unknown).Select(f => $"unknown {f.Label}"));
        return string.Join("; ", problems);
    }
}
