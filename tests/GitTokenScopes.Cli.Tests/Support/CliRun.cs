// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json;

namespace GitTokenScopes.Cli.Tests.Support;

/// <summary>The outcome of one in-process run of the CLI, with both streams captured.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Runs the CLI with <paramref name="args"/>, capturing standard output and standard error.</summary>
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, stdout, stderr);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Parses the whole of standard output as one JSON document: anything else on it makes this throw.</summary>
    public JsonDocument ParseStdoutAsJson() => JsonDocument.Parse(Stdout);
}
