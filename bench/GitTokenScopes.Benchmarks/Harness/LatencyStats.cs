// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Benchmarks.Harness;

/// <summary>Percentiles of a set of latencies (nearest rank), in milliseconds.</summary>
internal sealed class LatencyStats
{
    private readonly double[] _sorted;

    public LatencyStats(IEnumerable<double> milliseconds)
    {
        _sorted = [.. milliseconds.Order()];
    }

    public int Count => _sorted.Length;

    public double P50 => Percentile(0.50);

    public double P99 => Percentile(0.99);

    public double Max => _sorted.Length == 0 ? 0 : _sorted[^1];

    public double Percentile(double p)
        => _sorted.Length == 0 ? 0 : _sorted[Math.Clamp((int)Math.Ceiling(p * _sorted.Length) - 1, 0, _sorted.Length - 1)];
}
