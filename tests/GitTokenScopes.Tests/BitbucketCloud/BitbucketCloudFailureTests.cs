// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GitTokenScopes.BitbucketCloud.Internal;
using GitTokenScopes.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.Tests.BitbucketCloud;

/// <summary>Rejections, rate limits, outages, time-outs and malformed answers: statuses, never missing scopes, never exceptions.</summary>
public sealed class BitbucketCloudFailureTests(BitbucketCloudInspectorFixture bitbucket) : IClassFixture<BitbucketCloudInspectorFixture>
{
    [Fact]
    public async Task InspectAsync_RevokedAppPassword_IsInvalidWithThePlainTextReason()
    {
        var credential = FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account");
        credential.Revoked = true;

        var inspection = await bitbucket.InspectAsync(credential);

        inspection.Status.Should().Be(InspectionStatus.Invalid);
        inspection.Granted.Should().BeNull();
        inspection.Message.Should().Contain("401").And.Contain("Login failed due to incorrect login credentials or method.");
        inspection.Message.Should().NotContain("developer.atlassian.com", "only the first line of the plain-text body is quoted");
        inspection.Message.Should().Contain("app password").And.Contain("2026-07-28").And.Contain("API token");
    }

    [Fact]
    public async Task InspectAsync_AppPasswordWithTheWrongUsername_IsInvalid()
    {
        var credential = FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account");
        bitbucket.Server.AddCredential(credential);

        var inspection = await bitbucket.Inspector.InspectAsync(new TokenInspectionRequest(
            new GitCredential(GitProvider.BitbucketCloud, credential.Secret, apiUrl: bitbucket.Server.ApiUrl, username: "bot@example.com")));

        inspection.Status.Should().Be(InspectionStatus.Invalid);
    }

    [Fact]
    public async Task InspectAsync_UnknownBearerToken_IsInvalid()
    {
        var inspection = await bitbucket.Inspector.InspectAsync(new TokenInspectionRequest(
            new GitCredential(GitProvider.BitbucketCloud, "ATCTT3xunknown", apiUrl: bitbucket.Server.ApiUrl)));

        inspection.Status.Should().Be(InspectionStatus.Invalid);
        inspection.Message.Should().Contain("unknown, expired or revoked");
        inspection.RequestCount.Should().Be(1);
    }

    [Fact]
    public async Task InspectAsync_AccessTokenWithoutRepositoryScope_Reads403DetailAsTheGrant()
    {
        var inspection = await bitbucket.InspectAsync(FakeBitbucketCloudCredential.RepositoryAccessToken("webhook", "repository:admin"));

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.Granted!.Scopes.Should().Equal("webhook", "repository:admin");
        inspection.Notes.Should().Contain(BitbucketCloudTokenInspector.AccessTokenNote);
    }

