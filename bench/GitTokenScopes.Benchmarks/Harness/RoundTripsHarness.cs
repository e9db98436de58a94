// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics;
using System.Globalization;
using GitTokenScopes.Benchmarks.Loopback;

namespace GitTokenScopes.Benchmarks.Harness;

/// <summary>
/// Wall time of one validation when every provider answer takes a fixed round trip, as a multiple of that round trip,
/// and the requests it sent. Cache off (each run is a real inspection) and retries off (none would happen, and none may
/// add to the count).
/// </summary>
internal static class RoundTripsHarness
{
    public static async Task<int> RunAsync(HarnessArguments args)
    {
        var rtt = TimeSpan.FromMilliseconds(args.Int("rtt-ms", 50, 20));
        var runs = args.Int("runs", 9, 3);
        await using var server = await LoopbackProvider.StartAsync().ConfigureAwait(false);
        await using var host = new ValidatorHost(o =>
        {
            o.Validation.CacheEnabled = false;
            o.Resilience.MaxRetryAttempts = 0;
        });

        ValidationScenario[] scenarios =
        [
            ValidationScenario.GitHubClassic,
            ValidationScenario.GitLab,
            ValidationScenario.BitbucketCloud,
            ValidationScenario.FineGrained(1),
            ValidationScenario.FineGrained(5),
            ValidationScenario.FineGrained(20),
        ];

        Console.WriteLine($"## Round trips (server delay {rtt.TotalMilliseconds:0} ms per answer, {runs} runs each, median)");
        Console.WriteLine();
        Console.WriteLine("| Validation | Requests | Median wall (ms) | Wall ÷ RTT | Goal | Verdict |");
        Console.WriteLine("|---|---:|---:|---:|---|---|");
        var failures = 0;
        long serial = 0;
        foreach (var scenario in scenarios)
        {
            // One run with no delay opens the pooled connections and JITs the path; it is not counted.
            server.Delay = TimeSpan.Zero;
            await host.Validator.ValidateAsync(scenario.Request(server, ++serial)).ConfigureAwait(false);
            server.Delay = rtt;

            var walls = new List<double>();
            var requests = new List<long>();
            ValidationVerdict? verdict = null;
            for (var run = 0; run < runs; run++)
            {
                var request = scenario.Request(server, ++serial);
                server.ResetCount();
                var watch = Stopwatch.StartNew();
                var report = await host.Validator.ValidateAsync(request).ConfigureAwait(false);
                watch.Stop();
                walls.Add(watch.Elapsed.TotalMilliseconds);
                requests.Add(server.ResetCount());
                verdict = report.Verdict;
                if (report.Verdict != ValidationVerdict.Pass)
                {
                    failures++;
                    Console.Error.WriteLine($"{scenario.Name}: expected pass, got {report.Verdict.ToWireName()} ({report.Message})");
                }
            }

            var median = new LatencyStats(walls).P50;
            var count = requests.Distinct().Count() == 1 ? requests[0].ToString(CultureInfo.InvariantCulture) : $"{requests.Min()}–{requests.Max()}";
            Console.WriteLine($"| {scenario.Name} | {count} | {median:0.0} | {median / rtt.TotalMilliseconds:0.00} | {Goal(scenario)} | {verdict?.ToWireName()} |");
        }

        Console.WriteLine();
        return failures == 0 ? 0 : 1;
    }

    private static string Goal(ValidationScenario scenario) => scenario.Name switch
    {
        "GitHub classic" => "1 request",
        "GitLab" => "≤ 2 requests, concurrent (≈ 1 RTT)",
        "Bitbucket Cloud" => "1 request",
        _ => "≤ 2.2 RTT",
    };
}
