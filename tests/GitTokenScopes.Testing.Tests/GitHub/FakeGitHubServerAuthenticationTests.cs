// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using System.Text;

namespace GitTokenScopes.Testing.Tests.GitHub;

public sealed class FakeGitHubServerAuthenticationTests : IDisposable
{
    private readonly FakeGitHubServer _server = FakeGitHubServer.Start();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task User_UnknownToken_Answers401BadCredentialsWithoutScopeHeaders()
    {
        using var response = await _server.GetAsync("user", FakeGitHubToken.Classic("repo"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.BodyAsync()).Should().Be("""{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest","status":"401"}""");
        response.Header("X-OAuth-Scopes").Should().BeNull();
        response.Header("X-Accepted-OAuth-Scopes").Should().BeNull();
        response.Header("github-authentication-token-expiration").Should().BeNull();
    }

    [Fact]
    public async Task User_UnknownToken_SendsTheUnauthenticatedRateLimitBudget()
    {
        using var first = await _server.GetAsync("user", FakeGitHubToken.Classic());
        using var second = await _server.GetAsync("user");

        first.Header("x-ratelimit-limit").Should().Be("60");
        first.Header("x-ratelimit-remaining").Should().Be("59");
        first.Header("x-ratelimit-used").Should().Be("1");
        first.Header("x-ratelimit-resource").Should().Be("core");
        second.Header("x-ratelimit-remaining").Should().Be("58");
    }

    [Fact]
    public async Task User_NoAuthorization_Answers401()
    {
        using var response = await _server.GetAsync("user");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.JsonAsync()).Message().Should().Be("Bad credentials");
    }

    [Fact]
    public async Task User_RevokedToken_Answers401AndRecoversWhenRestored()
    {
        var token = _server.AddToken(FakeGitHubToken.Classic("repo"));
        token.Revoked = true;

        using var revoked = await _server.GetAsync("user", token);
        token.Revoked = false;
        using var restored = await _server.GetAsync("user", token);

        revoked.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        revoked.Header("X-OAuth-Scopes").Should().BeNull();
        restored.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("token {0}")]
    [InlineData("Token {0}")]
    [InlineData("Bearer {0}")]
    [InlineData("bearer {0}")]
    [InlineData("BEARER   {0}  ")]
    public async Task User_AuthorizationSchemes_AreAcceptedCaseInsensitively(string format)
    {
        var token = _server.AddToken(FakeGitHubToken.Classic("repo"));

        using var response = await _server.SendAsync("GET", "user", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, token.Value));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task User_BasicAuthenticationWithTokenAsPassword_IsAccepted()
    {
        var token = _server.AddToken(FakeGitHubToken.Classic("repo"));
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"octocat:{token.Value}"));

        using var response = await _server.SendAsync("GET", "user", $"Basic {basic}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task User_UnsupportedScheme_Answers401()
    {
        var token = _server.AddToken(FakeGitHubToken.Classic("repo"));

        using var response = await _server.SendAsync("GET", "user", $"Digest {token.Value}");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AnyAnswer_CarriesGitHubsCommonHeaders()
    {
        var token = _server.AddToken(FakeGitHubToken.Classic());

        using var ok = await _server.GetAsync("user", token);
        using var unauthorized = await _server.GetAsync("user");
        using var unknown = await _server.GetAsync("no/such/path", token);

        foreach (var response in new[] { ok, unauthorized, unknown })
        {
            response.Content.Headers.ContentType!.ToString().Should().Be("application/json; charset=utf-8");
            response.Header("X-GitHub-Request-Id").Should().MatchRegex("^[0-9A-F]{4}:[0-9A-F]{5}:[0-9A-F]{6}:[0-9A-F]{6}:[0-9A-F]{8}$");
            response.Header("X-GitHub-Media-Type").Should().Be("github.v3; format=json");
            response.Header("X-GitHub-Enterprise-Version").Should().BeNull();
        }

        ok.Header("X-GitHub-Request-Id").Should().NotBe(unauthorized.Header("X-GitHub-Request-Id"));
    }

    [Fact]
    public async Task UnknownPath_ValidToken_Answers404NotFoundWithTokenHeaders()
    {
        var token = _server.AddToken(FakeGitHubToken.Classic("repo"));

        using var response = await _server.GetAsync("orgs/octo/secrets", token);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.BodyAsync()).Should().Be("""{"message":"Not Found","documentation_url":"https://docs.github.com/rest","status":"404"}""");
        response.Header("X-OAuth-Scopes").Should().Be("repo");
        int.Parse(response.Header("x-ratelimit-remaining")!, System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(0, 4999, "an authenticated 404 still spends the token's budget");
    }

    [Fact]
    public async Task UnknownPath_UnknownToken_Answers401First()
    {
        using var response = await _server.GetAsync("orgs/octo/secrets", FakeGitHubToken.Classic());

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task User_WrongMethod_Answers404()
    {
        var token = _server.AddToken(FakeGitHubToken.Classic());

        using var response = await _server.SendAsync("DELETE", "user", token);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Root_ValidToken_AnswersTheApiRootWithScopes()
    {
        var token = _server.AddToken(FakeGitHubToken.Classic("repo", "gist"));

        using var response = await _server.GetAsync("", token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header("X-OAuth-Scopes").Should().Be("repo, gist");
        (await response.JsonAsync()).GetProperty("current_user_url").GetString().Should().Be($"{_server.ApiUrl}user");
    }

    [Fact]
    public void Start_BindsToLoopbackOnAFreePort()
    {
        using var other = FakeGitHubServer.Start();

        _server.Url.Host.Should().Be("127.0.0.1");
        _server.Url.AbsolutePath.Should().Be("/");
        _server.ApiUrl.Should().Be(_server.Url);
        other.Url.Port.Should().NotBe(_server.Url.Port);
    }

    [Fact]
    public void AddRepository_MalformedFullName_Throws()
    {
        var act = () => _server.AddRepository(new FakeGitHubRepository { FullName = "no-slash" });

        act.Should().Throw<ArgumentException>().WithParameterName("repository");
    }

    [Fact]
    public void AddRepository_WithoutId_GetsDistinctIds()
    {
        var a = _server.AddRepository(new FakeGitHubRepository { FullName = "octo/a" });
        var b = _server.AddRepository(new FakeGitHubRepository { FullName = "octo/b" });
        var c = _server.AddRepository(new FakeGitHubRepository { FullName = "octo/c", Id = 42 });

        a.Id.Should().BePositive();
        b.Id.Should().NotBe(a.Id);
        c.Id.Should().Be(42);
    }

    [Fact]
    public void Dispose_Twice_DoesNotThrow()
    {
        var server = FakeGitHubServer.Start();
        server.Dispose();

        var act = server.Dispose;

        act.Should().NotThrow();
    }
}
