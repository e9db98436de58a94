// Licensed under the MIT License. See LICENSE in the repository root.

using System.CommandLine;
using System.Globalization;
using GitTokenScopes.ArgoCd;
using GitTokenScopes.Cli.Commands;
using GitTokenScopes.Cli.Output;
using GitTokenScopes.Cli.Validation;
using Spectre.Console;

namespace GitTokenScopes.Cli.ArgoCd;

/// <summary>
/// <c>audit --argocd-secrets FILE</c> and <c>audit --kubeconfig PATH --namespace NS</c>: which credential Argo CD
/// uses for each repository, every distinct token validated once, the findings. The exit code is the worst token's,
/// as for a manifest; a cluster that cannot be asked gives 2.
/// </summary>
internal static class ArgoCdAuditRun
{
    /// <summary>Runs the audit.</summary>
    public static async Task<int> RunAsync(CliStreams streams, ParseResult parseResult, ArgoCdOptions options, string? edition, OutputFormat format, CancellationToken cancellationToken)
    {
        var auditOptions = options.ToAuditOptions(parseResult);
        IReadOnlyList<ArgoCdSecret> secrets;
        try
        {
            secrets = await ReadSecretsAsync(streams, parseResult, options, cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterException exception)
        {
            await streams.Error.WriteLineAsync($"error: {exception.Message}").ConfigureAwait(false);
            return ExitCodes.Indeterminate;
        }

        await using var host = ValidatorHost.Create(edition);
        var result = await new ArgoCdAudit(host.Validator).AuditAsync(secrets, auditOptions, cancellationToken).ConfigureAwait(false);
        var reports = result.Reports.ToArray();
        if (format == OutputFormat.Json)
        {
            foreach (var report in reports)
            {
                await streams.Out.WriteLineAsync(RelaxedJson.Report(report)).ConfigureAwait(false);
            }

            // Standard output holds only reports; the findings and the summary go where people look.
            foreach (var finding in result.Findings)
            {
                await streams.Error.WriteLineAsync(FindingLine(finding)).ConfigureAwait(false);
            }

            await streams.Error.WriteLineAsync(Summary(result, reports)).ConfigureAwait(false);
        }
        else
        {
            Write(CliConsole.Create(streams.Out), result);
            await streams.Out.WriteLineAsync(Summary(result, reports)).ConfigureAwait(false);
        }

        return ExitCodes.ForWorst(result.Tokens.Select(t => t.Verdict));
    }

    private static async Task<IReadOnlyList<ArgoCdSecret>> ReadSecretsAsync(CliStreams streams, ParseResult parseResult, ArgoCdOptions options, CancellationToken cancellationToken)
    {
        var file = parseResult.GetValue(options.SecretsFile);
        var ns = parseResult.GetValue(options.Namespace);
        var kubeconfig = parseResult.GetValue(options.Kubeconfig);
        var context = parseResult.GetValue(options.Context);
        if (file is null)
        {
            var path = ClusterSecrets.KubeconfigPath(kubeconfig, streams.Environment);
            return await ClusterSecrets.ListAsync(path, context, ns ?? ClusterSecrets.DefaultNamespace, cancellationToken).ConfigureAwait(false);
        }

        if (kubeconfig is not null || ns is not null || context is not null)
        {
            throw new UsageException("--argocd-secrets reads a file; --kubeconfig, --context and --namespace read a cluster: give one or the other.");
        }

        string text;
        try
        {
            text = file == "-" ? await streams.In.ReadToEndAsync(cancellationToken).ConfigureAwait(false) : await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"--argocd-secrets: cannot read '{file}': {exception.Message}", exception);
        }

        try
        {
            return ArgoCdSecretReader.Read(text);
        }
        catch (FormatException exception)
        {
            // The reader's messages name documents, secrets and keys, never a value.
            throw new UsageException($"--argocd-secrets: '{file}': {exception.Message}", exception);
        }
    }

