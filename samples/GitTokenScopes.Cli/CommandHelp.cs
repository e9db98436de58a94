// Licensed under the MIT License. See LICENSE in the repository root.

using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace GitTokenScopes.Cli;

/// <summary>
/// The help pages' conventions, as <c>gh</c> and <c>dotnet</c> have them: the usage line names the command as
/// installed (<see cref="CliApp.CommandName"/>), whatever executable runs it, and each page ends with "Examples:" and
/// "Exit codes:" sections.
/// </summary>
internal static class CommandHelp
{
    private static readonly ConditionalWeakTable<Command, Sections> Pages = [];

    /// <summary>Records a command's examples and the exit codes it can return.</summary>
    /// <param name="command">The command.</param>
    /// <param name="examples">Each example's one-line description and command line; tokens only ever come from the environment or standard input.</param>
    /// <param name="exitCodes">The codes (from <see cref="ExitCodes"/>) the command can return.</param>
    public static void Add(Command command, IReadOnlyList<(string Description, string CommandLine)> examples, IReadOnlyList<int> exitCodes)
    {
        ArgumentNullException.ThrowIfNull(command);
        Pages.AddOrUpdate(command, new Sections(examples, exitCodes));
    }

    /// <summary>Gives every help page of <paramref name="root"/>'s tree (its help option serves every subcommand) the conventions.</summary>
    public static void Configure(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is HelpAction action)
            {
                help.Action = new ConventionalHelpAction(action, root.Name);
            }
        }
    }

    /// <summary>
    /// The help page <paramref name="page"/> (System.CommandLine's, for <paramref name="command"/>) with the usage lines
    /// naming <see cref="CliApp.CommandName"/> instead of <paramref name="rootName"/> (the executable's name:
    /// <c>GitTokenScopes.Cli</c> under <c>dotnet run</c>, <c>testhost</c> under a test), then "Examples:" and "Exit codes:".
    /// </summary>
    internal static string Rewrite(string page, Command command, string rootName)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(command);
        var lines = page.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var inUsage = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var trimmed = lines[i].TrimStart();
            if (lines[i].Length > 0 && !char.IsWhiteSpace(lines[i][0]))
            {
                inUsage = lines[i] == "Usage:";
            }
            else if (inUsage && (trimmed == rootName || trimmed.StartsWith(rootName + " ", StringComparison.Ordinal)))
            {
                lines[i] = lines[i][..(lines[i].Length - trimmed.Length)] + CliApp.CommandName + trimmed[rootName.Length..];
            }
        }

        if (Pages.TryGetValue(command, out var sections))
        {
            lines.Add(string.Empty);
            lines.Add("Examples:");
            for (var i = 0; i < sections.Examples.Count; i++)
            {
                if (i > 0)
                {
                    lines.Add(string.Empty);
                }

                lines.Add($"  # {sections.Examples[i].Description}");
                lines.Add($"  {sections.Examples[i].CommandLine}");
            }

            lines.Add(string.Empty);
            lines.Add("Exit codes:");
            lines.AddRange(sections.ExitCodes.Select(code => $"  {code,-5}{ExitCodes.Describe(code)}"));
        }

        return string.Join(Environment.NewLine, lines) + Environment.NewLine + Environment.NewLine;
    }

    /// <summary>Renders System.CommandLine's help page into a buffer, then writes it rewritten (<see cref="Rewrite"/>).</summary>
    private sealed class ConventionalHelpAction(HelpAction inner, string rootName) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            ArgumentNullException.ThrowIfNull(parseResult);
            var configuration = parseResult.InvocationConfiguration;
            var output = configuration.Output;
            using var buffer = new StringWriter();
            configuration.Output = buffer;
            try
            {
                inner.Invoke(parseResult);
            }
            finally
            {
                configuration.Output = output;
            }

            output.Write(Rewrite(buffer.ToString(), parseResult.CommandResult.Command, rootName));
            return ExitCodes.Success;
        }
    }

    private sealed record Sections(IReadOnlyList<(string Description, string CommandLine)> Examples, IReadOnlyList<int> ExitCodes);
}
