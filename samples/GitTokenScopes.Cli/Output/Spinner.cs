// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Cli.Output;

/// <summary>
/// A spinner on standard error while a command waits on a provider, as <c>gh</c> shows one: only when standard error is
/// a terminal (never a pipe, a file or a test's writer), first drawn after a short pause so that a quick answer shows
/// none, and erased before anything else is printed.
/// </summary>
internal sealed class Spinner : IAsyncDisposable
{
    /// <summary>How long a wait must last before the spinner shows.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(150);

    /// <summary>How often it turns.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    // "\r" back to the start of the line, then ANSI "erase line": a terminal is the only place the spinner is drawn.
    internal const string Erase = "\r\u001b[2K";

    private static readonly string[] Frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

    private readonly TextWriter _error;
    private readonly string _text;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _turning;
    private bool _drawn;

    private Spinner(TextWriter error, string text, TimeProvider time)
    {
        (_error, _text, _time) = (error, text, time);
        _turning = TurnAsync(_stop.Token);
    }

    /// <summary>Starts a spinner with <paramref name="text"/> when standard error is a terminal; otherwise nothing.</summary>
    public static Spinner? Start(CliStreams streams, string text, TimeProvider? time = null)
        => streams.ErrorIsTerminal ? new Spinner(streams.Error, text, time ?? TimeProvider.System) : null;

    /// <summary>Stops the spinner and erases its line.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _turning.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped, as asked.
        }

        if (_drawn)
        {
            _error.Write(Erase);
            _error.Flush();
        }

        _stop.Dispose();
    }

    private async Task TurnAsync(CancellationToken stop)
    {
        await Task.Delay(Pause, _time, stop).ConfigureAwait(false);
        using var timer = new PeriodicTimer(Interval, _time);
        for (var frame = 0; ; frame++)
        {
            _error.Write($"\r{Frames[frame % Frames.Length]} {_text}");
            _error.Flush();
            _drawn = true;
            await timer.WaitForNextTickAsync(stop).ConfigureAwait(false);
        }
    }
}
