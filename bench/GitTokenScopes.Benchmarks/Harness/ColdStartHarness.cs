// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics;
using System.Runtime.InteropServices;
using GitTokenScopes.Testing;

namespace GitTokenScopes.Benchmarks.Harness;

/// <summary>
/// Cold start of the command-line tool: <c>git-token-scopes check</c> of a GitHub classic Runtime token against a fake
/// GitHub on 127.0.0.1 (<c>GET /user</c> and the named repository), a new process per run, wall time from start to
/// exit. The JIT tool (<c>dotnet GitTokenScopes.Cli.dll</c>, what the tool's shim starts) and the Native AOT executable
/// take turns, so that a busy moment on the machine falls on both. On Linux it also reports each run's CPU time (user
/// and system, from <c>getrusage(RUSAGE_CHILDREN)</c>), which a machine shared with other work inflates far less than
/// wall time. Not part of <c>quick</c> or <c>all</c>: it needs both builds, which <c>bench/cold-start.sh</c> makes.
/// </summary>
internal static class ColdStartHarness
{
    private const int RusageChildren = -1;

    private const string Repository = "acme/gitops-config";

    public static async Task<int> RunAsync(HarnessArguments args)
    {
        var jit = args.Text("jit") ?? throw new ArgumentException("coldstart needs --jit <path to GitTokenScopes.Cli.dll>.");
        var aot = args.Text("aot") ?? throw new ArgumentException("coldstart needs --aot <path to the native executable>.");
        var runs = args.Int("runs", 15, 5);

        using var github = FakeGitHubServer.Start();
        github.AddRepository(new FakeGitHubRepository { FullName = Repository, Private = true });
        var token = github.AddToken(FakeGitHubToken.Classic("repo", "admin:repo_hook").WithRepository(Repository, new FakeGitHubGrant { Role = "admin" }));
        string[] check = ["check", "--provider", "github", "--kind", "runtime", "--api-url", github.ApiUrl.AbsoluteUri, "--repository", Repository];
        (string Name, string Command, string[] Arguments)[] variants =
        [
            ("JIT tool", "dotnet", [jit, .. check]),
            ("Native AOT", aot, check),
        ];

        // One run each outside the measure: the files are then in the page cache, as for any command run twice.
        var times = variants.Select(_ => new List<double>()).ToArray();
        var cpu = variants.Select(_ => new List<double>()).ToArray();
        for (var run = -1; run < runs; run++)
        {
            for (var i = 0; i < variants.Length; i++)
            {
                var cpuBefore = ChildrenCpuMilliseconds();
                var (milliseconds, exitCode, stderr) = await TimeAsync(variants[i].Command, variants[i].Arguments, token.Value).ConfigureAwait(false);
                var cpuMilliseconds = ChildrenCpuMilliseconds() - cpuBefore;
                if (exitCode != 0)
                {
                    // The tool never prints the token, so its standard error can be shown as it is.
                    Console.Error.WriteLine($"{variants[i].Name}: exit code {exitCode}, expected 0 (pass). {stderr}");
                    return 1;
                }

                if (run >= 0)
                {
                    times[i].Add(milliseconds);
                    cpu[i].Add(cpuMilliseconds);
                }
            }
        }

        var stats = times.Select(t => new LatencyStats(t)).ToArray();
        var cpuStats = cpu.Select(t => new LatencyStats(t)).ToArray();
        Console.WriteLine($"## Cold start of `git-token-scopes check` ({runs} runs each, alternating, after one unmeasured run each)");
        Console.WriteLine();
        Console.WriteLine("| Build | Command | Wall median | Wall min | Wall max | Median ÷ JIT | CPU median (user + sys) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        for (var i = 0; i < variants.Length; i++)
        {
            var command = string.Join(' ', [Path.GetFileName(variants[i].Command), .. variants[i].Arguments.Select(a => a == jit ? Path.GetFileName(a) : a)]);
            Console.WriteLine($"| {variants[i].Name} | `GITHUB_TOKEN=… {command.Replace(github.ApiUrl.AbsoluteUri, "http://127.0.0.1:PORT/", StringComparison.Ordinal)}` | {stats[i].P50:0} ms | {stats[i].Percentile(0):0} ms | {stats[i].Max:0} ms | {stats[i].P50 / stats[0].P50:0.00} | {(OperatingSystem.IsLinux() ? $"{cpuStats[i].P50:0} ms" : "n/a")} |");
        }

        Console.WriteLine();
        var requests = github.Requests.Count / (double)((runs + 1) * variants.Length);
        var met = stats[1].P50 <= 150 && stats[1].P50 <= 0.3 * stats[0].P50;
        Console.WriteLine($"Requests to the fake per run: {requests:0.##}. Native executable: {new FileInfo(aot).Length / 1024.0 / 1024.0:0.0} MB. " +
            $"Goal (AOT median ≤ 150 ms and ≤ 0.3× the JIT tool's): {(met ? "met" : "not met")}.");
        Console.WriteLine();
        return 0;
    }

    private static async Task<(double Milliseconds, int ExitCode, string Stderr)> TimeAsync(string command, string[] arguments, string token)
    {
        var start = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The token travels in the environment, as the tool expects it, never on a command line.
        start.Environment["GITHUB_TOKEN"] = token;
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        watch.Stop();
        await stdout.ConfigureAwait(false);
        return (watch.Elapsed.TotalMilliseconds, process.ExitCode, await stderr.ConfigureAwait(false));
    }

    /// <summary>The user and system CPU time of every child process waited for so far (Linux); 0 elsewhere.</summary>
    private static double ChildrenCpuMilliseconds()
    {
        // struct rusage on 64-bit Linux: ru_utime and ru_stime (each tv_sec, tv_usec), then 14 longs.
        var usage = new long[18];
        return OperatingSystem.IsLinux() && GetRusage(RusageChildren, usage) == 0
            ? ((usage[0] + usage[2]) * 1000.0) + ((usage[1] + usage[3]) / 1000.0)
            : 0;
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRusage(int who, [Out] long[] usage);
}
