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

    /// <summary>
    /// Writes one line of markup. Plain output (redirected, captured, no ANSI) gets the text as it is, never hard-wrapped,
    /// so that a line read by a program or pasted from a log is whole; a terminal gets colours and its own width.
    /// </summary>
    public static void Line(IAnsiConsole console, string markup)
    {
        if (console.Profile.Capabilities.Ansi)
        {
            console.MarkupLine(markup);
        }
        else
        {
            console.Profile.Out.Writer.WriteLine(Markup.Remove(markup));
        }
    }

    /// <summary>Writes <paramref name="text"/> (a link) indented on a line of its own, whole: a terminal wraps it softly and can still open it.</summary>
    public static void WriteUnwrapped(IAnsiConsole console, string text) => console.Profile.Out.Writer.WriteLine("    " + text);
}
