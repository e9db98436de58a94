// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Cli;

/// <summary>
/// Where a command writes: results to <paramref name="Out"/>, diagnostics to <paramref name="Error"/>.
/// Commands receive them instead of using <see cref="Console"/> so the tests can capture both.
/// </summary>
/// <param name="Out">Standard output: only the command's result (a table, or JSON and nothing else).</param>
/// <param name="Error">Standard error: usage errors and diagnostics.</param>
internal sealed record CliStreams(TextWriter Out, TextWriter Error);
