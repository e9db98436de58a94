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
