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

        // The scopes column is as wide as the longest scope (within bounds), so that a scope name is never broken
        // mid-word, even at 80 columns; labels get a fixed share of the rest, and the long purposes are what wraps.
        var available = Math.Max(console.Profile.Width - ChromeWidth, MinimumAvailableWidth);
        var longest = requirements.SelectMany(r => r.Clauses.SelectMany(c => c.AnyOf).Append($"edition {r.Edition}")).Select(s => s.Length).DefaultIfEmpty(0).Max();
        var scopesWidth = Math.Clamp(longest, available * 22 / 100, available * 45 / 100);
        var clauseWidth = (available - scopesWidth) * 45 / 100;

        // Every width is set: a column left to Spectre would ask for its longest text, and the table would then
        // shrink every column, the scopes' too.
        var table = new Table()
            .Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Clause") { Width = clauseWidth })
            .AddColumn(new TableColumn("Any of (one suffices)") { Width = scopesWidth })
            .AddColumn(new TableColumn("Purpose") { Width = available - clauseWidth - scopesWidth });

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
