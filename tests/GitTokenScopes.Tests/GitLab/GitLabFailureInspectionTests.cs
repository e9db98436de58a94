// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GitTokenScopes.Testing;

namespace GitTokenScopes.Tests.GitLab;

/// <summary>Rejected tokens, rate limits, outages, malformed answers and tokens that are not access tokens: never a crash, never missing scopes.</summary>
public sealed class GitLabFailureInspectionTests(GitLabInspectorFixture gitlab) : IClassFixture<GitLabInspectorFixture>
{
    [Fact]
    public async Task InspectAsync_UnknownToken_IsInvalid()
    {
        var token = FakeGitLabToken.Personal("api");

        var inspection = await gitlab.Inspector.InspectAsync(new TokenInspectionRequest(gitlab.Credential(token)));

        inspection.Status.Should().Be(InspectionStatus.Invalid);
        inspection.Granted.Should().BeNull();
        inspection.Message.Should().Contain("401").And.Contain("401 Unauthorized");
    }

    [Fact]
    public async Task InspectAsync_ExpiredToken_IsExpired()
    {
        var token = FakeGitLabToken.Personal("api");
        token.ExpiresAt = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);

        var inspection = await gitlab.InspectAsync(token);

        inspection.Status.Should().Be(InspectionStatus.Expired);
        inspection.Message.Should().Contain("Token is expired");
        inspection.Granted.Should().BeNull();
    }

    [Fact]
    public async Task InspectAsync_RevokedToken_IsRevoked()
    {
        var token = FakeGitLabToken.Personal("api");
        token.Revoked = true;

        var inspection = await gitlab.InspectAsync(token);

        inspection.Status.Should().Be(InspectionStatus.Revoked);
        inspection.Message.Should().Contain("Token was revoked");
    }

    [Fact]
    public async Task InspectAsync_ImpersonationDisabled_IsInvalidImpersonationToken()
    {
        using var noImpersonation = new GitLabInspectorFixture(new FakeGitLabServerOptions { ImpersonationEnabled = false });

        var inspection = await noImpersonation.InspectAsync(FakeGitLabToken.Impersonation("api"));

        inspection.Status.Should().Be(InspectionStatus.Invalid);
        inspection.TokenType.Should().Be(TokenType.GitLabImpersonation);
        inspection.Message.Should().Contain("impersonation is disabled");
    }

    [Fact]
    public async Task InspectAsync_LongRetryAfter_ReturnsPromptlyAsRateLimited()
    {
        var token = FakeGitLabToken.Personal("api");
        token.RateLimitRetryAfter = TimeSpan.FromMinutes(30);

        var watch = Stopwatch.StartNew();
        var inspection = await gitlab.InspectAsync(token);
        watch.Stop();

        inspection.Status.Should().Be(InspectionStatus.RateLimited);
        inspection.Granted.Should().BeNull("a throttled answer proves nothing about scopes");
        inspection.RateLimit!.RetryAfter.Should().Be(TimeSpan.FromMinutes(30));
        inspection.RateLimit.Remaining.Should().Be(0);
        inspection.Message.Should().Contain("retry after 1800 s");
        inspection.RequestCount.Should().Be(2, "the inspector does not retry");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromMinutes(1), "it reports the wait instead of sleeping through it");
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task InspectAsync_ServerError_IsProviderError(int status)
    {
        var token = FakeGitLabToken.Personal("api");
        token.ServerErrorStatus = status;

        var inspection = await gitlab.InspectAsync(token);

        inspection.Status.Should().Be(InspectionStatus.ProviderError);
        inspection.Message.Should().Contain(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        inspection.Granted.Should().BeNull();
    }

    [Fact]
    public async Task InspectAsync_MalformedJson_IsProviderErrorNotACrash()
    {
        var token = FakeGitLabToken.Personal("api");
        token.MalformedJson = true;

        var inspection = await gitlab.InspectAsync(token);

        inspection.Status.Should().Be(InspectionStatus.ProviderError);
        inspection.Message.Should().Contain("does not parse as JSON");
        inspection.Granted.Should().BeNull();
    }

    [Fact]
    public async Task InspectAsync_SlowerThanTheTimeout_IsUnreachable()
    {
        using var slow = new GitLabInspectorFixture(new FakeGitLabServerOptions(), o => o.RequestTimeout = TimeSpan.FromMilliseconds(200));
        var token = FakeGitLabToken.Personal("api");
        token.Delay = TimeSpan.FromSeconds(3);

        var inspection = await slow.InspectAsync(token);

        inspection.Status.Should().Be(InspectionStatus.Unreachable);
        inspection.Message.Should().Contain("did not answer").And.Contain("0.2 s");
    }

    [Fact]
    public async Task InspectAsync_NothingListening_IsUnreachable()
    {
        var credential = new GitCredential(GitProvider.GitLab, "glpat-AbCdEfGhIjKlMnOpQrSt", apiUrl: new Uri($"http://127.0.0.1:{FreePort()}/api/v4/"));

        var inspection = await gitlab.Inspector.InspectAsync(new TokenInspectionRequest(credential));

        inspection.Status.Should().Be(InspectionStatus.Unreachable);
        inspection.Message.Should().Contain("could not be reached");
        inspection.RequestCount.Should().Be(2);
    }

    [Fact]
    public async Task InspectAsync_CallerCancels_Throws()
    {
        var token = FakeGitLabToken.Personal("api");
        token.Delay = TimeSpan.FromSeconds(5);
        gitlab.Server.AddToken(token);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var act = () => gitlab.Inspector.InspectAsync(new TokenInspectionRequest(gitlab.Credential(token)), cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task InspectAsync_NullRequest_Throws()
    {
        var act = () => gitlab.Inspector.InspectAsync(null!);

        (await act.Should().ThrowAsync<ArgumentNullException>()).Which.ParamName.Should().Be("request");
    }

    [Theory]
    [InlineData("gldt-AbCdEfGhIjKlMnOpQrSt", "deploy tokens")]
    [InlineData("glrt-AbCdEfGhIjKlMnOpQrSt", "runner")]
    [InlineData("glcbt-64_AbCdEfGhIjKlMnOpQrSt", "job tokens")]
    [InlineData("glptt-AbCdEfGhIjKlMnOpQrSt", "trigger")]
    [InlineData("gloas-AbCdEfGhIjKlMnOpQrSt", "OAuth")]
    public async Task InspectAsync_OtherTokenKinds_AreUnsupportedWithoutARequest(string value, string named)
    {
        gitlab.Server.ResetRequests();

        var inspection = await gitlab.Inspector.InspectAsync(new TokenInspectionRequest(new GitCredential(GitProvider.GitLab, value, apiUrl: gitlab.Server.ApiUrl)));

        inspection.Status.Should().Be(InspectionStatus.Unsupported);
        inspection.TokenType.Should().Be(TokenType.GitLabOther);
        inspection.Family.Should().BeNull();
        inspection.Message.Should().Contain(named).And.Contain("personal, project or group access token");
        inspection.RequestCount.Should().Be(0);
        gitlab.Server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task InspectAsync_PlainHttpToARemoteHost_IsMisconfiguredWithoutARequest()
    {
        var credential = new GitCredential(GitProvider.GitLab, "glpat-AbCdEfGhIjKlMnOpQrSt", serverUrl: new Uri("http://gitlab.example.com/"));

        var inspection = await gitlab.Inspector.InspectAsync(new TokenInspectionRequest(credential));

        inspection.Status.Should().Be(InspectionStatus.Misconfigured);
        inspection.Message.Should().Contain("plain HTTP");
        inspection.RequestCount.Should().Be(0);
    }

    [Fact]
    public async Task InspectAsync_CredentialOfAnotherProvider_IsMisconfigured()
    {
        var credential = new GitCredential(GitProvider.GitHub, "glpat-AbCdEfGhIjKlMnOpQrSt", apiUrl: gitlab.Server.ApiUrl);

        var inspection = await gitlab.Inspector.InspectAsync(new TokenInspectionRequest(credential));

        inspection.Status.Should().Be(InspectionStatus.Misconfigured);
        inspection.Message.Should().Contain("not GitLab");
    }

    [Fact]
    public async Task InspectAsync_WrongApiAddress_IsMisconfigured()
    {
        var token = gitlab.Server.AddToken(FakeGitLabToken.Personal("api"));
        var credential = new GitCredential(GitProvider.GitLab, token.Value, apiUrl: new Uri(gitlab.Server.Url, "api/v3/"));

        var inspection = await gitlab.Inspector.InspectAsync(new TokenInspectionRequest(credential));

        inspection.Status.Should().Be(InspectionStatus.Misconfigured);
        inspection.Message.Should().Contain("No GitLab REST API answers");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
