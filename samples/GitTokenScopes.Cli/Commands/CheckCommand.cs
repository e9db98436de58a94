// Licensed under the MIT License. See LICENSE in the repository root.

using System.CommandLine;
using GitTokenScopes.Cli.Output;
using GitTokenScopes.Cli.Validation;

namespace GitTokenScopes.Cli.Commands;

/// <summary>
/// <c>check</c>: validates one token and prints its report (a table, or the validator's JSON, relaxed-escaped). Exit code 0 for
/// pass or skipped, 1 for fail, 2 for indeterminate (or <c>--timeout</c> elapsed), 64 for a usage error, 130 when cancelled.
/// </summary>
internal static class CheckCommand
{
    /// <summary>The command's name.</summary>
    public const string Name = "check";

    /// <summary>Creates the command.</summary>
    public static Command Create(CliStreams streams)
    {
        var credential = new CredentialOptions();
        var kind = new Option<string>("--kind")
        {
            Description = "runtime (the Git Runtime token) or user (a Git user token).",
            Required = true,
        };
        kind.AcceptOnlyFromAmong([.. WireNames.TokenKindNames]);
        var repositories = new Option<string[]>("--repository")
        {
            Description = "A repository to check, NAME (read and write) or NAME:read. Repeat for several.",
            DefaultValueFactory = _ => [],
        };
        var runtime = new Option<string?>("--runtime") { Description = "The runtime whose requirements (and overrides) apply." };
        var edition = EditionOption();
        var skipValidation = new Option<bool>("--skip-validation") { Description = "Skip validation, as installer.skipValidation does (verdict skipped)." };
        var skipPermissions = new Option<bool>("--skip-permission-validation")
        {
            Description = "Skip the scope checks, as app-proxy.config.skipGitPermissionValidation does; validity and repositories are still checked.",
        };
        var format = FormatOption();
        var timeout = RunTimeout.CreateOption();

        var command = new Command(Name, "Validate one token: does it hold what a GitOps runtime needs? The token comes from an environment variable or standard input.");
        credential.AddTo(command);
        command.Options.Add(kind);
        command.Options.Add(repositories);
        command.Options.Add(runtime);
        command.Options.Add(edition);
        command.Options.Add(skipValidation);
        command.Options.Add(skipPermissions);
        command.Options.Add(format);
        command.Options.Add(timeout);
        command.SetAction((parseResult, cancellationToken) => Usage.Guard(streams, Name, () => RunTimeout.RunAsync(streams, parseResult.GetValue(timeout), async bounded =>
        {
            var provider = credential.GetProvider(parseResult)!.Value;
            WireNames.TryParse(parseResult.GetValue(kind), out TokenKind tokenKind);
            var request = new TokenValidationRequest(
                credential.Resolve(parseResult, streams, provider),
                tokenKind,
                parseResult.GetValue(runtime),
                [.. parseResult.GetRequiredValue(repositories).Select(r => RepositorySpec.Parse(r, "--repository"))])
            {
                // Only a flag that was given overrides the configured policy.
                SkipValidation = parseResult.GetValue(skipValidation) ? true : null,
                SkipGitPermissionValidation = parseResult.GetValue(skipPermissions) ? true : null,
            };

            await using var host = ValidatorHost.Create(parseResult.GetValue(edition));
            TokenValidationReport report;
            await using (Spinner.Start(streams, $"Asking {provider} about the token…"))
            {
                report = await host.Validator.ValidateAsync(request, bounded).ConfigureAwait(false);
            }

            Print(streams, report, OutputFormats.Parse(parseResult.GetValue(format)));
            return ExitCodes.For(report.Verdict);
        }, cancellationToken)));
        CommandHelp.Add(
            command,
            [
                ("The Runtime token in GITHUB_TOKEN, which must also write the configuration repository",
                    "git-token-scopes check --provider github --kind runtime --repository acme/gitops-config"),
                ("A GitLab user token from a named variable, on a self-managed instance, as JSON for a script",
                    "git-token-scopes check --provider gitlab --server https://gitlab.example.com --kind user --token-env CI_GIT_TOKEN --format json"),
                ("The token the GitHub CLI holds, from standard input, giving up after 30 seconds",
                    "gh auth token | git-token-scopes check --provider github --kind user --token-stdin --timeout 30s"),
            ],
            [ExitCodes.Success, ExitCodes.Fail, ExitCodes.Indeterminate, ExitCodes.Usage, ExitCodes.Cancelled]);
        return command;
    }

    /// <summary>
    /// Prints a report: for JSON, <see cref="TokenValidationReport.ToJson"/> with the CLI's relaxed escaping
    /// (<see cref="RelaxedJson"/>: the same document, <c>&amp;</c> and <c>'</c> unescaped); the report view otherwise.
    /// </summary>
    public static void Print(CliStreams streams, TokenValidationReport report, OutputFormat format)
    {
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(report);
        if (format == OutputFormat.Json)
        {
            streams.Out.WriteLine(RelaxedJson.Report(report));
        }
        else
        {
            ReportView.Write(CliConsole.Create(streams.Out), report);
        }
    }

    /// <summary>The <c>--edition</c> option shared by the validating commands.</summary>
    public static Option<string> EditionOption()
    {
        var edition = new Option<string>("--edition")
        {
            Description = "The catalogue edition whose requirements apply.",
            DefaultValueFactory = _ => ScopeEditions.Default.Name,
        };
        edition.AcceptOnlyFromAmong([.. ScopeEditions.All.Select(e => e.Name)]);
        return edition;
    }

    /// <summary>The <c>--format</c> option shared by the validating commands.</summary>
    public static Option<string> FormatOption()
    {
        var format = new Option<string>("--format")
        {
            Description = "table for people, json for scripts (standard output then holds only the validator's report JSON).",
            DefaultValueFactory = _ => OutputFormats.Table,
        };
        format.AcceptOnlyFromAmong([.. OutputFormats.Names]);
        return format;
    }
}
