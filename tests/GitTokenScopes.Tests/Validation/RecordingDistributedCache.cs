// Licensed under the MIT License. See LICENSE in the repository root.

using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Distributed;

namespace GitTokenScopes.Tests.Validation;

/// <summary>
/// An in-memory <see cref="IDistributedCache"/> that keeps every key read and every key, value and option ever
/// written; <see cref="Failing"/> makes it throw like a Redis that went away.
/// </summary>
internal sealed class RecordingDistributedCache : IDistributedCache
{
    private readonly ConcurrentDictionary<string, byte[]> _entries = new();
    private readonly ConcurrentQueue<(string Key, byte[] Value)> _writes = new();
    private readonly ConcurrentQueue<string> _reads = new();
    private readonly ConcurrentDictionary<string, DistributedCacheEntryOptions> _options = new();

    /// <summary>Gets or sets whether every call throws, as a distributed cache that cannot be reached does.</summary>
    public bool Failing { get; set; }

    /// <summary>Gets the options of the last write of each key.</summary>
    public IReadOnlyDictionary<string, DistributedCacheEntryOptions> Options => _options;

    public IReadOnlyList<(string Key, byte[] Value)> Writes => [.. _writes];

    public IReadOnlyList<string> Reads => [.. _reads];

    public byte[]? Get(string key)
    {
        _reads.Enqueue(key);
        ThrowIfFailing();
        return _entries.TryGetValue(key, out var value) ? value : null;
    }

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromResult(Get(key));

    public void Refresh(string key)
    {
    }

    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    public void Remove(string key) => _entries.TryRemove(key, out _);

    public Task RemoveAsync(string key, CancellationToken token = default)
    {
        Remove(key);
        return Task.CompletedTask;
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
    {
        ThrowIfFailing();
        _entries[key] = value;
        _options[key] = options;
        _writes.Enqueue((key, value));
    }

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        Set(key, value, options);
        return Task.CompletedTask;
    }

    private void ThrowIfFailing()
    {
        if (Failing)
        {
            throw new TimeoutException("The distributed cache did not answer (a test's failure).");
        }
    }
}
