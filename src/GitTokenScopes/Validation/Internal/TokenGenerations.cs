// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;

namespace GitTokenScopes.Validation.Internal;

/// <summary>
/// A token's cache generation, part of every inspection key, so that a new one forgets all of the token's entries: in the
/// instance that invalidates at once, and in the others through the distributed cache, which each reads at most once per
/// <see cref="TokenValidationOptions.InvalidationPropagationTime"/>. A failing distributed cache never fails a validation.
/// </summary>
internal sealed partial class TokenGenerations(IDistributedCache? distributed, TimeProvider time, ILogger<TokenGenerations> logger) : IDisposable
{
    private const string Initial = "0";

    // A private cache, keyed by the token hash alone: the host's IMemoryCache may have a size limit, which would demand a size on every entry.
    private readonly MemoryCache memory = new(new MemoryCacheOptions());

    /// <summary>
    /// The token's generation, read from the distributed cache once per <paramref name="refresh"/> and remembered for
    /// <paramref name="keep"/> (the longest an inspection is cached), so that an outage of the distributed cache falls back on it.
    /// </summary>
    public async ValueTask<string> GetAsync(string tokenHash, TimeSpan refresh, TimeSpan keep, CancellationToken cancellationToken)
    {
        var known = memory.Get<Known>(tokenHash);
        if (distributed is null || (known is not null && time.GetUtcNow() < known.RefreshAt))
        {
            return known?.Generation ?? Initial;
        }

        string generation;
        try
        {
            var bytes = await distributed.GetAsync(ValidationCacheKeys.Generation(tokenHash), cancellationToken).ConfigureAwait(false);
            generation = bytes is null ? Initial : Encoding.UTF8.GetString(bytes);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Falling back on "0" would revive entries an invalidation this instance already saw had buried.
            Log.GenerationReadFailed(logger, exception.GetType().Name);
            return known?.Generation ?? Initial;
        }

        Remember(tokenHash, generation, refresh, keep);
        return generation;
    }

    /// <summary>Starts a new generation for the token, here at once and in the distributed cache for the other instances.</summary>
    public async ValueTask BumpAsync(string tokenHash, TimeSpan lifetime, TimeSpan refresh, CancellationToken cancellationToken)
    {
        var generation = Guid.NewGuid().ToString("N")[..16];
        Remember(tokenHash, generation, refresh, lifetime);
        if (distributed is not null)
        {
            await distributed.SetAsync(
                ValidationCacheKeys.Generation(tokenHash),
                Encoding.UTF8.GetBytes(generation),
                new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime },
                cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => memory.Dispose();

    private void Remember(string tokenHash, string generation, TimeSpan refresh, TimeSpan keep)
        => memory.Set(tokenHash, new Known(generation, time.GetUtcNow() + refresh), keep > refresh ? keep : refresh);

    private sealed record Known(string Generation, DateTimeOffset RefreshAt);

    private static partial class Log
    {
        [LoggerMessage(EventId = 7, EventName = "GenerationReadFailed", Level = LogLevel.Warning,
            Message = "The distributed cache could not be read for a token generation ({ExceptionType}); the last generation this instance knew is used")]
        public static partial void GenerationReadFailed(ILogger logger, string exceptionType);
    }
}
