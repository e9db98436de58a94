// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text;
using GitTokenScopes.Validation.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GitTokenScopes.Tests.Validation;

/// <summary>
/// A token's cache generation: how invalidation reaches other instances through the distributed cache, how often it is
/// read there, and what a failing distributed cache leaves in place.
/// </summary>
public sealed class TokenGenerationsTests : IDisposable
{
    private const string Hash = "0123456789abcdef";
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(10);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly RecordingDistributedCache _distributed = new();
    private readonly FakeLogger<TokenGenerations> _logger = new();
    private readonly TokenGenerations _generations;

    public TokenGenerationsTests() => _generations = new TokenGenerations(_distributed, _time, _logger);

    public void Dispose() => _generations.Dispose();

    [Fact]
    public async Task WithoutADistributedCache_ATokenStartsAtTheInitialGeneration_AndABumpMovesItHere()
    {
        using var alone = new TokenGenerations(null, _time, _logger);

        (await alone.GetAsync(Hash, Refresh, Keep, default)).Should().Be("0");
        await alone.BumpAsync(Hash, Keep, Refresh, default);
        var bumped = await alone.GetAsync(Hash, Refresh, Keep, default);
        _time.Advance(Refresh * 3);

        bumped.Should().MatchRegex("^[0-9a-f]{16}$").And.NotBe("0");
        (await alone.GetAsync(Hash, Refresh, Keep, default)).Should().Be(bumped, "with one instance the generation needs no refresh");
        (await alone.GetAsync("another", Refresh, Keep, default)).Should().Be("0", "generations are per token");
    }

    [Fact]
    public async Task TheDistributedGeneration_IsReadOncePerRefreshInterval()
    {
        await Write("abc");

        (await _generations.GetAsync(Hash, Refresh, Keep, default)).Should().Be("abc");
        _time.Advance(Refresh - TimeSpan.FromSeconds(1));
        await Write("def");
        (await _generations.GetAsync(Hash, Refresh, Keep, default)).Should().Be("abc", "within the interval the generation read is trusted");
        _distributed.Reads.Should().ContainSingle();

        _time.Advance(TimeSpan.FromSeconds(1));
        (await _generations.GetAsync(Hash, Refresh, Keep, default)).Should().Be("def", "once the interval is over it is read again");
        _distributed.Reads.Should().HaveCount(2).And.OnlyContain(k => k == ValidationCacheKeys.Generation(Hash));
    }

    [Fact]
    public async Task NoGenerationWritten_IsTheInitialOne()
        => (await _generations.GetAsync(Hash, Refresh, Keep, default)).Should().Be("0");

    [Fact]
    public async Task Bump_ReachesAnotherInstance_ThroughTheDistributedCache_ForTheLongestLifetime()
    {
        using var other = new TokenGenerations(_distributed, _time, _logger);

        await _generations.BumpAsync(Hash, Keep, Refresh, default);

        var key = ValidationCacheKeys.Generation(Hash);
        var written = Encoding.UTF8.GetString(_distributed.Writes.Single().Value);
        _distributed.Options[key].AbsoluteExpirationRelativeToNow.Should().Be(Keep);
        (await other.GetAsync(Hash, Refresh, Keep, default)).Should().Be(written);
        (await _generations.GetAsync(Hash, Refresh, Keep, default)).Should().Be(written);
        _distributed.Reads.Should().ContainSingle("the instance that bumped knows its generation without reading it back");
    }

    [Fact]
    public async Task AFailingDistributedCache_KeepsTheLastGenerationThisInstanceKnew()
    {
        await Write("after-an-invalidation");
        (await _generations.GetAsync(Hash, Refresh, Keep, default)).Should().Be("after-an-invalidation");
        _distributed.Failing = true;
        _time.Advance(Refresh * 2);

        var generation = await _generations.GetAsync(Hash, Refresh, Keep, default);

        generation.Should().Be("after-an-invalidation", "falling back on the initial generation would serve what the invalidation buried");
        var warning = _logger.Collector.GetSnapshot().Single();
        warning.Level.Should().Be(LogLevel.Warning);
        warning.Id.Id.Should().Be(7);
        warning.Message.Should().Be("The distributed cache could not be read for a token generation (TimeoutException); the last generation this instance knew is used");
    }

    [Fact]
    public async Task AFailingDistributedCache_WithNothingKnown_GivesTheInitialGeneration()
    {
        _distributed.Failing = true;

        (await _generations.GetAsync(Hash, Refresh, Keep, default)).Should().Be("0");
        _logger.Collector.Count.Should().Be(1);
    }

    [Fact]
    public async Task ACancelledRead_IsCancelled_NotAFallback()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var failing = new TokenGenerations(new CancellingCache(), _time, _logger);

        var read = async () => await failing.GetAsync(Hash, Refresh, Keep, cancelled.Token);

        await read.Should().ThrowAsync<OperationCanceledException>();
        _logger.Collector.Count.Should().Be(0);
        failing.Dispose();
    }

    private Task Write(string generation)
        => _distributed.SetAsync(ValidationCacheKeys.Generation(Hash), Encoding.UTF8.GetBytes(generation), new() { AbsoluteExpirationRelativeToNow = Keep });

    /// <summary>A distributed cache whose reads honour cancellation, as Redis's client does.</summary>
    private sealed class CancellingCache : Microsoft.Extensions.Caching.Distributed.IDistributedCache
    {
        public byte[]? Get(string key) => throw new NotSupportedException();

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromCanceled<byte[]?>(token);

        public void Refresh(string key) => throw new NotSupportedException();

        public Task RefreshAsync(string key, CancellationToken token = default) => throw new NotSupportedException();

        public void Remove(string key) => throw new NotSupportedException();

        public Task RemoveAsync(string key, CancellationToken token = default) => throw new NotSupportedException();

        public void Set(string key, byte[] value, Microsoft.Extensions.Caching.Distributed.DistributedCacheEntryOptions options) => throw new NotSupportedException();

        public Task SetAsync(string key, byte[] value, Microsoft.Extensions.Caching.Distributed.DistributedCacheEntryOptions options, CancellationToken token = default) => throw new NotSupportedException();
    }
}
