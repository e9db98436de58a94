// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.Tests.GitHub;

/// <summary>
/// When the identity call cannot reach GitHub, the inspection ends unreachable; the repository calls sent with it must
/// have settled by then, not go on running on a session that is gone.
/// </summary>
public sealed class GitHubRequestLifetimeTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task IdentityUnreachable_NoRepositoryCallOutlivesTheInspection(bool fineGrained)
    {
        var slow = new SlowRepositoryReads();
        using var github = new GitHubInspectorFixture(new FakeGitHubServerOptions(), configureServices: services =>
        {
            services.Configure<GitTokenScopesOptions>(o => o.Resilience.MaxRetryAttempts = 0);
            services.AddHttpClient(GitTokenScopesHttpClientNames.GitHub).AddHttpMessageHandler(() => slow);
        });
        github.Server.AddRepository(new FakeGitHubRepository { FullName = "lifetime/app" });
        var token = fineGrained ? FakeGitHubToken.FineGrained() : FakeGitHubToken.Classic("repo");

        var inspection = await github.InspectAsync(
            token,
            [new RepositoryRequest("lifetime/app", RepositoryAccess.ReadWrite)],
            [GitHubInspectorFixture.Requirement(TokenKind.Runtime, fineGrained ? TokenFamily.FineGrained : TokenFamily.Classic)]);

        inspection.Status.Should().Be(InspectionStatus.Unreachable);
        slow.Started.Should().BeGreaterThan(0);
        slow.Running.Should().Be(0, "every request the inspection sent had settled when it returned");
    }

    [Fact]
    public async Task BodyThatStalls_TimesOutAsUnreachable()
    {
        using var github = new GitHubInspectorFixture(new FakeGitHubServerOptions(), o => o.RequestTimeout = TimeSpan.FromMilliseconds(300), services =>
            services.AddHttpClient(GitTokenScopesHttpClientNames.GitHub).AddHttpMessageHandler(() => new StallingBody()));

        var inspection = await github.InspectAsync(FakeGitHubToken.Classic("repo"));

        inspection.Status.Should().Be(InspectionStatus.Unreachable);
        inspection.Message.Should().Be("GitHub did not answer GET /user within 0.3 s.");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task HostHandlerOnTheNamedClient_SeesEveryGitHubRequest_WithGitHubsHeaders(bool fineGrained)
    {
        var counting = new Counting();
        using var github = new GitHubInspectorFixture(new FakeGitHubServerOptions(), configureServices: services =>
            services.AddHttpClient(GitTokenScopesHttpClientNames.GitHub)
                .ConfigureHttpClient(c => c.DefaultRequestHeaders.Add("X-Host", "tagged"))
                .AddHttpMessageHandler(() => counting));
        github.Server.AddRepository(new FakeGitHubRepository { FullName = "host/app" });
        var token = fineGrained ? FakeGitHubToken.FineGrained() : FakeGitHubToken.Classic("repo");

        var inspection = await github.InspectAsync(
            token,
            [new RepositoryRequest("host/app", RepositoryAccess.ReadWrite)],
            [GitHubInspectorFixture.Requirement(TokenKind.Runtime, fineGrained ? TokenFamily.FineGrained : TokenFamily.Classic)]);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.RequestCount.Should().BeGreaterThan(1);
        counting.Seen.Should().Be(inspection.RequestCount, "the host's handler sits in the chain of every GitHub request");
        counting.Tagged.Should().Be(inspection.RequestCount, "the host's client settings reach every GitHub request");
        counting.GitHubVersioned.Should().Be(
            inspection.RequestCount, "every request asks for application/vnd.github+json alone and pins X-GitHub-Api-Version: 2022-11-28 (PROVIDERS.md §1)");
    }

    /// <summary>Counts the requests that pass it, those the host tagged, and those with GitHub's media type and API version.</summary>
    private sealed class Counting : DelegatingHandler
    {
        private int _seen;
        private int _tagged;
        private int _versioned;

        public int Seen => Volatile.Read(ref _seen);

        public int Tagged => Volatile.Read(ref _tagged);

        public int GitHubVersioned => Volatile.Read(ref _versioned);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _seen);
            if (request.Headers.TryGetValues("X-Host", out var values) && values.Single() == "tagged")
            {
                Interlocked.Increment(ref _tagged);
            }

            if (request.Headers.Accept.Select(a => a.ToString()).SequenceEqual(["application/vnd.github+json"])
                && request.Headers.TryGetValues("X-GitHub-Api-Version", out var version) && version.Single() == "2022-11-28")
            {
                Interlocked.Increment(ref _versioned);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Answers with headers and a body that never arrives until the read is cancelled.</summary>
    private sealed class StallingBody : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StallingContent(), RequestMessage = request });
    }

    private sealed class StallingContent : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => Task.Delay(Timeout.Infinite);

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    /// <summary>Fails <c>GET /user</c> like a reset connection at once, and holds every other request for a while.</summary>
    private sealed class SlowRepositoryReads : DelegatingHandler
    {
        private int _started;
        private int _running;

        public int Started => Volatile.Read(ref _started);

        public int Running => Volatile.Read(ref _running);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/user", StringComparison.Ordinal))
            {
                throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection reset by peer (127.0.0.1)");
            }

            Interlocked.Increment(ref _started);
            Interlocked.Increment(ref _running);
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300), cancellationToken).ConfigureAwait(false);
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }
    }
}
