// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics;

namespace GitTokenScopes.Cli.Tests.Support;

/// <summary>Runs the built CLI as a real process (<c>dotnet GitTokenScopes.Cli.dll …</c>), as a shell or a script would.</summary>
internal static class CliProcess
{
    /// <summary>Runs the CLI with the given environment additions and standard input; the machine's own token variables are removed.</summary>
    public static Task<CliRun> RunAsync(IReadOnlyDictionary<string, string> environment, string? stdin, params string[] args)
        => RunAsync(environment, stdin, null, args);

    /// <summary>As <see cref="RunAsync(IReadOnlyDictionary{string, string}, string?, string[])"/>; <paramref name="whileRunning"/> runs once the process has started (to signal it, say).</summary>
    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string> environment, string? stdin, Func<Process, Task>? whileRunning, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "GitTokenScopes.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in new[] { "GITHUB_TOKEN", "GITLAB_TOKEN", "BITBUCKET_TOKEN", "BITBUCKET_USERNAME" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        if (whileRunning is not null)
        {
            await whileRunning(process);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliRun(process.ExitCode, await stdout, await stderr);
    }
}
