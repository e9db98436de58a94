// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing.BitbucketCloud.Internal;

/// <summary>
/// A Bitbucket fake's request log, in arrival order: a request takes a ticket when it arrives and is written when
/// answered, so a delayed answer keeps its place. <see cref="Reset"/> also drops requests still being answered.
/// </summary>
internal sealed class BitbucketFakeRequestLog<T>
{
    private readonly Lock _gate = new();
    private readonly List<(long Ticket, T Request)> _entries = [];
    private long _lastTicket;
    private long _resetAt;

    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries.Select(e => e.Request)];
        }
    }

    public long Arrive() => Interlocked.Increment(ref _lastTicket);

    public void Write(long ticket, T request)
    {
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
        }
    }
}
