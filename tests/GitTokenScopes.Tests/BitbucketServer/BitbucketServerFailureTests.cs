// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GitTokenScopes.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.Tests.BitbucketServer;

/// <summary>Rejections, rate limits, outages, time-outs and bad addresses: statuses, never missing permissions, never exceptions.</summary>
public sealed class BitbucketServerFailureTests(BitbucketServerInspectorFixture bitbucket) : IClassFixture<BitbucketServerInspectorFixture>
{
    private const string ConfigPath = "/bitbucket/rest/api/1.0/projects/CF/repos/config";

    [Fact]
    public async Task InspectAsync_RevokedToken_IsInvalidWithTheServersMessage()
    {
        var token = FakeBitbucketServerToken.Personal("codefresh-bot", "REPO_READ");
        token.Revoked = true;

        var inspection = await bitbucket.InspectAsync(token);

        inspection.Status.Should().Be(InspectionStatus.Invalid);
        inspection.Message.Should().Contain("401").And.Contain("Authentication failed. Please check your credentials and try again.");
        inspection.Granted.Should().BeNull();
        inspection.RequestCount.Should().Be(1);
    }

    [Fact]
    public async Task InspectAsync_RateLimited_ReturnsPromptlyWithRetryAfter()
    {
        var token = FakeBitbucketServerToken.Personal("codefresh-bot", "REPO_READ");
        token.RateLimited = true;
        var clock = Stopwatch.StartNew();

        var inspection = await bitbucket.InspectAsync(token, [new("CF/config")]);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "the inspector never waits for Retry-After");
        inspection.Status.Should().Be(InspectionStatus.RateLimited);
        inspection.RateLimit!.RetryAfter.Should().Be(TimeSpan.FromSeconds(30));
        inspection.Message.Should().Contain("retry after 30 s");
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task InspectAsync_ServerError_IsProviderError(int status)
    {
        var token = FakeBitbucketServerToken.Personal("codefresh-bot", "REPO_READ");
        token.ServerErrorStatus = status;

        var inspection = await bitbucket.InspectAsync(token);

        inspection.Status.Should().Be(InspectionStatus.ProviderError);
        inspection.Message.Should().Contain(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task InspectAsync_RepositoryRateLimited_FailsTheInspectionAndLeavesTheRepositoryUnknown()
    {
        using var limited = BitbucketServerInspectorFixture.WithOverrides(metadataReadable: true, (AnswerOverride.Key("GET", ConfigPath), BitbucketServerAnswers.RateLimited));

        var inspection = await limited.InspectAsync(WriterToken(), [new("CF/config")]);

        inspection.Status.Should().Be(InspectionStatus.RateLimited, "a rate limit is a fact about the token, whichever request met it");
        inspection.Message.Should().Be("Bitbucket Server's rate limit was reached; retry after 30 s.");
        inspection.RateLimit!.RetryAfter.Should().Be(TimeSpan.FromSeconds(30));
        inspection.Repositories.Single().Should().Match<RepositoryAccessResult>(r =>
            r.State == RepositoryAccessState.Unknown && r.Message == "Not checked: Bitbucket Server's rate limit was reached.");
    }

    [Fact]
    public async Task InspectAsync_RepositoryAnsweredWithJsonThatIsNoRepository_IsUnknownAndNotProbed()
    {
        // Bitbucket does not send this; a proxy in front of it might, and the inspector must not read it as a verdict.
        using var proxied = BitbucketServerInspectorFixture.WithOverrides(metadataReadable: true, (AnswerOverride.Key("GET", ConfigPath), () => AnswerOverride.Json(HttpStatusCode.OK, """{"status":"ok"}""")));

        var inspection = await proxied.InspectAsync(WriterToken(), [new("CF/config")]);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.Repositories.Single().Should().Match<RepositoryAccessResult>(r =>
            r.State == RepositoryAccessState.Unknown && r.CanWrite == null && r.Message == "Bitbucket Server's answer could not be read.");
        proxied.Server.Requests.Should().NotContain(r => r.Method == "POST", "only a repository the server showed is probed");
    }

    [Fact]
    public async Task InspectAsync_RepositoryAnsweredWithAServerError_IsUnknownQuotingTheServer()
    {
        using var failing = BitbucketServerInspectorFixture.WithOverrides(metadataReadable: true, (AnswerOverride.Key("GET", ConfigPath), () => BitbucketServerAnswers.Errors(
            HttpStatusCode.InternalServerError, "An error occurred while processing the request. Check the server logs for more information.")));

        var inspection = await failing.InspectAsync(WriterToken(), [new("CF/config")]);

        inspection.Status.Should().Be(InspectionStatus.Ok, "the token's own entry gave its permissions; one repository's outage says nothing about them");
        inspection.Granted!.Scopes.Should().Contain("REPO_WRITE");
        inspection.Repositories.Single().Should().Match<RepositoryAccessResult>(r =>
            r.State == RepositoryAccessState.Unknown
            && r.Message == "Bitbucket Server answered 500 (An error occurred while processing the request. Check the server logs for more information.).");
    }

    [Fact]
    public async Task InspectAsync_SlowServer_IsUnreachableAfterTheRequestTimeout()
    {
        using var slow = new BitbucketServerInspectorFixture(new FakeBitbucketServerOptions(), o => o.RequestTimeout = TimeSpan.FromMilliseconds(200));
        var token = FakeBitbucketServerToken.Personal("codefresh-bot", "REPO_READ");
        token.Delay = TimeSpan.FromSeconds(5);

        var inspection = await slow.InspectAsync(token);

        inspection.Status.Should().Be(InspectionStatus.Unreachable);
        inspection.Message.Should().Contain("did not answer");
    }

    [Fact]
    public async Task InspectAsync_CallersCancellation_Throws()
    {
        var token = FakeBitbucketServerToken.Personal("codefresh-bot", "REPO_READ");
        token.Delay = TimeSpan.FromSeconds(5);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var act = () => bitbucket.InspectAsync(token, cancellationToken: cancel.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task InspectAsync_ConnectionRefused_IsUnreachable()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var inspection = await bitbucket.Inspector.InspectAsync(new TokenInspectionRequest(
            new GitCredential(GitProvider.BitbucketServer, "BBDC-secret", serverUrl: new Uri($"http://127.0.0.1:{port}/bitbucket"))));

        inspection.Status.Should().Be(InspectionStatus.Unreachable);
        inspection.Message.Should().Contain("could not be reached");
    }

    [Fact]
    public async Task InspectAsync_WrongContextPath_IsProviderErrorNotInvalid()
    {
        var token = bitbucket.Server.AddToken(FakeBitbucketServerToken.Personal("codefresh-bot", "REPO_READ"));
        var root = new Uri(bitbucket.Server.Url, "/");

        var inspection = await bitbucket.Inspector.InspectAsync(new TokenInspectionRequest(new GitCredential(GitProvider.BitbucketServer, token.Value, serverUrl: root)));

        inspection.Status.Should().Be(InspectionStatus.ProviderError);
        inspection.Message.Should().Contain("404");
    }

    [Theory]
    [InlineData(null, null, "server URL")]
    [InlineData("http://bitbucket.example.com", null, "plain HTTP")]
    [InlineData("https://bitbucket.org", null, "Bitbucket Cloud")]
    public async Task InspectAsync_BadAddress_IsMisconfiguredWithoutARequest(string? server, string? api, string message)
    {
        var inspection = await bitbucket.Inspector.InspectAsync(new TokenInspectionRequest(
            new GitCredential(GitProvider.BitbucketServer, "BBDC-x", server is null ? null : new Uri(server), api is null ? null : new Uri(api))));

        inspection.Status.Should().Be(InspectionStatus.Misconfigured);
        inspection.Message.Should().Contain(message);
        inspection.RequestCount.Should().Be(0);
    }

    [Fact]
    public async Task InspectAsync_NullRequest_Throws()
    {
        var act = () => bitbucket.Inspector.InspectAsync(null!);

        (await act.Should().ThrowAsync<ArgumentNullException>()).Which.ParamName.Should().Be("request");
    }

    private static FakeBitbucketServerToken WriterToken()
        => FakeBitbucketServerToken.Personal("codefresh-bot", "PROJECT_READ", "REPO_WRITE").WithRepository("CF/config", "REPO_WRITE");
}

/// <summary>A server that answers every request with 200 and no <c>X-AUSERNAME</c>: the token was not accepted (anonymous access).</summary>
public sealed class BitbucketServerAnonymousTests
{
    [Fact]
    public async Task InspectAsync_AnswerWithoutXAusername_IsInvalid()
    {
        var services = new ServiceCollection();
        services.AddGitTokenScopes().AddBitbucketServer();

        // Registered after the library's own registration, so that this primary handler wins.
        services.AddHttpClient(GitTokenScopesHttpClientNames.BitbucketServer).ConfigurePrimaryHttpMessageHandler(() => new AnonymousHandler());
        using var provider = services.BuildServiceProvider();
        var inspector = provider.GetServices<ITokenInspector>().Single();

        var inspection = await inspector.InspectAsync(new TokenInspectionRequest(new GitCredential(GitProvider.BitbucketServer, "BBDC-anything", serverUrl: new Uri("https://bitbucket.example.com"))));

        inspection.Status.Should().Be(InspectionStatus.Invalid);
        inspection.Message.Should().Contain("X-AUSERNAME");
        inspection.RequestCount.Should().Be(1);
    }

    private sealed class AnonymousHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"version":"8.19.1","displayName":"Bitbucket"}""", System.Text.Encoding.UTF8, "application/json") });
    }
}
