// Licensed under the MIT License. See LICENSE in the repository root.

using Spectre.Console;

namespace GitTokenScopes.Cli.Tests.Support;

/// <summary>What a view prints on a console of a given width, without colours or ANSI sequences.</summary>
internal static class PlainConsole
{
    public static string Render(int width, Action<IAnsiConsole> write)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = width;
        write(console);
        return writer.ToString();
    }
}
