// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using GitTokenScopes.GitHub;
using GitTokenScopes.Providers.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitTokenScopes.Tests.Transport;

/// <summary>The one session every inspector sends through: its answer, its time-out (body included), its messages and its cap.</summary>
public sealed class ProviderSessionTests
{
    private const string Token = "ghp_ssssssssssssssssssssssssssssssssssss";

    [Fact]
    public async Task Answer_CarriesStatusBodyAndHeaders_LookedUpIgnoringCase()
    {
        using var session = Session(new AnsweringHandler());

        var answer = await session.SendAsync(HttpMethod.Get, "user", null, CancellationToken.None);

        answer.StatusCode.Should().Be(200);
        answer.IsSuccess.Should().BeTrue();
        answer.Body.Should().Be("""{"login":"octocat","message":"hello"}""");
        answer.Header("x-oauth-scopes").Should().Be("repo, gist", "repeated values are joined");
        answer.Header("X-RateLimit-Remaining").Should().Be("4999");
        answer.Header("content-type").Should().Be("application/json; charset=utf-8", "content headers are read too");
        answer.Header("X-Accepted-OAuth-Scopes").Should().BeEmpty();
        answer.Header("retry-after").Should().BeNull();
        answer.ErrorMessage().Should().Be("hello");
        session.RequestCount.Should().Be(1);
    }

    [Fact]
    public async Task Request_CarriesUserAgentAcceptBodyAndTheProvidersHeaders()
    {
        var handler = new AnsweringHandler();
        using var session = Session(handler);

        await session.SendAsync(HttpMethod.Post, "repos/o/r/pulls", "{}", CancellationToken.None);

        var request = handler.Last!;
        request.Headers.UserAgent.ToString().Should().StartWith("GitTokenScopes/");
        request.Headers.Accept.ToString().Should().Be("application/json");
        request.Headers.GetValues("PRIVATE-TOKEN").Should().Equal(Token);
        request.RequestUri.Should().Be(new Uri("http://127.0.0.1:1/api/repos/o/r/pulls"));
        handler.LastBody.Should().Be("{}");
        handler.LastContentType.Should().Be("application/json");
    }

    [Fact]
    public async Task BodyThatStalls_TimesOutAsUnreachable()
    {
        using var session = Session(new StallingBodyHandler(), TimeSpan.FromMilliseconds(200));

        // The guard only stops a hang from blocking the run; the assertion is the exception, not a duration.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var act = () => session.SendAsync(HttpMethod.Get, "user?per_page=100", null, guard.Token);

        var thrown = await act.Should().ThrowAsync<ProviderUnreachableException>();
        thrown.Which.Message.Should().Be("Test did not answer GET /user within 0.2 s.", "the path is named, never the query or a header");
        guard.IsCancellationRequested.Should().BeFalse();
    }

    [Fact]
    public async Task TransportFailure_IsUnreachable_AndTrySendSaysWhy()
    {
        using var session = Session(new FailingHandler());

        var reply = await session.TrySendAsync(HttpMethod.Get, "projects/a%2Fb", null, CancellationToken.None);

        reply.Answer.Should().BeNull();
        reply.Unreachable.Should().Be("Test could not be reached for GET /projects/a%2Fb: Connection refused (127.0.0.1:1)").And.NotContain(Token);
    }

    [Fact]
    public async Task CallerCancellation_Throws_AndIsNotUnreachable()
    {
        using var session = Session(new StallingBodyHandler());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var act = () => session.TrySendAsync(HttpMethod.Get, "user", null, cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task RequestsInFlight_AreCappedAtMaxConcurrentRequests()
    {
        var handler = new CountingHandler();
        using var session = Session(handler, maxConcurrentRequests: 2);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => session.SendAsync(HttpMethod.Get, $"r{i}", null, CancellationToken.None)));

        handler.MostInFlight.Should().Be(2);
        session.RequestCount.Should().Be(6);
    }

    private static ProviderSession Session(HttpMessageHandler handler, TimeSpan? timeout = null, int maxConcurrentRequests = 8)
    {
        var options = new GitHubInspectorOptions { RequestTimeout = timeout ?? TimeSpan.FromSeconds(30), MaxConcurrentRequests = maxConcurrentRequests };
        var client = new HttpClient(handler);
        return new ProviderSession("Test", new Uri("http://127.0.0.1:1/api/"), options, TimeProvider.System, NullLogger.Instance, "sha256:test",
            (r, ct) => client.SendAsync(r, HttpCompletionOption.ResponseHeadersRead, ct), r => r.Headers.TryAddWithoutValidation("PRIVATE-TOKEN", Token), client);
    }

    private sealed class AnsweringHandler : HttpMessageHandler
    {
        public HttpRequestMessage? Last { get; private set; }

        public string? LastBody { get; private set; }

        public string? LastContentType { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Last = request;
            LastBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            LastContentType = request.Content?.Headers.ContentType?.MediaType;
            var response = new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"login":"octocat","message":"hello"}""", System.Text.Encoding.UTF8, "application/json"),
                RequestMessage = request,
            };
            response.Headers.TryAddWithoutValidation("X-OAuth-Scopes", "repo");
            response.Headers.TryAddWithoutValidation("X-OAuth-Scopes", "gist");
            response.Headers.TryAddWithoutValidation("X-RateLimit-Remaining", "4999");
            response.Headers.TryAddWithoutValidation("X-Accepted-OAuth-Scopes", string.Empty);
            return response;
        }
    }

    private sealed class FailingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:1)");
    }

    private sealed class CountingHandler : HttpMessageHandler
    {
        private int _inFlight;
        private int _most;

        public int MostInFlight => Volatile.Read(ref _most);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref _most)) && Interlocked.CompareExchange(ref _most, now, seen) != seen)
            {
            }

            await Task.Delay(50, cancellationToken);
            Interlocked.Decrement(ref _inFlight);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        }
    }

    private sealed class StallingBodyHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StallingContent(), RequestMessage = request });
    }

    /// <summary>Headers arrive; the body never does until the read is cancelled.</summary>
    private sealed class StallingContent : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => Task.Delay(Timeout.Infinite);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

        // As a socket's body stream: reading waits for bytes that never come, until the read is cancelled.
        protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => Task.FromResult(new System.IO.Pipelines.Pipe().Reader.AsStream());

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
