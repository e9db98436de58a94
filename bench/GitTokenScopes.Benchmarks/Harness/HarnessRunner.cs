// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Benchmarks.Harness;

/// <summary>
/// The load harness's modes. <c>quick</c> runs every mode with small sizes (under a minute; the CI smoke test);
/// <c>all</c> runs every mode at full size. <c>coldstart</c> stands apart: it times the CLI's two builds, which
/// <c>bench/cold-start.sh</c> makes first. Exit code 1 when a correctness check fails (a fault-free validation that
/// does not pass, or the fault check); goals are reported, never asserted.
/// </summary>
internal static class HarnessRunner
{
    private static readonly Dictionary<string, Func<HarnessArguments, Task<int>>> Modes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["roundtrips"] = RoundTripsHarness.RunAsync,
        ["stampede"] = StampedeHarness.RunAsync,
        ["audit"] = AuditHarness.RunAsync,
        ["faults"] = FaultsHarness.RunAsync,
        ["overhead"] = OverheadHarness.RunAsync,
    };

    public static bool IsMode(string name) => Modes.ContainsKey(name) || name is "quick" or "all" or "coldstart";

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new HarnessArguments(args);
        Console.WriteLine($"# GitTokenScopes load harness: {arguments.Mode} ({DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version})");
        Console.WriteLine();
        if (arguments.Mode == "coldstart")
        {
            return await ColdStartHarness.RunAsync(arguments).ConfigureAwait(false);
        }

        if (Modes.TryGetValue(arguments.Mode, out var single))
        {
            return await single(arguments).ConfigureAwait(false);
        }

        var exitCode = 0;
        foreach (var mode in Modes.Values)
        {
            exitCode |= await mode(arguments).ConfigureAwait(false);
        }

        return exitCode;
    }
}
