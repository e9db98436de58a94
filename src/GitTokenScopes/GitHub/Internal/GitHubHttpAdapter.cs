// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using System.Net.Http.Headers;
using GitTokenScopes.Internal;
using Octokit;
using Octokit.Internal;

namespace GitTokenScopes.GitHub.Internal;

/// <summary>
/// Octokit's HTTP adapter (its request building, and its redirects that drop <c>Authorization</c> off the host) with a
/// leaner answer. The inspector reads the status, the body and a few headers; Octokit's own answer parses every header
/// into an <see cref="ApiInfo"/> (rate limits, links, scopes) and copies them all into a dictionary, per request.
/// </summary>
internal sealed class GitHubHttpAdapter : HttpClientAdapter
{
    private static readonly HttpRequestOptionsKey<CancellationToken> BodyCancellation = new("GitTokenScopes.GitHub.BodyCancellation");

    public GitHubHttpAdapter(Func<HttpMessageHandler> handler)
        : base(handler)
    {
        // The session's time-out governs each request: the HttpClient would otherwise arm a 100 s timer of its own per
        // request (and cut a longer RequestTimeout short). Set before the first request, as HttpClient requires.
        SetRequestTimeout(Timeout.InfiniteTimeSpan);
    }

    /// <summary>Builds Octokit's message and keeps the session's token on it for <see cref="BuildResponse"/> (a redirect's copy keeps it too).</summary>
    protected override HttpRequestMessage BuildRequestMessage(IRequest request)
    {
        var message = base.BuildRequestMessage(request);
        if (request is GitHubRequest { Cancellation: var cancellation })
        {
            message.Options.Set(BodyCancellation, cancellation);
        }

        return message;
    }

    protected override async Task<IResponse> BuildResponse(HttpResponseMessage responseMessage, Func<object, object> preprocessResponseBody)
    {
        ArgumentNullException.ThrowIfNull(responseMessage);
        using (responseMessage)
        {
            // GitHub's API answers JSON (or nothing); the headers are the response's own, first value of each, as Octokit gave them.
            var cancellation = responseMessage.RequestMessage?.Options.TryGetValue(BodyCancellation, out var token) == true ? token : default;
            var body = await responseMessage.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
            var headers = new HttpAnswerHeaders(responseMessage.Headers, content: null, separator: null);
            return new Answer(responseMessage.StatusCode, body, headers, responseMessage.Content.Headers);
        }
    }

    private sealed class Answer(HttpStatusCode statusCode, string body, IReadOnlyDictionary<string, string> headers, HttpContentHeaders contentHeaders) : IResponse
    {
        public object Body { get; } = body;

        public IReadOnlyDictionary<string, string> Headers { get; } = headers;

        // Not computed: nothing here reads it.
        public ApiInfo ApiInfo => null!;

        public HttpStatusCode StatusCode { get; } = statusCode;

        // Parsed only if asked for: nothing here reads it.
        public string ContentType => contentHeaders.ContentType?.MediaType!;
    }
}
