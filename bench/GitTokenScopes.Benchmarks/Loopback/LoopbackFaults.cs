// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Benchmarks.Loopback;

/// <summary>
/// Which requests the loopback provider spoils: a fixed share, split evenly between a 500, a connection reset and an
/// answer slower than the client's attempt timeout. Chosen from a seeded sequence so that two runs fail alike.
/// </summary>
internal sealed class LoopbackFaults(double rate, TimeSpan slowDelay, int seed = 8)
{
    private readonly Random _random = new(seed);
    private readonly long[] _injected = new long[4];

    public double Rate { get; } = rate;

    public TimeSpan SlowDelay { get; } = slowDelay;

    /// <summary>How many answers were spoiled this way so far.</summary>
    public long Injected(LoopbackFault fault) => Interlocked.Read(ref _injected[(int)fault]);

    public LoopbackFault Next()
    {
        double roll;
        lock (_random)
        {
            roll = _random.NextDouble();
        }

        if (roll >= Rate)
        {
            return LoopbackFault.None;
        }

        var third = Rate / 3;
        var fault = roll < third ? LoopbackFault.ServerError : roll < 2 * third ? LoopbackFault.Reset : LoopbackFault.Slow;
        Interlocked.Increment(ref _injected[(int)fault]);
        return fault;
    }
}
