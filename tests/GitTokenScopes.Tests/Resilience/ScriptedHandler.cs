// Licensed under the MIT License. See LICENSE in the repository root.

using System.Collections.Concurrent;
using System.Net;

namespace GitTokenScopes.Tests.Resilience;

/// <summary>A primary handler that answers from a script, one step per request (the last step repeats), and counts calls.</summary>
internal sealed class ScriptedHandler(params Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>[] steps) : HttpMessageHandler
{
    private readonly ConcurrentQueue<string> _calls = new();
    private int _next;

    public int CallCount => _calls.Count;

    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Status(HttpStatusCode status, Action<HttpResponseMessage>? configure = null)
        => (_, _) =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent("{\"message\":\"scripted\"}") };
            response.Headers.Date = DateTimeOffset.UtcNow;
            configure?.Invoke(response);
            return Task.FromResult(response);
        };

    /// <summary>GitHub's answer to <c>GET /user</c> for a classic token (PROVIDERS.md §1.2).</summary>
    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> GitHubUser(string scopes)
        => (_, _) =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("{\"login\":\"octocat\",\"id\":1,\"type\":\"User\"}", System.Text.Encoding.UTF8, "application/json"),
            };
            response.Headers.Add("X-OAuth-Scopes", scopes);
            response.Headers.Add("X-Accepted-OAuth-Scopes", string.Empty);
            response.Headers.Add("X-RateLimit-Limit", "5000");
            response.Headers.Add("X-RateLimit-Remaining", "4999");
            response.Headers.Add("X-RateLimit-Reset", DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
            return Task.FromResult(response);
        };

    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Throw()
        => (_, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:443)");

    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Hang()
        => async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _calls.Enqueue(request.RequestUri!.AbsolutePath);
        var index = Math.Min(Interlocked.Increment(ref _next) - 1, steps.Length - 1);
        return steps[index](request, cancellationToken);
    }
}
