// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics;
using GitTokenScopes.Benchmarks.Loopback;

namespace GitTokenScopes.Benchmarks.Harness;

/// <summary>
/// Many concurrent validations of one token nobody has validated yet: how many requests reach the provider (the cache's
/// single flight should make it one inspection) and how long the callers wait.
/// </summary>
internal static class StampedeHarness
{
    public static async Task<int> RunAsync(HarnessArguments args)
    {
        var callers = args.Int("callers", 1000, 200);
        var rtt = TimeSpan.FromMilliseconds(args.Int("rtt-ms", 50, 20));
        await using var server = await LoopbackProvider.StartAsync().ConfigureAwait(false);
        await using var host = new ValidatorHost();

        // Warm the JIT and the connection pool on another token, then forget the count.
        await host.Validator.ValidateAsync(ValidationScenario.GitHubClassic.Request(server, 1)).ConfigureAwait(false);
        server.Delay = rtt;
        server.ResetCount();

        var request = ValidationScenario.GitHubClassic.Request(server, 2);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();
        var calls = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            await start.Task.ConfigureAwait(false);
            var began = clock.Elapsed;
            var report = await host.Validator.ValidateAsync(request).ConfigureAwait(false);
            return (Latency: (clock.Elapsed - began).TotalMilliseconds, report.Verdict);
        })).ToArray();
        start.SetResult();
        var results = await Task.WhenAll(calls).ConfigureAwait(false);
        var requests = server.ResetCount();

        var latency = new LatencyStats(results.Select(r => r.Latency));
        var passed = results.Count(r => r.Verdict == ValidationVerdict.Pass);
        Console.WriteLine($"## Stampede ({callers} concurrent validations of one uncached GitHub classic token, server delay {rtt.TotalMilliseconds:0} ms)");
        Console.WriteLine();
        Console.WriteLine("| Provider requests | Goal | p50 (ms) | p99 (ms) | max (ms) | Passed |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|");
        Console.WriteLine($"| {requests} | 1 | {latency.P50:0.0} | {latency.P99:0.0} | {latency.Max:0.0} | {passed}/{callers} |");
        Console.WriteLine();
        return passed == callers ? 0 : 1;
    }
}
