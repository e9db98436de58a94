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
            Configure(builder, options);
        });
    }

    /// <summary>Total timeout, then retries, then the per-attempt timeout (the order of the standard pipeline).</summary>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, GitTokenScopesResilienceOptions options)
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
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, maxRetryAfter)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, maxRetryAfter)),
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.AttemptTimeout, Name = "attempt" });
    }

    /// <summary>
    /// Transient: transport failures, attempt timeouts, 408 and 5xx gateway/availability errors, and 429 or 503 whose
    /// <c>Retry-After</c> is short enough to wait for. Never 401, 403 (GitHub's secondary rate limit included), 404, 422.
    /// </summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or TimeoutRejectedException;
        }

        var response = outcome.Result;
        if (response is null)
        {
            return false;
        }

        var retryAfter = RetryAfterOf(response);
        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => retryAfter is { } wait && wait <= maxRetryAfter,
            HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
                or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => retryAfter is null || retryAfter <= maxRetryAfter,
            _ => false,
        };
    }

    /// <summary>The server's <c>Retry-After</c> when it is within the cap; otherwise <see langword="null"/> (the jittered back-off).</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan maxRetryAfter)
        => response is not null && RetryAfterOf(response) is { } wait && wait <= maxRetryAfter ? wait : null;

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        // An HTTP date is relative to the server's Date header, so that a skewed local clock does not matter.
        if (header?.Date is { } date && response.Headers.Date is { } now)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
