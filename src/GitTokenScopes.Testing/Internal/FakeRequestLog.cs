// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing.Internal;

/// <summary>
/// A fake server's request log in arrival order (a request takes a ticket when it arrives and is written when answered,
/// so a delayed answer keeps its place; <see cref="Reset"/> also drops requests still being answered), and the requests
/// in flight: the current number and the highest seen since the last <see cref="Reset"/>. Shared by every fake.
/// </summary>
internal sealed class FakeRequestLog<T>
{
    private readonly Lock _gate = new();
    private readonly List<(long Ticket, T Request)> _entries = [];
    private long _lastTicket;
    private long _resetAt;
    private int _inFlight;
    private int _peak;

    public int Peak => Volatile.Read(ref _peak);

    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries.Select(e => e.Request)];
        }
    }

    public long Arrive()
    {
        var now = Interlocked.Increment(ref _inFlight);
        int peak;
        do
        {
            peak = Volatile.Read(ref _peak);
        }
        while (now > peak && Interlocked.CompareExchange(ref _peak, now, peak) != peak);

        return Interlocked.Increment(ref _lastTicket);
    }

    public void Write(long ticket, T request)
    {
        Interlocked.Decrement(ref _inFlight);
        lock (_gate)
        {
            if (ticket <= _resetAt)
            {
                return;
            }

            var index = _entries.Count;
            while (index > 0 && _entries[index - 1].Ticket > ticket)
            {
                index--;
            }

            _entries.Insert(index, (ticket, request));
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _resetAt = Interlocked.Read(ref _lastTicket);
            _entries.Clear();
            Volatile.Write(ref _peak, Volatile.Read(ref _inFlight));
        }
    }
}
