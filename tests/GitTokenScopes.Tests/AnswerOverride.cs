// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.Tests;

/// <summary>
/// A handler in a provider's named client that answers chosen requests itself (or fails them as a lost connection) and
/// passes every other one to the fake: for answers a fake never gives, or gives only to every request at once (a 429 on
/// one repository, a 201 to a write probe, JSON that is no user). The canned answers of each provider sit beside its
/// fixture (<c>GitHubAnswers</c>, <c>GitLabAnswers</c>, …).
/// </summary>
internal sealed class AnswerOverride(IReadOnlyDictionary<string, Func<HttpResponseMessage>?> answers, Func<HttpRequestMessage, string?> keyOf) : DelegatingHandler
{
    /// <summary>The key of one request: method and path, as in <c>GET /repos/o/r</c>.</summary>
    public static string Key(string method, string path) => $"{method} {path}";

    /// <summary>A JSON answer with the given status, body and response headers.</summary>
    public static HttpResponseMessage Json(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    /// <summary>
    /// Puts the override in <paramref name="clientName"/>'s pipeline with retries off, so that each answer reaches the
    /// inspector once, as the request's own. A request is keyed by <paramref name="keyOf"/>, by default its method and path.
    /// </summary>
    public static void Register(
        IServiceCollection services, string clientName, IEnumerable<(string Key, Func<HttpResponseMessage>? Answer)> answers, Func<HttpRequestMessage, string?>? keyOf = null)
    {
        var table = answers.ToDictionary(a => a.Key, a => a.Answer, StringComparer.Ordinal);
        services.Configure<GitTokenScopesOptions>(o => o.Resilience.MaxRetryAttempts = 0);
        services.AddHttpClient(clientName).AddHttpMessageHandler(() => new AnswerOverride(table, keyOf ?? (r => Key(r.Method.Method, r.RequestUri!.AbsolutePath))));
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (keyOf(request) is not { } key || !answers.TryGetValue(key, out var answer))
        {
            return base.SendAsync(request, cancellationToken);
        }

        // A missing answer stands for a connection that failed.
        if (answer is null)
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection reset by peer (127.0.0.1)");
        }

        var response = answer();
        response.RequestMessage = request;
        return Task.FromResult(response);
    }
}
