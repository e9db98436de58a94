// Licensed under the MIT License. See LICENSE in the repository root.

using System.Globalization;
using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace GitTokenScopes.Testing.Tests.GitHub;

public sealed class FakeGitHubServerFailureModeTests : IDisposable
{
    private static readonly DateTimeOffset ResetAt = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeGitHubServer _server = FakeGitHubServer.Start();

    public void Dispose() => _server.Dispose();

    [Theory]
    [InlineData(403)]
    [InlineData(429)]
    public async Task User_PrimaryRateLimit_AnswersStatusWithZeroRemainingAndReset(int status)
    {
        var token = FakeGitHubToken.Classic("repo");
        token.AccountId = 77;
        token.RateLimit = new FakeGitHubRateLimit { StatusCode = status, ResetAt = ResetAt };
        _server.AddToken(token);

        using var response = await _server.GetAsync("user", token);
        var json = await response.JsonAsync();
        var requestId = response.Header("X-GitHub-Request-Id");

        ((int)response.StatusCode).Should().Be(status);
        response.Header("x-ratelimit-limit").Should().Be("5000");
        response.Header("x-ratelimit-remaining").Should().Be("0");
        response.Header("x-ratelimit-used").Should().Be("5000");
        response.Header("x-ratelimit-reset").Should().Be(ResetAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        response.Header("x-ratelimit-resource").Should().Be("core");
        response.Header("retry-after").Should().BeNull();
        json.Message().Should().Be(
            $"API rate limit exceeded for user ID 77. If you reach out to GitHub Support for help, please include the request ID {requestId}.");
        json.GetProperty("documentation_url").GetString().Should().Be("https://docs.github.com/rest/overview/rate-limits-for-the-rest-api");
        json.GetProperty("status").GetString().Should().Be(status.ToString(CultureInfo.InvariantCulture));
        response.Header("X-OAuth-Scopes").Should().Be("repo");
    }

    [Fact]
    public async Task User_PrimaryRateLimitWithoutResetAt_ResetsAnHourFromNow()
    {
        var token = FakeGitHubToken.Classic();
        token.RateLimit = new FakeGitHubRateLimit { Limit = 60 };
        _server.AddToken(token);

        using var response = await _server.GetAsync("user", token);

        response.Header("x-ratelimit-limit").Should().Be("60");
        var reset = DateTimeOffset.FromUnixTimeSeconds(long.Parse(response.Header("x-ratelimit-reset")!, CultureInfo.InvariantCulture));
        reset.Should().BeCloseTo(DateTimeOffset.UtcNow.AddHours(1), TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData(403, 30)]
    [InlineData(429, 60)]
    public async Task User_SecondaryRateLimitWithRetryAfter_SendsRetryAfterAndNonZeroRemaining(int status, int retryAfter)
    {
        var token = FakeGitHubToken.FineGrained();
        token.RateLimit = new FakeGitHubRateLimit { Secondary = true, StatusCode = status, RetryAfterSeconds = retryAfter };
        _server.AddToken(token);

        using var response = await _server.GetAsync("user", token);
        var json = await response.JsonAsync();

        ((int)response.StatusCode).Should().Be(status);
        response.Header("retry-after").Should().Be(retryAfter.ToString(CultureInfo.InvariantCulture));
        response.Header("x-ratelimit-remaining").Should().Be("4990");
        response.Header("x-ratelimit-used").Should().Be("10");
        json.Message().Should().Be(
            "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID "
            + response.Header("X-GitHub-Request-Id") + ".");
        json.GetProperty("documentation_url").GetString().Should().Be(
            "https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits");
    }

    [Fact]
    public async Task User_SecondaryRateLimitWithoutRetryAfter_SendsNoRetryAfter()
    {
        var token = FakeGitHubToken.Classic();
        token.RateLimit = new FakeGitHubRateLimit { Secondary = true, Remaining = 4321 };
        _server.AddToken(token);

        using var response = await _server.GetAsync("user", token);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Header("retry-after").Should().BeNull();
        response.Header("x-ratelimit-remaining").Should().Be("4321");
        (await response.JsonAsync()).Message().Should().Contain("secondary rate limit");
    }

    [Fact]
    public async Task Repository_SsoOrganization_Answers403WithSsoHeaderAndBody()
    {
        var token = FakeGitHubToken.Classic("repo").WithRepository("corp/app", new FakeGitHubGrant());
        token.SsoOrganization = "Corp";
        _server.AddToken(token);
        _server.AddRepository(new FakeGitHubRepository { FullName = "corp/app" });

        using var repository = await _server.GetAsync("repos/corp/app", token);
        using var probe = await _server.GetAsync("repos/corp/app/commits", token);
        using var unknownPath = await _server.GetAsync("repos/corp/app/branches", token);

        foreach (var response in new[] { repository, probe, unknownPath })
        {
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            response.Header("X-GitHub-SSO").Should().MatchRegex(@"^required; url=https://github\.com/orgs/Corp/sso\?authorization_request=[A-Z0-9]+$");
            (await response.BodyAsync()).Should().Be(
                """{"message":"Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.","documentation_url":"https://docs.github.com/articles/authenticating-to-a-github-organization-with-saml-single-sign-on/","status":"403"}""");
        }
    }

    [Fact]
    public async Task Repository_PolicyOrganization_Answers403WithGitHubsPolicyMessages()
    {
        var classic = FakeGitHubToken.Classic("repo").WithRepository("corp/app", new FakeGitHubGrant());
        classic.PolicyOrganization = "corp";
        var fineGrained = FakeGitHubToken.FineGrained().WithRepository("corp/app", FakeGitHubGrant.WithPermissions(("contents", "read")));
        fineGrained.PolicyOrganization = "corp";
        fineGrained.PolicyMaxLifetimeDays = 366;
        _server.AddToken(classic);
        _server.AddToken(fineGrained);
        _server.AddRepository(new FakeGitHubRepository { FullName = "corp/app" });

        using var classicRepository = await _server.GetAsync("repos/corp/app", classic);
        using var fineGrainedProbe = await _server.GetAsync("repos/corp/app/commits", fineGrained);
        using var user = await _server.GetAsync("user", classic);

        classicRepository.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        classicRepository.Header("X-GitHub-Request-Id").Should().NotBeNull();
        classicRepository.Header("X-OAuth-Scopes").Should().Be("repo");
        (await classicRepository.BodyAsync()).Should().Be(
            """{"message":"`corp` forbids access via a personal access token (classic). Please use a GitHub App, OAuth App, or a personal access token with fine-grained permissions.","documentation_url":"https://docs.github.com/rest/repos/repos#get-a-repository","status":"403"}""");
        fineGrainedProbe.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await fineGrainedProbe.BodyAsync()).Should().MatchRegex(
            """^\{"message":"The 'corp' organization forbids access via a fine-grained personal access tokens if the token's lifetime is greater than 366 days\. Please adjust your token's lifetime at the following URL: https://github\.com/settings/personal-access-tokens/\d+","documentation_url":"https://docs\.github\.com/rest/[^"]+","status":"403"\}$""");
        user.StatusCode.Should().Be(HttpStatusCode.OK, "the policy applies to the organization's resources only");
    }

    [Fact]
    public async Task Repository_OtherOrganization_IsNotAffectedBySso()
    {
        var token = FakeGitHubToken.Classic("repo");
        token.SsoOrganization = "corp";
        _server.AddToken(token);
        _server.AddRepository(new FakeGitHubRepository { FullName = "octo/app", Private = false });

        using var response = await _server.GetAsync("repos/octo/app", token);
        using var user = await _server.GetAsync("user", token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header("X-GitHub-SSO").Should().BeNull();
        user.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task User_ServerError500_AnswersJsonServerError()
    {
        var token = FakeGitHubToken.Classic("repo");
        token.ServerErrorStatus = 500;
        _server.AddToken(token);

        using var response = await _server.GetAsync("user", token);

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await response.BodyAsync()).Should().Be("""{"message":"Server Error"}""");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        response.Header("X-OAuth-Scopes").Should().BeNull();
    }

    [Theory]
    [InlineData(502, "502 Bad Gateway")]
    [InlineData(503, "503 Service Unavailable")]
    [InlineData(504, "504 Gateway Time-out")]
    public async Task User_GatewayErrors_AnswerHtml(int status, string title)
    {
        var token = FakeGitHubToken.Classic("repo");
        token.ServerErrorStatus = status;
        _server.AddToken(token);

        using var response = await _server.GetAsync("user", token);

        ((int)response.StatusCode).Should().Be(status);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/html; charset=utf-8");
        (await response.BodyAsync()).Should().StartWith("<html>").And.Contain(title);
        response.Header("X-OAuth-Scopes").Should().BeNull();
        response.Header("x-ratelimit-remaining").Should().BeNull();
    }

    [Fact]
    public async Task User_ServerErrorOnAnUnknownToken_StillAnswers401()
    {
        var token = FakeGitHubToken.Classic("repo");
        token.ServerErrorStatus = 502;

        using var response = await _server.GetAsync("user", token);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task User_Delay_IsObservableAsAClientTimeout()
    {
        var token = FakeGitHubToken.Classic("repo");
        token.Delay = TimeSpan.FromMilliseconds(200);
        _server.AddToken(token);
        using var client = new HttpClient { Timeout = TimeSpan.FromMilliseconds(50) };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_server.ApiUrl, "user"));
        request.Headers.TryAddWithoutValidation("Authorization", $"token {token.Value}");

        var act = () => client.SendAsync(request);

        await act.Should().ThrowAsync<TaskCanceledException>();
    }

    [Fact]
    public async Task User_Delay_AnswersAfterTheDelay()
    {
        var token = FakeGitHubToken.Classic("repo");
        token.Delay = TimeSpan.FromMilliseconds(200);
        _server.AddToken(token);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        using var response = await _server.GetAsync("user", token);

        watch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(190));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task User_Delay_RunsOnTheOptionsTimeProvider()
    {
        var time = new FakeTimeProvider(ResetAt);
        using var server = FakeGitHubServer.Start(new FakeGitHubServerOptions { TimeProvider = time });
        var token = FakeGitHubToken.Classic("repo");
        token.Delay = TimeSpan.FromHours(1);
        server.AddToken(token);

        await DelayedAnswer.ShouldWaitForTheClockAsync(server.GetAsync("user", token), time, HttpStatusCode.OK);
    }
}
