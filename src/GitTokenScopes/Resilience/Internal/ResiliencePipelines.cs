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
    private const string PipelineName = "GitTokenScopes";

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
    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, GitTokenScopesResilienceOptions options, TimeProvider time)
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
    /// Transient: transport failures, attempt timeouts, 408 and 5xx gateway errors unless their <c>Retry-After</c> is beyond
    /// the cap, and 429 only with a <c>Retry-After</c> within it. Only GET and HEAD: a write probe that unexpectedly got
    /// through must not be sent twice.
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

        var wait = outcome.Result is { } response ? RetryAfterOf(response, now) : null;
        return outcome.Result?.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => wait is not null && wait <= maxRetryAfter,
            HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
                or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => wait is null || wait <= maxRetryAfter,
            _ => false,
        };
    }

    /// <summary>The server's <c>Retry-After</c> when it is within the cap; otherwise <see langword="null"/> (the jittered back-off).</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan maxRetryAfter, DateTimeOffset now)
        => response is not null && RetryAfterOf(response, now) is { } wait && wait <= maxRetryAfter ? wait : null;

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response, DateTimeOffset now)
    {
        // An HTTP date is measured from the server's Date header (a skewed local clock does not matter), else from ours.
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? header?.Date - (response.Headers.Date ?? now);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    /// <summary>
    /// Sits outside the pipeline and turns its rejections (a timeout, an open circuit) into <see cref="HttpRequestException"/>,
    /// the one transport failure every inspector already maps to "unreachable".
    /// </summary>
    private sealed class TransportFaultHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            try
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (ExecutionRejectedException exception)
            {
                // The message names the host and Polly's reason; request headers (and so the token) are never part of it.
                throw new HttpRequestException($"The request to {request.RequestUri?.Host} was abandoned: {exception.Message}", exception);
            }
        }
    }
}
