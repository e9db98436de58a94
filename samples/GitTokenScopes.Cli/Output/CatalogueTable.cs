// Licensed under the MIT License. See LICENSE in the repository root.

using Spectre.Console;

namespace GitTokenScopes.Cli.Output;

/// <summary>
/// Prints requirements as one table for a terminal: a heading row per requirement (provider, kind, token type,
/// edition), then one row per clause (label, the scopes that satisfy it, why it is needed).
/// </summary>
internal static class CatalogueTable
{
    // Four vertical borders and one space of padding on each side of three columns.
    private const int ChromeWidth = 10;

    // Below this the columns would be too narrow to read; the table then overflows instead.
    private const int MinimumAvailableWidth = 60;

    /// <summary>Renders the table, then the edition and the document it reproduces.</summary>
    public static void Write(IAnsiConsole console, ScopeEdition edition, IReadOnlyList<ScopeRequirement> requirements)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(requirements);

        // Labels and scopes get fixed shares so the long purposes, not the short labels, are the ones that wrap.
        var available = Math.Max(console.Profile.Width - ChromeWidth, MinimumAvailableWidth);
        var table = new Table()
            .Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Clause") { Width = available * 32 / 100 })
            .AddColumn(new TableColumn("Any of (one suffices)") { Width = available * 22 / 100 })
            .AddColumn("Purpose");

        for (var i = 0; i < requirements.Count; i++)
        {
            // A blank row between groups reads better than a rule under every clause.
            if (i > 0)
            {
                table.AddEmptyRow();
            }

            AddRequirement(table, requirements[i]);
        }

        console.Write(table);
        WriteEdition(console, edition);
    }

    private static void AddRequirement(Table table, ScopeRequirement requirement)
    {
        var key = requirement.Key;
        table.AddRow(
            new Markup($"[bold]{Markup.Escape(key.Provider.ToWireName())} · {Markup.Escape(key.Kind.ToWireName())} · {Markup.Escape(key.Family.ToWireName())}[/]"),
            new Markup($"[dim]edition {Markup.Escape(requirement.Edition)}[/]"),
            requirement.Notes is null ? Text.Empty : new Markup($"[dim italic]Note: {Markup.Escape(requirement.Notes)}[/]"));

        foreach (var clause in requirement.Clauses)
        {
            table.AddRow(
                new Markup($"  {Markup.Escape(clause.Label)}"),
                new Markup($"[green]{Markup.Escape(string.Join(" | ", clause.AnyOf))}[/]"),
                new Markup(Markup.Escape(clause.Purpose)));
        }
    }

    /// <summary>Says which edition was shown and where its requirements come from.</summary>
    private static void WriteEdition(IAnsiConsole console, ScopeEdition edition)
    {
        console.MarkupLine($"[bold]Edition:[/] {Markup.Escape(edition.Name)} [dim]— {Markup.Escape(edition.Description)}[/]");

        // Every requirement of a built-in edition reproduces the same document.
        if (edition.Requirements.Count > 0)
        {
            var source = edition.Requirements[0].Source;
            var url = source.Url is null ? string.Empty : $" {Markup.Escape(source.Url.ToString())}";
            console.MarkupLine($"[bold]Source:[/] {Markup.Escape(source.ToString())}{url}");
        }
    }
}
