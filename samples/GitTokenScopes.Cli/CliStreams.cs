// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Cli;

/// <summary>
/// Where a command reads and writes: results to <paramref name="Out"/>, diagnostics to <paramref name="Error"/>, a
/// token from <see cref="In"/> or from <see cref="Environment"/>. Commands receive them instead of using
/// <see cref="Console"/> and <see cref="System.Environment"/> so the tests can capture and supply each.
/// </summary>
/// <param name="Out">Standard output: only the command's result (a table, or JSON and nothing else).</param>
/// <param name="Error">Standard error: usage errors and diagnostics.</param>
internal sealed record CliStreams(TextWriter Out, TextWriter Error)
{
    /// <summary>Gets standard input (read only by <c>--token-stdin</c>).</summary>
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>Gets the environment-variable lookup; a token is only ever read through it or from <see cref="In"/>.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Gets a value indicating whether <see cref="Error"/> is the process's own, unredirected terminal (progress bars go there).</summary>
    public bool ErrorIsTerminal { get; init; }
}
