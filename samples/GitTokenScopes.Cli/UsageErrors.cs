// Licensed under the MIT License. See LICENSE in the repository root.

using System.CommandLine;
using System.CommandLine.Parsing;

namespace GitTokenScopes.Cli;

/// <summary>Turns System.CommandLine's parse errors into short, single-line messages on standard error.</summary>
internal static class UsageErrors
{
    /// <summary>What stands in for an argument that looks like a token.</summary>
    public const string Redacted = TokenRedaction.Redacted;

    /// <summary>Writes one line per distinct parse error, then a hint to the relevant help page.</summary>
    public static void Write(TextWriter stderr, ParseResult parseResult)
    {
        // Parse errors quote the offending argument; a token typed on the command line must not be echoed to logs.
        var secrets = Secrets(parseResult).ToArray();
        foreach (var message in parseResult.Errors.Select(Describe).Distinct(StringComparer.Ordinal))
        {
            var safe = TokenRedaction.Redact(secrets.Aggregate(message, (text, secret) => text.Replace(secret, Redacted, StringComparison.Ordinal)));
            stderr.WriteLine($"error: {safe}");
        }

        if (secrets.Length > 0)
        {
            stderr.WriteLine("error: a token is never taken as an argument (it would stay in shell history); use --token-env NAME or --token-stdin.");
        }

        stderr.WriteLine($"Try '{HelpCommandLine(parseResult.CommandResult)}' for usage.");
    }

    /// <summary>
    /// Describes an error on one line, naming the option it concerns. Some messages (AcceptOnlyFromAmong's list of
    /// allowed values) span several lines, which reads badly in a log.
    /// </summary>
    private static string Describe(ParseError error)
    {
        var lines = error.Message
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToArray();
        var message = lines.Length switch
        {
            0 => "invalid command line.",
            1 => lines[0],
            _ => $"{lines[0]} {string.Join(", ", lines.Skip(1))}.",
        };

        // Name the option unless the message already does.
        return FindOption(error.SymbolResult) is { } option && !message.Contains(option.Name, StringComparison.Ordinal)
            ? $"{option.Name}: {message}"
            : message;
    }

    /// <summary>Arguments that look like tokens (<see cref="TokenRedaction"/>), or whatever follows a <c>--token</c>-like word.</summary>
    private static IEnumerable<string> Secrets(ParseResult parseResult)
    {
        var tokens = parseResult.Tokens.Select(t => t.Value).ToArray();
        for (var i = 0; i < tokens.Length; i++)
        {
            var value = tokens[i];
            if (TokenRedaction.LooksLikeToken(value))
            {
                yield return value;
            }
            else if (value.StartsWith("--token=", StringComparison.Ordinal) || value.StartsWith("--password=", StringComparison.Ordinal))
            {
                yield return value[(value.IndexOf('=', StringComparison.Ordinal) + 1)..];
            }
            else if (value is "--token" or "--password" && i + 1 < tokens.Length)
            {
                yield return tokens[i + 1];
            }
        }
    }

    private static Option? FindOption(SymbolResult? result)
    {
        for (var current = result; current is not null; current = current.Parent)
        {
            if (current is OptionResult optionResult)
            {
                return optionResult.Option;
            }
        }

        return null;
    }

    /// <summary>The command line that shows help for the command that failed, without the executable's name.</summary>
    private static string HelpCommandLine(CommandResult commandResult)
    {
        // Walk up to (but not including) the root command, whose name is the executable's and varies by host.
        var names = new List<string> { "--help" };
        for (SymbolResult? current = commandResult; current is CommandResult { Parent: not null } command; current = command.Parent)
        {
            names.Insert(0, command.Command.Name);
        }

        return string.Join(' ', names);
    }
}