    [Fact]
    public async Task InspectAsync_403WithoutScopes_IsForbiddenAndNamesTheRequiredScope()
    {
        var credential = FakeBitbucketCloudCredential.ApiToken("bot@example.com", "read:repository:bitbucket");
        credential.OmitScopesHeader = true;
        credential.Scopes.Clear();

        var inspection = await bitbucket.InspectAsync(credential);

        // The 403 body still lists the (empty) grant: the credential is valid and holds nothing.
        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.Granted!.Scopes.Should().BeEmpty();
        inspection.Notes.Should().Contain(n => n.Contains("read:user:bitbucket", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InspectAsync_RateLimited_ReturnsPromptlyWithoutSleeping()
    {
        var credential = FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account");
        credential.RateLimited = true;
        var clock = Stopwatch.StartNew();

        var inspection = await bitbucket.InspectAsync(credential, [new("ws/config")]);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        inspection.Status.Should().Be(InspectionStatus.RateLimited);
        inspection.Granted.Should().BeNull("a rate-limited answer proves nothing about scopes");
        inspection.Message.Should().Contain("429");
        inspection.RequestCount.Should().Be(2);
    }

    [Fact]
    public async Task InspectAsync_RateLimitedAccessToken_ReportsBitbucketsRateLimitHeaders()
    {
        var credential = FakeBitbucketCloudCredential.RepositoryAccessToken("repository");
        credential.RateLimited = true;

        var inspection = await bitbucket.InspectAsync(credential);

        inspection.Status.Should().Be(InspectionStatus.RateLimited);
        inspection.RateLimit!.Limit.Should().Be(1000);
        inspection.RateLimit.Resource.Should().Be("api-repo");
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task InspectAsync_ServerError_IsProviderError(int status)
    {
        var credential = FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account");
        credential.ServerErrorStatus = status;

        var inspection = await bitbucket.InspectAsync(credential);

        inspection.Status.Should().Be(InspectionStatus.ProviderError);
        inspection.Message.Should().Contain(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        inspection.Granted.Should().BeNull();
    }

    [Fact]
    public async Task InspectAsync_SlowAnswer_IsUnreachableAfterTheRequestTimeout()
    {
        using var slow = new BitbucketCloudInspectorFixture(new FakeBitbucketCloudServerOptions(), o => o.RequestTimeout = TimeSpan.FromMilliseconds(200));
        var credential = FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account");
        credential.Delay = TimeSpan.FromSeconds(5);
        var clock = Stopwatch.StartNew();

        var inspection = await slow.InspectAsync(credential);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(4));
        inspection.Status.Should().Be(InspectionStatus.Unreachable);
        inspection.Message.Should().Contain("did not answer GET /user");
    }

    [Fact]
    public async Task InspectAsync_CallersCancellation_Throws()
    {
        var credential = FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account");
        credential.Delay = TimeSpan.FromSeconds(5);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var act = () => bitbucket.InspectAsync(credential, cancellationToken: cancel.Token);

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
            new GitCredential(GitProvider.BitbucketCloud, "secret-app-password", apiUrl: new Uri($"http://127.0.0.1:{port}/2.0/"), username: "codefresh-bot")));

        inspection.Status.Should().Be(InspectionStatus.Unreachable);
        inspection.Message.Should().Contain("could not be reached");
    }

    [Fact]
    public async Task InspectAsync_MalformedUserBody_IsProviderError()
    {
        var credential = FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account");
        credential.MalformedBodies = true;

        var inspection = await bitbucket.InspectAsync(credential);

        inspection.Status.Should().Be(InspectionStatus.ProviderError);
        inspection.Message.Should().Contain("does not parse as JSON");
    }

    [Fact]
    public async Task InspectAsync_UserAnsweredWithJsonThatIsNoAccount_IsProviderError()
    {
        // Bitbucket does not send this; a proxy in front of it might, and no account means the answer is not Bitbucket's.
        using var proxied = BitbucketCloudInspectorFixture.WithOverrides((AnswerOverride.Key("GET", "/2.0/user"), () => AnswerOverride.Json(
            HttpStatusCode.OK, """{"status": "ok"}""", ("x-oauth-scopes", "read:user:bitbucket"), ("x-credential-type", "api_token"))));

        var inspection = await proxied.InspectAsync(FakeBitbucketCloudCredential.ApiToken("bot@example.com", "read:user:bitbucket"));

        inspection.Status.Should().Be(InspectionStatus.ProviderError);
        inspection.Message.Should().Be("Bitbucket Cloud's answer to GET /user could not be read.");
        inspection.Account.Should().BeNull();
        inspection.Granted.Should().BeNull("the scopes came with an answer that is not Bitbucket's, as GitHub's inspector also rules");
        inspection.TokenType.Should().Be(TokenType.Unknown);
        inspection.RequestCount.Should().Be(1);
    }

    [Fact]
    public async Task InspectAsync_MalformedUserBodyOfAnOAuthToken_IsProviderError()
    {
        var credential = FakeBitbucketCloudCredential.OAuth("account");
        credential.MalformedBodies = true;

        var inspection = await bitbucket.InspectAsync(credential);

        inspection.Status.Should().Be(InspectionStatus.ProviderError);
    }

    [Fact]
    public async Task InspectAsync_PlainHttpToARemoteHost_IsMisconfiguredWithoutARequest()
    {
        var inspection = await bitbucket.Inspector.InspectAsync(new TokenInspectionRequest(
            new GitCredential(GitProvider.BitbucketCloud, "secret", apiUrl: new Uri("http://bitbucket.example.com/2.0/"), username: "bot")));

        inspection.Status.Should().Be(InspectionStatus.Misconfigured);
        inspection.RequestCount.Should().Be(0);
    }

    [Fact]
    public async Task InspectAsync_ApiTokenWithoutUsername_IsMisconfiguredWithoutARequest()
    {
        bitbucket.Server.ResetRequests();

        var inspection = await bitbucket.Inspector.InspectAsync(new TokenInspectionRequest(
            new GitCredential(GitProvider.BitbucketCloud, FakeBitbucketCloudCredential.ApiToken("bot@example.com").Secret, apiUrl: bitbucket.Server.ApiUrl)));

        inspection.Status.Should().Be(InspectionStatus.Misconfigured);
        inspection.TokenType.Should().Be(TokenType.BitbucketApiToken);
        inspection.Message.Should().Contain("e-mail");
        bitbucket.Server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task InspectAsync_UserNameWithAColon_IsMisconfiguredWithoutARequest()
    {
        var credential = bitbucket.Server.AddCredential(FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account"));
        bitbucket.Server.ResetRequests();

        var inspection = await bitbucket.Inspector.InspectAsync(new TokenInspectionRequest(
            new GitCredential(GitProvider.BitbucketCloud, credential.Secret, apiUrl: bitbucket.Server.ApiUrl, username: "codefresh:bot")));

        inspection.Status.Should().Be(InspectionStatus.Misconfigured);
        inspection.Message.Should().Be("A Basic authentication user name cannot contain ':'.");
        inspection.RequestCount.Should().Be(0);
        bitbucket.Server.Requests.Should().BeEmpty("Basic would split the user name at the colon and send the rest as part of the secret");
    }

    [Fact]
    public async Task InspectAsync_CredentialOfAnotherProvider_IsMisconfigured()
    {
        var inspection = await bitbucket.Inspector.InspectAsync(new TokenInspectionRequest(new GitCredential(GitProvider.GitHub, "ghp_x")));

        inspection.Status.Should().Be(InspectionStatus.Misconfigured);
    }

    [Fact]
    public async Task InspectAsync_NullRequest_Throws()
    {
        var act = () => bitbucket.Inspector.InspectAsync(null!);

        (await act.Should().ThrowAsync<ArgumentNullException>()).Which.ParamName.Should().Be("request");
    }
}

/// <summary>The Git user names of Bitbucket tokens, given as the credential's user name.</summary>
public sealed class BitbucketCloudGitUsernameTests(BitbucketCloudInspectorFixture bitbucket) : IClassFixture<BitbucketCloudInspectorFixture>
{
    [Fact]
    public async Task InspectAsync_AccessTokenWithXTokenAuth_StillAuthenticatesAsBearer()
    {
        var token = bitbucket.Server.AddCredential(FakeBitbucketCloudCredential.RepositoryAccessToken("repository"));
        bitbucket.Server.ResetRequests();

        var inspection = await bitbucket.Inspector.InspectAsync(new TokenInspectionRequest(
            new GitCredential(GitProvider.BitbucketCloud, token.Secret, apiUrl: bitbucket.Server.ApiUrl, username: "x-token-auth")));

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.TokenType.Should().Be(TokenType.BitbucketRepositoryAccessToken);
        bitbucket.Server.Requests.Should().OnlyContain(r => r.AuthenticationScheme == "Bearer");
    }

    [Fact]
    public async Task InspectAsync_ApiTokenWithItsGitUsername_IsMisconfigured()
    {
        var inspection = await bitbucket.Inspector.InspectAsync(new TokenInspectionRequest(
            new GitCredential(GitProvider.BitbucketCloud, FakeBitbucketCloudCredential.ApiToken("bot@example.com").Secret, apiUrl: bitbucket.Server.ApiUrl, username: "x-bitbucket-api-token-auth")));

        inspection.Status.Should().Be(InspectionStatus.Misconfigured);
        inspection.Message.Should().Contain("e-mail");
        inspection.RequestCount.Should().Be(0);
    }
}

/// <summary>Answers the fake does not give, from a stub primary handler: JSON 401s and 403s without any scope list.</summary>
public sealed class BitbucketCloudStubbedAnswerTests
{
    [Fact]
    public async Task InspectAsync_JsonUnauthorizedBody_IsInvalidWithItsMessage()
    {
        var inspection = await InspectAsync(401, """{"type": "error", "error": {"message": "Token is invalid, expired, or not supported for this endpoint."}}""");

        inspection.Status.Should().Be(InspectionStatus.Invalid);
        inspection.Message.Should().Contain("Token is invalid, expired, or not supported for this endpoint.");
    }

    [Fact]
    public async Task InspectAsync_ForbiddenWithoutScopes_IsForbidden()
    {
        var inspection = await InspectAsync(403, """{"type": "error", "error": {"message": "Forbidden"}}""");

        inspection.Status.Should().Be(InspectionStatus.Forbidden);
        inspection.Granted.Should().BeNull();
        inspection.Message.Should().Contain("403: Forbidden");
    }

    [Fact]
    public async Task InspectAsync_ForbiddenNamingTheRequiredScope_SaysWhichScope()
    {
        var inspection = await InspectAsync(403, """{"type": "error", "error": {"message": "Your credentials lack one or more required privilege scopes.", "detail": {"required": ["read:user:bitbucket"]}}}""");

        inspection.Status.Should().Be(InspectionStatus.Forbidden);
        inspection.Message.Should().Contain("it requires read:user:bitbucket");
    }

    [Fact]
    public async Task InspectAsync_Redirect_IsProviderErrorAndNotFollowed()
    {
        var inspection = await InspectAsync(302, string.Empty);

        inspection.Status.Should().Be(InspectionStatus.ProviderError);
        inspection.RequestCount.Should().Be(1);
    }

    private static async Task<TokenInspection> InspectAsync(int status, string body)
    {
        var services = new ServiceCollection();
        services.AddGitTokenScopes().AddBitbucketCloud();

        // Registered after the library's own registration, so that this primary handler wins.
        services.AddHttpClient(GitTokenScopesHttpClientNames.BitbucketCloud).ConfigurePrimaryHttpMessageHandler(() => new StubHandler(status, body));
        using var provider = services.BuildServiceProvider();
        var inspector = provider.GetServices<ITokenInspector>().Single();
        return await inspector.InspectAsync(new TokenInspectionRequest(new GitCredential(GitProvider.BitbucketCloud, "ATATT3xsecret", username: "bot@example.com")));
    }

    private sealed class StubHandler(int status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body) };
            if (status == 302)
            {
                response.Headers.Location = new Uri("https://elsewhere.example.com/");
            }

            return Task.FromResult(response);
        }
    }
}