    private static void Write(IAnsiConsole console, ArgoCdAuditResult result)
    {
        var table = new Table()
            .Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Repository").NoWrap())
            .AddColumn(new TableColumn("Credential").NoWrap())
            .AddColumn("Verdict")
            .AddColumn("Expires")
            .AddColumn("What is wrong");
        foreach (var row in result.Rows)
        {
            var assignment = row.Assignment;
            table.AddRow(
                new Markup(Markup.Escape(Repository(assignment))),
                new Markup(Markup.Escape(Credential(assignment.Credential))),
                new Markup(row.Verdict is { } verdict ? ReportView.Verdict(verdict) : Markup.Escape(NotValidated(row))),
                new Markup(Markup.Escape(row.ExpiresAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty)),
                new Markup(Markup.Escape(Problem(row))));
        }

        console.Write(table);
        if (result.Findings.Count > 0)
        {
            CliConsole.Line(console, "[bold]Findings[/]");
            foreach (var finding in result.Findings)
            {
                CliConsole.Line(console, Markup.Escape("  " + FindingLine(finding)));
            }
        }

        foreach (var token in result.Tokens.Where(t => t.Verdict is ValidationVerdict.Fail or ValidationVerdict.Indeterminate))
        {
            foreach (var report in token.Reports.Where(r => r.Verdict is ValidationVerdict.Fail or ValidationVerdict.Indeterminate))
            {
                console.Write(new Rule($"[bold]{Markup.Escape(string.Join(", ", token.SecretNames))}[/]").LeftJustified());
                ReportView.Write(console, report);
            }
        }
    }

    // The URL, then what sets the row apart: another project's secret, Argo CD's write access, a template serving nothing listed.
    private static string Repository(ArgoCdRepositoryAssignment assignment)
    {
        var notes = new List<string>();
        if (assignment.Project is { } project)
        {
            notes.Add($"project {project}");
        }

        if (assignment.IsWrite)
        {
            notes.Add("write");
        }

        if (assignment.IsTemplateOnly)
        {
            notes.Add("template only");
        }

        return notes.Count == 0 ? assignment.Url : $"{assignment.Url} ({string.Join(", ", notes)})";
    }

    // The secret's name, never its value: the name and the token's fingerprint, or the kind of what it holds.
    private static string Credential(ArgoCdCredential credential) => credential.Kind switch
    {
        ArgoCdCredentialKind.None => "none (anonymous)",
        ArgoCdCredentialKind.Password => $"{credential.SecretName} ({credential.Fingerprint})",
        ArgoCdCredentialKind.BearerToken => $"{credential.SecretName} (bearer {credential.Fingerprint})",
        _ => $"{credential.SecretName} ({ArgoCdNames.Of(credential.Kind)})",
    };

    private static string NotValidated(ArgoCdAuditRow row)
    {
        var credential = row.Assignment.Credential;
        if (credential.Kind == ArgoCdCredentialKind.None)
        {
            return "-";
        }

        return credential.IsCheckable ? "not validated" : "not checkable";
    }

    private static string Problem(ArgoCdAuditRow row)
    {
        if (row.Token is null)
        {
            return row.Assignment.Credential.IsCheckable && row.Assignment.Server is null ? "unknown provider: --git-host" : string.Empty;
        }

        if (row.Token.Problem is { } problem)
        {
            return problem;
        }

        var problems = new List<string>();
        if (row.Token.Reports.Select(r => r.Status).FirstOrDefault(s => s is not null and not InspectionStatus.Ok) is { } status)
        {
            problems.Add(status.ToWireName());
        }

        if (row.MissingScopes.Count > 0)
        {
            problems.Add($"missing {string.Join(", ", row.MissingScopes)}");
        }

        if (row.RepositoryState is { } state and not RepositoryAccessState.Granted)
        {
            problems.Add($"{row.Assignment.RepositoryName} {state.ToWireName()}");
        }

        return string.Join("; ", problems);
    }

    private static string FindingLine(ArgoCdFinding finding)
        => $"{(finding.Severity == WarningSeverity.Warning ? "warning" : "info")} {finding.CodeName}: {finding.Message}";

    private static string Summary(ArgoCdAuditResult result, IReadOnlyCollection<TokenValidationReport> reports)
    {
        var uncheckable = result.Rows.Select(r => r.Assignment.Credential).Where(c => !c.IsCheckable && c.Kind != ArgoCdCredentialKind.None).Select(c => c.SecretName).Distinct().Count();
        return $"{AuditCommand.Summary(reports)}; {result.Tokens.Count} distinct tokens for {result.Rows.Count} repository rows; " +
            $"credentials the library cannot check: {uncheckable}; warnings: {result.Findings.Count(f => f.Severity == WarningSeverity.Warning)}";
    }
}
