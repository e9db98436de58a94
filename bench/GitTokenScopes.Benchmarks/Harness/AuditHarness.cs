// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics;
using GitTokenScopes.Benchmarks.Loopback;

namespace GitTokenScopes.Benchmarks.Harness;

/// <summary>
/// Audit throughput: many distinct tokens validated through <see cref="ITokenValidator"/> at a fixed parallelism (what
/// an audit over a fleet of tokens does), against bare <see cref="HttpClient"/> GETs of the same requests at the same
/// parallelism and the same server, one phase after the other in one process.
/// </summary>
internal static class AuditHarness
{
    public static async Task<int> RunAsync(HarnessArguments args)
    {
        var tokens = args.Int("tokens", 10_000, 1_000);
        var parallelism = args.Int("parallelism", 32, 32);
        var rtt = TimeSpan.FromMilliseconds(args.Int("rtt-ms", 0, 0));
        await using var server = await LoopbackProvider.StartAsync().ConfigureAwait(false);
        await using var host = new ValidatorHost();
        using var bare = new BareRequests(server);

        // Both paths JIT-warm and open their connections on tokens outside the measured range.
        var warmUp = Math.Min(500, tokens);
        await BareAsync(bare, server, 1_000_000, warmUp, parallelism).ConfigureAwait(false);
        await LibraryAsync(host, server, 1_000_000, warmUp, parallelism).ConfigureAwait(false);
        server.Delay = rtt;

        server.ResetCount();
        var baseline = await MeasureAsync(() => BareAsync(bare, server, 0, tokens, parallelism)).ConfigureAwait(false);
        var baselineRequests = server.ResetCount();
        var library = await MeasureAsync(() => LibraryAsync(host, server, 2_000_000, tokens, parallelism)).ConfigureAwait(false);
        var libraryRequests = server.ResetCount();

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var retained = GC.GetTotalMemory(forceFullCollection: true);

        Console.WriteLine($"## Audit throughput ({tokens:N0} distinct GitHub classic tokens, parallelism {parallelism}, server delay {rtt.TotalMilliseconds:0} ms)");
        Console.WriteLine();
        Console.WriteLine("| Path | Tokens/s | Ratio | Requests/token | Allocated/token | Peak managed heap | Peak working set |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(Row("bare HttpClient (baseline)", baseline, tokens, baselineRequests, 1.0));
        Console.WriteLine(Row("ITokenValidator (cache on, defaults)", library, tokens, libraryRequests, library.PerSecond(tokens) / baseline.PerSecond(tokens)));
        Console.WriteLine();
        Console.WriteLine($"Managed heap after a full collection at the end: {Mb(retained)} (the validator's cache holds one entry per token). Goal: ratio ≥ 0.80.");
        Console.WriteLine();
        return library.Failures == 0 ? 0 : 1;
    }

    private static string Row(string name, Phase phase, int tokens, long requests, double ratio)
        => $"| {name} | {phase.PerSecond(tokens):N0} | {ratio:0.00} | {(double)requests / tokens:0.00} | {phase.AllocatedBytes / (double)tokens / 1024:0.0} KB | {Mb(phase.PeakHeap)} | {Mb(phase.PeakWorkingSet)} |";

    private static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:0.0} MB";

    private static async Task<Phase> MeasureAsync(Func<Task<int>> run)
    {
        var sampler = MemorySampler.Start();
        var watch = Stopwatch.StartNew();
        var failures = await run().ConfigureAwait(false);
        watch.Stop();
        await sampler.DisposeAsync().ConfigureAwait(false);
        return new Phase(watch.Elapsed, sampler.AllocatedBytes, sampler.PeakHeapBytes, sampler.PeakWorkingSetBytes, failures);
    }

    private static async Task<int> BareAsync(BareRequests bare, LoopbackProvider server, long first, int count, int parallelism)
    {
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            async (i, ct) => await bare.GitHubAsync(BenchCredentials.GitHubClassic(server, first + i).Token, ct).ConfigureAwait(false)).ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> LibraryAsync(ValidatorHost host, LoopbackProvider server, long first, int count, int parallelism)
    {
        var failures = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            async (i, ct) =>
            {
                var report = await host.Validator.ValidateAsync(ValidationScenario.GitHubClassic.Request(server, first + i), ct).ConfigureAwait(false);
                if (report.Verdict != ValidationVerdict.Pass)
                {
                    Interlocked.Increment(ref failures);
                }
            }).ConfigureAwait(false);
        if (failures > 0)
        {
            Console.Error.WriteLine($"{failures} audit validations did not pass against a server that grants everything.");
        }

        return failures;
    }

    private sealed record Phase(TimeSpan Elapsed, long AllocatedBytes, long PeakHeap, long PeakWorkingSet, int Failures)
    {
        public double PerSecond(int tokens) => tokens / Elapsed.TotalSeconds;
    }
}
