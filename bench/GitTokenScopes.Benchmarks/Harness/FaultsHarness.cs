// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics;
using GitTokenScopes.Benchmarks.Loopback;

namespace GitTokenScopes.Benchmarks.Harness;

/// <summary>
/// Load with faults: concurrent validations of distinct, fully scoped tokens while a share of the provider's answers
/// are 500s, connection resets, or slower than the attempt timeout. Every validation must return a report, none may
/// throw, and none may be <c>fail</c> (every token holds everything, so a <c>fail</c> could only come from a fault).
/// The library's default retries stay on: they are part of what a host gets under faults.
/// </summary>
internal static class FaultsHarness
{
    public static async Task<int> RunAsync(HarnessArguments args)
    {
        var callers = args.Int("callers", 1000, 300);
        var rate = args.Double("fault-rate", 0.05);
        var attemptTimeout = TimeSpan.FromMilliseconds(args.Int("attempt-timeout-ms", 1000, 500));
        var slow = attemptTimeout * 3;
        await using var server = await LoopbackProvider.StartAsync().ConfigureAwait(false);
        await using var host = new ValidatorHost(o =>
        {
            o.Resilience.AttemptTimeout = attemptTimeout;
            o.Resilience.TotalTimeout = attemptTimeout * 4;
            o.Resilience.MaxRetryAfter = attemptTimeout; // must stay below the total timeout (validated at startup)
        });

        ValidationScenario[] scenarios = [ValidationScenario.GitHubClassic, ValidationScenario.FineGrained(1), ValidationScenario.GitLab, ValidationScenario.BitbucketCloud];

        // Without faults every scenario passes; otherwise the server's answers, not the faults, would be measured.
        var problems = 0;
        foreach (var scenario in scenarios)
        {
            var report = await host.Validator.ValidateAsync(scenario.Request(server, 1_000_000)).ConfigureAwait(false);
            if (report.Verdict != ValidationVerdict.Pass)
            {
                problems++;
                Console.Error.WriteLine($"{scenario.Name} without faults: expected pass, got {report.Verdict.ToWireName()} ({report.Message})");
            }
        }

        server.Faults = new LoopbackFaults(rate, slow);
        server.ResetCount();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();
        var calls = Enumerable.Range(0, callers).Select(i => Task.Run(async () =>
        {
            var scenario = scenarios[i % scenarios.Length];
            await start.Task.ConfigureAwait(false);
            var began = clock.Elapsed;
            try
            {
                var report = await host.Validator.ValidateAsync(scenario.Request(server, i)).ConfigureAwait(false);
                return new Outcome(scenario.Name, report.Verdict, report.Status, null, (clock.Elapsed - began).TotalMilliseconds);
            }
            catch (Exception exception)
            {
                return new Outcome(scenario.Name, null, null, exception.GetType().Name, (clock.Elapsed - began).TotalMilliseconds);
            }
        })).ToArray();
        start.SetResult();
        var outcomes = await Task.WhenAll(calls).ConfigureAwait(false);
        var requests = server.ResetCount();
        var faults = server.Faults;

        Console.WriteLine($"## Load with faults ({callers} concurrent validations, {rate:P0} of answers spoiled, attempt timeout {attemptTimeout.TotalMilliseconds:0} ms, slow answers {slow.TotalMilliseconds:0} ms, default retries)");
        Console.WriteLine();
        Console.WriteLine($"Requests {requests}; injected: {faults.Injected(LoopbackFault.ServerError)} × 500, {faults.Injected(LoopbackFault.Reset)} × reset, {faults.Injected(LoopbackFault.Slow)} × slow.");
        Console.WriteLine();
        Console.WriteLine("| Validation | Calls | pass | indeterminate | fail | exception | p50 (ms) | p99 (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in outcomes.GroupBy(o => o.Scenario))
        {
            var latency = new LatencyStats(group.Select(o => o.Milliseconds));
            Console.WriteLine($"| {group.Key} | {group.Count()} | {group.Count(o => o.Verdict == ValidationVerdict.Pass)} | {group.Count(o => o.Verdict == ValidationVerdict.Indeterminate)} | {group.Count(o => o.Verdict == ValidationVerdict.Fail)} | {group.Count(o => o.Exception is not null)} | {latency.P50:0} | {latency.P99:0} |");
        }

        var statuses = outcomes.Where(o => o.Verdict == ValidationVerdict.Indeterminate).GroupBy(o => o.Status?.ToWireName() ?? "none").Select(g => $"{g.Key} × {g.Count()}");
        Console.WriteLine();
        Console.WriteLine($"Indeterminate statuses: {string.Join(", ", statuses.DefaultIfEmpty("none"))}.");

        var exceptions = outcomes.Count(o => o.Exception is not null);
        var failed = outcomes.Count(o => o.Verdict == ValidationVerdict.Fail);
        var answered = outcomes.Count(o => o.Verdict is not null);
        var ok = problems == 0 && exceptions == 0 && failed == 0 && answered == callers;
        Console.WriteLine();
        Console.WriteLine(ok
            ? $"CHECK PASSED: {answered}/{callers} validations returned a verdict, no exception escaped, none failed because of a fault."
            : $"CHECK FAILED: {answered}/{callers} returned a verdict, {exceptions} threw ({string.Join(", ", outcomes.Where(o => o.Exception is not null).Select(o => o.Exception).Distinct())}), {failed} were fail, {problems} fault-free checks did not pass.");
        Console.WriteLine();
        return ok ? 0 : 1;
    }

    private sealed record Outcome(string Scenario, ValidationVerdict? Verdict, InspectionStatus? Status, string? Exception, double Milliseconds);
}
