// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using System.Text;

namespace GitTokenScopes.Tests.GitLab;

/// <summary>
/// A handler in the GitLab client's pipeline that answers chosen requests itself (or fails them as a lost connection)
/// and passes every other one to the fake: for answers the fake never gives, such as a <c>/self</c> body saying
/// <c>revoked: true</c> or a <c>POST /projects</c> answered 201.
/// </summary>
internal sealed class GitLabAnswerOverride(IReadOnlyDictionary<string, Func<HttpResponseMessage>?> answers) : DelegatingHandler
{
    private const string Api = "/api/v4";

    /// <summary>The key of one request in <c>answers</c>: method and path relative to the API, decoded, as the fake records it (<c>GET /projects/acme/app</c>).</summary>
    public static string Key(string method, string path) => $"{method} {path}";

    /// <summary>A JSON answer, as GitLab's API sends every answer it renders itself.</summary>
    public static HttpResponseMessage Json(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    /// <summary>Rack::Attack's throttled answer: 429 <c>Retry later</c> with <c>Retry-After</c> and the <c>RateLimit-*</c> headers.</summary>
    public static HttpResponseMessage Throttled()
    {
        var reset = DateTimeOffset.UtcNow.AddSeconds(60);
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("Retry later\n", Encoding.UTF8, "text/plain") };
        response.Headers.TryAddWithoutValidation("RateLimit-Name", "throttle_authenticated_api");
        response.Headers.TryAddWithoutValidation("RateLimit-Limit", "2000");
        response.Headers.TryAddWithoutValidation("RateLimit-Observed", "2001");
        response.Headers.TryAddWithoutValidation("RateLimit-Remaining", "0");
        response.Headers.TryAddWithoutValidation("RateLimit-Reset", reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.TryAddWithoutValidation("RateLimit-ResetTime", reset.ToString("r", System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.TryAddWithoutValidation("Retry-After", "60");
        return response;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = Uri.UnescapeDataString(request.RequestUri!.AbsolutePath);
        var at = path.IndexOf(Api + "/", StringComparison.Ordinal);
        if (at < 0 || !answers.TryGetValue(Key(request.Method.Method, path[(at + Api.Length)..]), out var answer))
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
