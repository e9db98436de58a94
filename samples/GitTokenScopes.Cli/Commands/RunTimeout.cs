// Licensed under the MIT License. See LICENSE in the repository root.

using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace GitTokenScopes.Cli.Commands;

/// <summary>
/// <c>--timeout</c>: a bound on a whole run of a command that asks providers. When it elapses the run stops, prints one
/// line on standard error and exits with <see cref="ExitCodes.Indeterminate"/>: no verdict was reached.
/// </summary>
internal static class RunTimeout
{
    /// <summary>The option's name.</summary>
    public const string Name = "--timeout";

    /// <summary>The longest timeout accepted.</summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromHours(24);

    /// <summary>Creates the option: <c>30s</c>, <c>2m</c>, <c>1h</c> or a whole number of seconds; anything else is a usage error.</summary>
    public static Option<TimeSpan?> CreateOption() => new(Name)
    {
        Description = "Give up after this long, with exit code 2 (no verdict): 30s, 2m, 1h or a number of seconds. Default: no bound beyond each request's own.",
        HelpName = "duration",
        CustomParser = Parse,
    };

    /// <summary>Parses a duration, or returns <see langword="null"/> for anything that is not one.</summary>
    public static TimeSpan? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim();
        var (digits, unit) = char.IsAsciiLetter(value[^1]) ? (value[..^1], char.ToLowerInvariant(value[^1])) : (value, 's');
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit) || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return null;
        }

        TimeSpan? duration = unit switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            _ => null,
        };
        return duration <= Maximum ? duration : null;
    }

    /// <summary>Writes a duration the way it is typed: <c>90s</c>, <c>2m</c>, <c>1h</c>.</summary>
    public static string Format(TimeSpan duration)
        => duration.TotalHours is var hours && hours == Math.Floor(hours) ? $"{hours:0}h"
            : duration.TotalMinutes is var minutes && minutes == Math.Floor(minutes) ? $"{minutes:0}m"
            : $"{duration.TotalSeconds:0}s";

    /// <summary>
    /// Runs <paramref name="action"/> with a token that is cancelled when <paramref name="timeout"/> elapses; the run
    /// then ends with one line on standard error and <see cref="ExitCodes.Indeterminate"/>. Cancellation from outside
    /// (Ctrl-C) still throws.
    /// </summary>
    public static async Task<int> RunAsync(CliStreams streams, TimeSpan? timeout, Func<CancellationToken, Task<int>> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(action);
        if (timeout is not { } bound)
        {
            return await action(cancellationToken).ConfigureAwait(false);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(bound);
        try
        {
            return await action(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await streams.Error.WriteLineAsync($"error: {Name} {Format(bound)} elapsed before every provider answered; no verdict (indeterminate).").ConfigureAwait(false);
            return ExitCodes.Indeterminate;
        }
    }

    private static TimeSpan? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
        if (TryParse(text) is { } duration)
        {
            return duration;
        }

        result.AddError($"{Name}: '{text}' is not a duration; use 30s, 2m, 1h or a number of seconds (at most 24h).");
        return null;
    }
}
