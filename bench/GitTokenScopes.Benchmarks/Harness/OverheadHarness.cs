// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics;
using GitTokenScopes.Benchmarks.Inspection;
using GitTokenScopes.Benchmarks.Loopback;

namespace GitTokenScopes.Benchmarks.Harness;

/// <summary>
/// The per-inspection overhead as process CPU time rather than wall time: on a machine whose cores other work shares,
/// wall time measures the queue for a core, while the CPU time one operation costs (client and in-process server
/// together; the server's share is the same in every row) barely moves. Each row runs in turn, round after round, and
/// the median round is reported, next to the bare <see cref="HttpClient"/> row of the same provider. The Bitbucket
/// Server rows at the end swap the client's pipeline for hand-built variants (<see cref="PipelineVariantBenchmarks"/>).
/// </summary>
internal static class OverheadHarness
{
    public static async Task<int> RunAsync(HarnessArguments args)
    {
        var rounds = args.Int("rounds", 15, 3);
        var perRound = args.Int("ops", 200, 20);
        await using var server = await LoopbackProvider.StartAsync().ConfigureAwait(false);
        using var bare = new BareRequests(server);
        await using var defaults = new ValidatorHost(o => o.Validation.CacheEnabled = false);
        await using var noResilience = new ValidatorHost(o =>
        {
            o.Validation.CacheEnabled = false;
            o.Resilience.Enabled = false;
        });

        var rows = new List<(string Group, string Name, Func<Task<bool>> Run)>();
        foreach (var provider in new[] { GitProvider.GitHub, GitProvider.GitLab, GitProvider.BitbucketCloud, GitProvider.BitbucketServer })
        {
            var credential = BenchCredentials.For(provider, server, 1);
            var request = new TokenInspectionRequest(credential);
            var inspector = defaults.Inspector(provider);
            var bareInspector = noResilience.Inspector(provider);
            rows.Add((provider.ToString(), "bare HttpClient", async () => await bare.ForAsync(credential).ConfigureAwait(false) > 0));
            rows.Add((provider.ToString(), "inspect, default resilience", async () => (await inspector.InspectAsync(request).ConfigureAwait(false)).Status == InspectionStatus.Ok));
            rows.Add((provider.ToString(), "inspect, resilience off", async () => (await bareInspector.InspectAsync(request).ConfigureAwait(false)).Status == InspectionStatus.Ok));
        }

        var variantHosts = new List<ValidatorHost>();
        var serverRequest = new TokenInspectionRequest(BenchCredentials.BitbucketServer(server, 1));
        foreach (var variant in PipelineVariantBenchmarks.Variants)
        {
            var host = new ValidatorHost(o => o.Validation.CacheEnabled = false, services => PipelineVariantBenchmarks.Replace(services, variant));
            variantHosts.Add(host);
            var inspector = host.Inspector(GitProvider.BitbucketServer);
            rows.Add(("BitbucketServer, pipeline variants", variant, async () => (await inspector.InspectAsync(serverRequest).ConfigureAwait(false)).Status == InspectionStatus.Ok));
        }

        // --only narrows the rows (a substring of "group / row"), e.g. for a profiler's trace of one row.
        if (args.Text("only") is { } only)
        {
            rows.RemoveAll(r => !$"{r.Group} / {r.Name}".Contains(only, StringComparison.OrdinalIgnoreCase));
        }

        try
        {
            return await MeasureAsync(rows, rounds, perRound).ConfigureAwait(false);
        }
        finally
        {
            foreach (var host in variantHosts)
            {
                await host.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<int> MeasureAsync(List<(string Group, string Name, Func<Task<bool>> Run)> rows, int rounds, int perRound)
    {
        var cpu = rows.Select(_ => new List<double>()).ToArray();
        var wall = rows.Select(_ => new List<double>()).ToArray();
        var bytes = rows.Select(_ => new List<double>()).ToArray();
        using var process = Process.GetCurrentProcess();
        for (var round = -1; round < rounds; round++)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                process.Refresh();
                var cpuStart = process.TotalProcessorTime;
                var allocatedStart = GC.GetTotalAllocatedBytes(precise: true);
                var clock = Stopwatch.StartNew();
                for (var op = 0; op < perRound; op++)
                {
                    if (!await rows[i].Run().ConfigureAwait(false))
                    {
                        Console.WriteLine($"{rows[i].Group} / {rows[i].Name}: the loopback provider's answers did not give Ok.");
                        return 1;
                    }
                }

                clock.Stop();
                process.Refresh();

                // Round -1 warms up (JIT, connections, pipelines) and is not recorded.
                if (round >= 0)
                {
                    cpu[i].Add((process.TotalProcessorTime - cpuStart).TotalMicroseconds / perRound);
                    wall[i].Add(clock.Elapsed.TotalMicroseconds / perRound);
                    bytes[i].Add((GC.GetTotalAllocatedBytes(precise: true) - allocatedStart) / (double)perRound);
                }
            }
        }

        Console.WriteLine($"## Per-inspection overhead as CPU time ({rounds} rounds of {perRound} sequential operations per row, median round)");
        Console.WriteLine();
        Console.WriteLine("| Group | Row | CPU µs/op | CPU ratio | Wall µs/op | Wall ratio | Allocated B/op |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        string? group = null;
        double cpuBase = 0, wallBase = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var (cpuMedian, wallMedian) = (new LatencyStats(cpu[i]).P50, new LatencyStats(wall[i]).P50);
            if (rows[i].Group != group)
            {
                (group, cpuBase, wallBase) = (rows[i].Group, cpuMedian, wallMedian);
            }

            Console.WriteLine($"| {rows[i].Group} | {rows[i].Name} | {cpuMedian:0} | {cpuMedian / cpuBase:0.00}× | {wallMedian:0} | {wallMedian / wallBase:0.00}× | {new LatencyStats(bytes[i]).P50:0} |");
        }

        Console.WriteLine();
        return 0;
    }
}
