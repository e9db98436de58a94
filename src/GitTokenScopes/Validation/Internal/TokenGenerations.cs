// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;

namespace GitTokenScopes.Validation.Internal;

/// <summary>
/// A token's cache generation, part of every inspection key. <c>HybridCache</c> forgets tagged entries at once in the
/// instance that calls <c>RemoveByTagAsync</c>, but other instances keep their own record of tag invalidations and may
/// go on serving the old entry. Invalidation therefore also writes a new generation to the distributed cache; every
/// instance reads a token's generation from there at most once per <see cref="TokenValidationOptions.InvalidationPropagationTime"/>,
/// so an invalidation reaches every instance within that interval. Without a distributed cache there is one instance
/// and the tag removal suffices. A failing distributed cache never fails a validation: the last known generation is used.
/// </summary>
internal sealed partial class TokenGenerations(IDistributedCache? distributed, ILogger<TokenGenerations> logger) : IDisposable
{
    private const string Initial = "0";

    // A private cache, keyed by the token hash alone: the host's IMemoryCache may have a size limit, which would demand a size on every entry.
    private readonly MemoryCache memory = new(new MemoryCacheOptions());

    public async ValueTask<string> GetAsync(string tokenHash, TimeSpan refresh, CancellationToken cancellationToken)
    {
        if (memory.TryGetValue(tokenHash, out string? known) && known is not null)
        {
            return known;
        }

        if (distributed is null)
        {
            return Initial;
        }

        string generation;
        try
        {
            var bytes = await distributed.GetAsync(ValidationCacheKeys.Generation(tokenHash), cancellationToken).ConfigureAwait(false);
            generation = bytes is null ? Initial : Encoding.UTF8.GetString(bytes);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.GenerationReadFailed(logger, exception.GetType().Name);
            return Initial;
        }

        memory.Set(tokenHash, generation, refresh);
        return generation;
    }

    public async ValueTask BumpAsync(string tokenHash, TimeSpan lifetime, TimeSpan refresh, CancellationToken cancellationToken)
    {
        var generation = Guid.NewGuid().ToString("N")[..16];
        memory.Set(tokenHash, generation, distributed is null ? lifetime : refresh);
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

    private static partial class Log
    {
        [LoggerMessage(EventId = 7, EventName = "GenerationReadFailed", Level = LogLevel.Warning,
            Message = "The distributed cache could not be read for a token generation ({ExceptionType}); the initial generation is used")]
        public static partial void GenerationReadFailed(ILogger logger, string exceptionType);
    }
}
