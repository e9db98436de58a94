// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using System.Text;

namespace GitTokenScopes.Tests.GitHub;

/// <summary>
/// A handler in the GitHub client's pipeline that answers chosen requests itself (or fails them as a lost connection)
/// and passes every other one to the fake: for combinations the fake never produces, such as a repository hidden from
/// its GET while a write probe on it answers 2xx.
/// </summary>
internal sealed class GitHubAnswerOverride(IReadOnlyDictionary<string, Func<HttpResponseMessage>?> answers) : DelegatingHandler
{
    /// <summary>The key of one request in <c>answers</c>: method and path, as in <c>GET /repos/o/r</c>.</summary>
    public static string Key(string method, string path) => $"{method} {path}";

    /// <summary>GitHub's 404 for a repository the token cannot see.</summary>
    public static HttpResponseMessage NotFound() => Json(HttpStatusCode.NotFound, """{"message":"Not Found","status":"404"}""");

    /// <summary>GitHub's secondary rate limit.</summary>
    public static HttpResponseMessage RateLimited()
    {
        var response = Json(HttpStatusCode.Forbidden, """{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again."}""");
        response.Headers.Add("Retry-After", "60");
        return response;
    }

    /// <summary>GitHub's 502 page from its front end: HTML, not the API's JSON.</summary>
    public static HttpResponseMessage BadGateway()
        => new(HttpStatusCode.BadGateway)
        {
            Content = new StringContent("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n", Encoding.UTF8, "text/html"),
        };

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
        return answer is null
            ? throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection reset by peer (127.0.0.1)")
            : Task.FromResult(WithRequest(answer(), request));
    }

    private static HttpResponseMessage WithRequest(HttpResponseMessage response, HttpRequestMessage request)
    {
        response.RequestMessage = request;
        return response;
    }
}
