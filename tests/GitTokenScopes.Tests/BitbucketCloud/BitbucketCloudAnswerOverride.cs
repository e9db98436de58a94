// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using System.Text;

namespace GitTokenScopes.Tests.BitbucketCloud;

/// <summary>
/// A handler in the Bitbucket Cloud client's pipeline that answers chosen requests itself and passes every other one to
/// the fake: for answers the fake gives only to every request at once (a 429, a 500) or never (JSON that is no user).
/// </summary>
internal sealed class BitbucketCloudAnswerOverride(IReadOnlyDictionary<string, Func<HttpResponseMessage>> answers) : DelegatingHandler
{
    /// <summary>The key of one request in <c>answers</c>: method and path, as in <c>GET /2.0/user</c>.</summary>
    public static string Key(string method, string path) => $"{method} {path}";

    /// <summary>Bitbucket's 429, with the rate-limit headers it sends to access tokens (PROVIDERS.md §3.4).</summary>
    public static HttpResponseMessage RateLimited()
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("Rate limit for this resource has been exceeded.", Encoding.UTF8, "text/plain") };
        response.Headers.Add("X-RateLimit-Limit", "1000");
        response.Headers.Add("X-RateLimit-Resource", "api-repo");
        response.Headers.Add("X-RateLimit-NearLimit", "true");
        return response;
    }

    /// <summary>A JSON answer with the given status, body and response headers.</summary>
    public static HttpResponseMessage Json(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.Add(name, value);
        }

        return response;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!answers.TryGetValue(Key(request.Method.Method, request.RequestUri!.AbsolutePath), out var answer))
        {
            return base.SendAsync(request, cancellationToken);
        }

        var response = answer();
        response.RequestMessage = request;
        return Task.FromResult(response);
    }
}
