// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics;

namespace GitTokenScopes.Benchmarks.Harness;

/// <summary>
/// Samples the managed heap and the working set every few milliseconds while a phase runs, and counts the bytes the
/// phase allocated, so that two phases of one process can be compared (the process's own peak covers both).
/// </summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly long _allocatedAtStart;
    private long _peakHeap;
    private long _peakWorkingSet;

    private MemorySampler()
    {
        _allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);
        _loop = Task.Run(SampleAsync);
    }

    public long PeakHeapBytes => Interlocked.Read(ref _peakHeap);

    public long PeakWorkingSetBytes => Interlocked.Read(ref _peakWorkingSet);

    public long AllocatedBytes { get; private set; }

    /// <summary>Starts sampling after a full collection, so that what an earlier phase left behind does not count.</summary>
    public static MemorySampler Start()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return new MemorySampler();
    }

    public async ValueTask DisposeAsync()
    {
        AllocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - _allocatedAtStart;
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var process = Process.GetCurrentProcess();
        while (!_stop.IsCancellationRequested)
        {
            Max(ref _peakHeap, GC.GetTotalMemory(forceFullCollection: false));
            process.Refresh();
            Max(ref _peakWorkingSet, process.WorkingSet64);
            try
            {
                await Task.Delay(5, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static void Max(ref long target, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
