// Licensed under the MIT License. See LICENSE in the repository root.

using System.Globalization;
using Spectre.Console;

namespace GitTokenScopes.Cli.Output;

/// <summary>
/// Prints a validation report for people: the verdict and what was checked, then each requirement clause (held,
/// missing or unknown, and why it is needed), the repositories, the warnings and the fix.
/// </summary>
internal static class ReportView
{
    /// <summary>Renders one report.</summary>
    /// <param name="console">Where to write.</param>
    /// <param name="report">The report.</param>
    public static void Write(IAnsiConsole console, TokenValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);

        CliConsole.Line(console, $"{Verdict(report.Verdict)}  {Markup.Escape(Subject(report))}");
        if (report.Status is { } status && status != InspectionStatus.Ok)
        {
            CliConsole.Line(console, $"  [bold]Status:[/] {Markup.Escape(status.ToWireName())}");
        }

        if (report.Message is { Length: > 0 } message)
        {
            CliConsole.Line(console, $"  {Markup.Escape(message)}");
        }

        if (report.MissingScopes.Count > 0)
        {
            CliConsole.Line(console, $"  [bold]Missing:[/] [red]{Markup.Escape(string.Join(", ", report.MissingScopes))}[/]");
        }

        if (report.Findings.Count > 0)
        {
            console.Write(Findings(console, report));
        }

        foreach (var repository in report.Repositories)
        {
            var state = repository.State == RepositoryAccessState.Granted ? "[green]granted[/]" : $"[red]{Markup.Escape(repository.State.ToWireName())}[/]";
            var detail = repository.Message is null ? string.Empty : $" — {Markup.Escape(repository.Message)}";
            CliConsole.Line(console, $"  [bold]Repository[/] {Markup.Escape(repository.Repository)} (needs {Markup.Escape(repository.Needed.ToWireName())}): {state}{detail}");
        }

        foreach (var warning in report.Warnings)
        {
            var colour = warning.Severity == WarningSeverity.Warning ? "yellow" : "blue";
            CliConsole.Line(console, $"  [{colour}]{Markup.Escape(warning.Code.ToWireName())}[/]: {Markup.Escape(warning.Message)}");
        }

        if (report.Remediation is { } fix)
        {
            CliConsole.Line(console, "  [bold]How to fix it:[/]");
            var link = fix.CreateTokenUrl?.AbsoluteUri;
            foreach (var step in fix.Steps)
            {
                // The link is printed once, below, on a line of its own.
                var text = link is null ? step : step.Replace(" at " + link, " from the link below", StringComparison.Ordinal).Replace(link, "the link below", StringComparison.Ordinal);
                CliConsole.Line(console, $"    • {Markup.Escape(text)}");
            }

            if (link is not null)
            {
                CliConsole.Line(console, "    Create the token:");
                CliConsole.WriteUnwrapped(console, link);
            }
        }

        console.WriteLine();
    }

    /// <summary>The verdict as a coloured, fixed-width badge.</summary>
    public static string Verdict(ValidationVerdict verdict)
    {
        var (colour, text) = verdict switch
        {
            ValidationVerdict.Pass => ("green", "PASS"),
            ValidationVerdict.Fail => ("red", "FAIL"),
            ValidationVerdict.Indeterminate => ("yellow", "INDETERMINATE"),
            _ => ("blue", "SKIPPED"),
        };
        return $"[bold {colour}]{text}[/]";
    }

    /// <summary>What was checked: provider, kind, token type, runtime and the token's fingerprint (never the token).</summary>
    public static string Subject(TokenValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var parts = new List<string> { $"{report.Provider.ToWireName()} {report.TokenKind.ToWireName()} token" };
        if (report.TokenType != TokenType.Unknown)
        {
            parts.Add(report.TokenType.ToWireName());
        }

        if (report.Runtime is not null)
        {
            parts.Add($"runtime {report.Runtime}");
        }

        if (report.Account?.Login is { } login)
        {
            parts.Add($"account {login}");
        }

        if (report.ExpiresAt is { } expires)
        {
            parts.Add($"expires {expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        }

        parts.Add(report.TokenFingerprint);
        return string.Join(" · ", parts);
    }

    // Five vertical borders and one space of padding on each side of four columns.
    private const int FindingsChromeWidth = 13;

    /// <summary>
    /// The clause table. Every width is set: the scopes column as wide as the longest scope (within bounds), so that a
    /// scope name is never broken mid-word at 80 columns; the long purposes are what wraps.
    /// </summary>
    private static Table Findings(IAnsiConsole console, TokenValidationReport report)
    {
        var states = report.Findings.Select(State).ToArray();
        var available = Math.Max(console.Profile.Width - FindingsChromeWidth, 60);
        var scopesWidth = Math.Clamp(report.Findings.SelectMany(f => f.Scopes).Max(s => s.Length), available * 20 / 100, available * 45 / 100);
        var stateWidth = Math.Clamp(states.Max(s => s.Plain.Length), "missing".Length, available * 25 / 100);
        var clauseWidth = (available - scopesWidth - stateWidth) * 40 / 100;
        var table = new Table()
            .Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Clause") { Width = clauseWidth })
            .AddColumn(new TableColumn("State") { Width = stateWidth })
            .AddColumn(new TableColumn("Any of") { Width = scopesWidth })
            .AddColumn(new TableColumn("Why it is needed") { Width = available - clauseWidth - stateWidth - scopesWidth });
        for (var i = 0; i < report.Findings.Count; i++)
        {
            var finding = report.Findings[i];
            table.AddRow(
                new Markup(Markup.Escape(finding.Label)),
                new Markup(states[i].Markup),
                new Markup(Markup.Escape(string.Join(" | ", finding.Scopes))),
                new Markup(Markup.Escape(finding.Purpose)));
        }

        return table;
    }

    /// <summary>A clause's state; a clause held through a broader scope says which ("held (via api)").</summary>
    private static (string Markup, string Plain) State(ClauseFinding finding)
    {
        var via = finding.SatisfiedBy is { } by && !finding.Scopes.Contains(by, StringComparer.Ordinal) ? $" (via {by})" : string.Empty;
        return finding.State switch
        {
            ClauseState.Satisfied => ($"[green]held[/]{(via.Length == 0 ? string.Empty : $"[dim]{Markup.Escape(via)}[/]")}", "held" + via),
            ClauseState.Missing => ("[red]missing[/]", "missing"),
            ClauseState.Unknown => ("[yellow]unknown[/]", "unknown"),
            _ => ("[dim]skipped[/]", "skipped"),
        };
    }
}
