// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using System.Text;

namespace GitTokenScopes.Tests.BitbucketServer;

/// <summary>
/// A handler in the Bitbucket Server client's pipeline that answers chosen requests itself (or fails them as a lost
/// connection) and passes every other one to the fake: for answers the fake gives only to every request at once (a 429,
/// a 500) or never (JSON that is no repository).
/// </summary>
internal sealed class BitbucketServerAnswerOverride(IReadOnlyDictionary<string, Func<HttpResponseMessage>?> answers) : DelegatingHandler
{
    /// <summary>The key of one request in <c>answers</c>: method and path, as in <c>GET /bitbucket/rest/api/1.0/projects/CF/repos/config</c>.</summary>
    public static string Key(string method, string path) => $"{method} {path}";

    /// <summary>Bitbucket Data Center's 429 from its rate limiter, with its error body and <c>Retry-After</c>.</summary>
    public static HttpResponseMessage RateLimited()
    {
        var response = Errors(HttpStatusCode.TooManyRequests, "You have been rate limited. Please wait before making more requests.");
        response.Headers.Add("Retry-After", "30");
        return response;
    }

    /// <summary>Bitbucket's error body <c>{"errors":[{"context":null,"message":…,"exceptionName":null}]}</c> with the given status.</summary>
    public static HttpResponseMessage Errors(HttpStatusCode status, string message)
        => Json(status, $$"""{"errors":[{"context":null,"message":"{{message}}","exceptionName":null}]}""");

    /// <summary>A JSON answer with the given status and body.</summary>
    public static HttpResponseMessage Json(HttpStatusCode status, string body)
        => new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!answers.TryGetValue(Key(request.Method.Method, request.RequestUri!.AbsolutePath), out var answer))
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
