// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Cli.Commands;

/// <summary>
/// Runs a command's action and turns a <see cref="UsageException"/> into one line on standard error and exit code 64;
/// whatever in the message looks like a token (a value given where a name belongs) is redacted.
/// </summary>
internal static class Usage
{
    /// <summary>Runs <paramref name="action"/>; a usage error prints <c>error: …</c> (a line per error) and a hint to the command's help.</summary>
    public static async Task<int> Guard(CliStreams streams, string command, Func<Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (UsageException exception)
        {
            foreach (var error in exception.Errors)
            {
                await streams.Error.WriteLineAsync($"error: {TokenRedaction.Redact(error)}").ConfigureAwait(false);
            }

            await streams.Error.WriteLineAsync($"Try '{command} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
    }
}
