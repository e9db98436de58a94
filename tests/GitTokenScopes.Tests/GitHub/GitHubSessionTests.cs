// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using GitTokenScopes.GitHub;
using GitTokenScopes.GitHub.Internal;

namespace GitTokenScopes.Tests.GitHub;

/// <summary>The session's time-out bounds the whole exchange: Octokit returns at the headers, and the body is read after.</summary>
public sealed class GitHubSessionTests
{
    [Fact]
    public async Task BodyThatStalls_TimesOutAsUnreachable()
    {
        var adapter = new GitHubHttpAdapter(() => new StallingBodyHandler());
        using var session = new GitHubSession(adapter, new Uri("http://127.0.0.1:1/"), "ghp_" + new string('s', 36), new GitHubInspectorOptions { RequestTimeout = TimeSpan.FromMilliseconds(200) });

        // The guard only stops a hang from blocking the run; the assertion is the exception, not a duration.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var act = () => session.SendAsync(HttpMethod.Get, "user", withEmptyBody: false, guard.Token);

        var thrown = await act.Should().ThrowAsync<GitHubUnreachableException>();
        thrown.Which.Message.Should().Contain("did not answer GET user").And.NotContain("ghp_");
        guard.IsCancellationRequested.Should().BeFalse();
    }

    [Fact]
    public async Task Answer_CarriesStatusBodyAndHeaders()
    {
        var adapter = new GitHubHttpAdapter(() => new AnsweringHandler());
        using var session = new GitHubSession(adapter, new Uri("http://127.0.0.1:1/"), "ghp_" + new string('s', 36), new GitHubInspectorOptions());

        var answer = await session.SendAsync(HttpMethod.Get, "user", withEmptyBody: false, CancellationToken.None);

        answer.StatusCode.Should().Be(200);
        answer.Body.Should().Be("""{"login":"octocat"}""");
        answer.Header("x-oauth-scopes").Should().Be("repo", "the first of repeated values, as Octokit gave them");
        answer.Header("X-RateLimit-Remaining").Should().Be("4999");
        answer.Header("retry-after").Should().BeNull();
        session.RequestCount.Should().Be(1);
    }

    private sealed class StallingBodyHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StallingContent(), RequestMessage = request });
    }

    private sealed class AnsweringHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"login":"octocat"}"""), RequestMessage = request };
            response.Headers.TryAddWithoutValidation("X-OAuth-Scopes", "repo");
            response.Headers.TryAddWithoutValidation("X-OAuth-Scopes", "gist");
            response.Headers.TryAddWithoutValidation("X-RateLimit-Remaining", "4999");
            return Task.FromResult(response);
        }
    }

    /// <summary>Headers arrive; the body never does until the read is cancelled.</summary>
    private sealed class StallingContent : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => Task.Delay(Timeout.Infinite);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
