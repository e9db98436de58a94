// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace GitTokenScopes.Resilience.Internal;

/// <summary>Builds the default pipeline of the library's named clients from <see cref="GitTokenScopesResilienceOptions"/>.</summary>
internal static class ResiliencePipelines
{
    public const string PipelineName = "GitTokenScopes";

    public static void Add(IHttpClientBuilder client)
    {
        client.AddHttpMessageHandler(() => new TransportFaultHandler());
        client.AddResilienceHandler(PipelineName, static (builder, context) =>
        {
            context.EnableReloads<GitTokenScopesOptions>();
            var options = context.ServiceProvider.GetRequiredService<IOptionsMonitor<GitTokenScopesOptions>>().CurrentValue.Resilience;
            Configure(builder, options, context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System);
        });
    }

    /// <summary>Total timeout, then retries, then the per-attempt timeout: the order of the standard pipeline.</summary>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, GitTokenScopesResilienceOptions options, TimeProvider time)
    {
        if (!options.Enabled)
        {
            return;
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.TotalTimeout, Name = "total" });
        if (options.MaxRetryAttempts > 0)
        {
            var maxRetryAfter = options.MaxRetryAfter;
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                Name = "retry",
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Outcome.Result?.RequestMessage?.Method ?? args.Context.GetRequestMessage()?.Method, maxRetryAfter, time.GetUtcNow())),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, maxRetryAfter, time.GetUtcNow())),
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.AttemptTimeout, Name = "attempt" });
    }

    /// <summary>
    /// Transient: transport failures, attempt timeouts, 408, 5xx gateway errors, and 429/503 with a short enough
    /// <c>Retry-After</c>. Only GET and HEAD: a write probe that unexpectedly got through must not be sent twice.
    /// </summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpMethod? method, TimeSpan maxRetryAfter, DateTimeOffset now)
    {
        if (method is not null && method != HttpMethod.Get && method != HttpMethod.Head)
        {
            return false;
        }

        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or TimeoutRejectedException;
        }

        var response = outcome.Result;
        if (response is null)
        {
            return false;
        }

        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => RetryAfterOf(response, now) is { } wait && wait <= maxRetryAfter,
            HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
                or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => RetryAfterOf(response, now) is not { } delay || delay <= maxRetryAfter,
            _ => false,
        };
    }

    /// <summary>The server's <c>Retry-After</c> when it is within the cap; otherwise <see langword="null"/> (the jittered back-off).</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan maxRetryAfter, DateTimeOffset now)
        => response is not null && RetryAfterOf(response, now) is { } wait && wait <= maxRetryAfter ? wait : null;

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        // An HTTP date is measured from the server's Date header (a skewed local clock does not matter), else from ours.
        if (header?.Date is { } date)
        {
            var wait = date - (response.Headers.Date ?? now);
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
