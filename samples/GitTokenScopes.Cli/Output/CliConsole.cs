// Licensed under the MIT License. See LICENSE in the repository root.

using Spectre.Console;

namespace GitTokenScopes.Cli.Output;

/// <summary>Creates the Spectre.Console consoles that tables are rendered through.</summary>
internal static class CliConsole
{
    /// <summary>The width used when the output is not a terminal: wide enough for the catalogue's longest labels.</summary>
    public const int NonTerminalWidth = 160;

    /// <summary>Creates a console that writes to <paramref name="writer"/>.</summary>
    /// <remarks>
    /// Spectre.Console detects ANSI support from the environment (TERM, …), not from the writer, so a redirected or
    /// captured writer would receive escape codes, and its width would be whatever the attached terminal (if any)
    /// reports. Only the process's own, unredirected standard output is treated as a terminal.
    /// </remarks>
    public static IAnsiConsole Create(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var isTerminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!isTerminal)
        {
            console.Profile.Width = NonTerminalWidth;
        }

        return console;
    }
}
