// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;

namespace GitTokenScopes.Testing.Tests.GitHub;

public sealed class FakeGitHubServerEnterpriseTests : IDisposable
{
    private readonly FakeGitHubServer _server = FakeGitHubServer.Start(new FakeGitHubServerOptions { Enterprise = true, EnterpriseVersion = "3.13.2" });

    public void Dispose() => _server.Dispose();

    [Fact]
    public void ApiUrl_Enterprise_IsUrlPlusApiV3()
    {
        _server.ApiUrl.Should().Be(new Uri(_server.Url, "api/v3/"));
        _server.ApiUrl.AbsolutePath.Should().Be("/api/v3/");
    }

    [Fact]
    public async Task User_UnderApiV3_AnswersWithEnterpriseVersionAndNoRateLimitHeaders()
    {
        var token = _server.AddToken(FakeGitHubToken.Classic("repo", "site_admin"));

        using var response = await _server.GetAsync("user", token);

        response.RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/api/v3/user");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header("X-GitHub-Enterprise-Version").Should().Be("3.13.2");
        response.Header("X-OAuth-Scopes").Should().Be("repo, site_admin");
        response.Headers.Select(h => h.Key).Should().NotContain(k => k.StartsWith("x-ratelimit", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task User_UnknownToken_AnswersWithoutRateLimitHeaders()
    {
        using var response = await _server.GetAsync("user", FakeGitHubToken.Classic());

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Header("X-GitHub-Enterprise-Version").Should().Be("3.13.2");
        response.Header("x-ratelimit-limit").Should().BeNull();
    }

    [Fact]
    public async Task Request_OutsideApiPrefix_AnswersHtml404WithoutCheckingTheToken()
    {
        using var client = new HttpClient();

        using var user = await client.GetAsync(new Uri(_server.Url, "user"));
        using var root = await client.GetAsync(_server.Url);

        foreach (var response in new[] { user, root })
        {
            response.StatusCode.Should().Be(HttpStatusCode.NotFound);
            response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
            (await response.BodyAsync()).Should().Contain("<html");
        }

        _server.Requests.Select(r => r.Path).Should().Equal("/user", "/");
    }

    [Fact]
    public async Task Request_ApiV3WithoutTrailingSlash_IsTheApiRoot()
    {
        var token = _server.AddToken(FakeGitHubToken.Classic("repo"));
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_server.Url, "api/v3"));
        request.Headers.TryAddWithoutValidation("Authorization", $"token {token.Value}");

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header("X-OAuth-Scopes").Should().Be("repo");
    }

    [Fact]
    public async Task Requests_UnderApiV3_AreRecordedRelativeToApiUrl()
    {
        var token = _server.AddToken(FakeGitHubToken.Classic("repo"));

        using var response = await _server.GetAsync("user?x=1", token);

        _server.Requests.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Method = "GET", Path = "/user", Query = "?x=1", StatusCode = 200 });
    }

    [Fact]
    public async Task User_EnterpriseRateLimitsEnabled_SendsRateLimitHeaders()
    {
        using var server = FakeGitHubServer.Start(new FakeGitHubServerOptions { Enterprise = true, EnterpriseRateLimitsEnabled = true });
        var token = server.AddToken(FakeGitHubToken.Classic());

        using var response = await server.GetAsync("user", token);

        response.Header("x-ratelimit-limit").Should().Be("5000");
        response.Header("x-ratelimit-remaining").Should().Be("4999");
        response.Header("X-GitHub-Enterprise-Version").Should().Be("3.14.0");
    }

    [Fact]
    public async Task Repository_SsoOnEnterprise_PointsAtTheServer()
    {
        var token = FakeGitHubToken.Classic("repo");
        token.SsoOrganization = "corp";
        _server.AddToken(token);

        using var response = await _server.GetAsync("repos/corp/app", token);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Header("X-GitHub-SSO").Should().StartWith($"required; url={_server.Url}orgs/corp/sso?authorization_request=");
    }
}
