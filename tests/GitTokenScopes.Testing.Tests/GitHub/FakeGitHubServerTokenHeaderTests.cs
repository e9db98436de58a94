// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;

namespace GitTokenScopes.Testing.Tests.GitHub;

public sealed class FakeGitHubServerTokenHeaderTests : IDisposable
{
    private readonly FakeGitHubServer _server = FakeGitHubServer.Start();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task User_ClassicToken_SendsScopesCommaSpaceAndEmptyAcceptedScopes()
    {
        var token = _server.AddToken(FakeGitHubToken.Classic("repo", "admin:repo_hook"));

        using var response = await _server.GetAsync("user", token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header("X-OAuth-Scopes").Should().Be("repo, admin:repo_hook");
        response.Header("X-Accepted-OAuth-Scopes").Should().Be("");
    }

    [Fact]
    public async Task User_ClassicToken_AnswersTheAccount()
    {
        var token = FakeGitHubToken.Classic("repo");
        token.Login = "ci-bot";
        token.AccountId = 4242;
        token.AccountType = "Bot";
        _server.AddToken(token);

        using var response = await _server.GetAsync("user", token);
        var json = await response.JsonAsync();

        json.GetProperty("login").GetString().Should().Be("ci-bot");
        json.GetProperty("id").GetInt64().Should().Be(4242);
        json.GetProperty("type").GetString().Should().Be("Bot");
        json.GetProperty("site_admin").GetBoolean().Should().BeFalse();
        json.GetProperty("name").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        json.GetProperty("node_id").GetString().Should().NotBeNullOrEmpty();
        json.GetProperty("avatar_url").GetString().Should().Contain("4242");
    }

    [Fact]
    public async Task User_HeadRequest_AnswersHeadersWithoutBody()
    {
        var token = _server.AddToken(FakeGitHubToken.Classic("repo"));

        using var response = await _server.SendAsync("HEAD", "user", token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header("X-OAuth-Scopes").Should().Be("repo");
        (await response.BodyAsync()).Should().BeEmpty();
    }

    [Theory]
    [InlineData(FakeGitHubTokenKind.OAuth)]
    [InlineData(FakeGitHubTokenKind.Classic)]
    public async Task User_ScopedKinds_SendScopes(FakeGitHubTokenKind kind)
    {
        var token = _server.AddToken(kind == FakeGitHubTokenKind.OAuth ? FakeGitHubToken.OAuth("read:org") : FakeGitHubToken.LegacyClassic("read:org"));

        using var response = await _server.GetAsync("user", token);

        response.Header("X-OAuth-Scopes").Should().Be("read:org");
    }

    [Fact]
    public async Task User_FineGrainedToken_SendsNoScopeHeaders()
    {
        var token = _server.AddToken(FakeGitHubToken.FineGrained());

        using var response = await _server.GetAsync("user", token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header("X-OAuth-Scopes").Should().BeNull();
        response.Header("X-Accepted-OAuth-Scopes").Should().BeNull();
    }

    [Fact]
    public async Task User_AppUserToken_SendsNoScopeHeader()
    {
        var token = _server.AddToken(FakeGitHubToken.AppUser());

        using var response = await _server.GetAsync("user", token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header("X-OAuth-Scopes").Should().BeNull();
    }

    [Fact]
    public async Task User_ScopeHeaderEmpty_SendsThePresentButEmptyHeader()
    {
        var token = FakeGitHubToken.Classic("repo");
        token.ScopeHeader = FakeGitHubScopeHeader.Empty;
        _server.AddToken(token);

        using var response = await _server.GetAsync("user", token);

        response.Headers.TryGetValues("X-OAuth-Scopes", out var values).Should().BeTrue();
        values.Should().Equal("");
    }

    [Fact]
    public async Task User_ScopeHeaderAbsent_SendsNoScopeHeader()
    {
        var token = FakeGitHubToken.Classic("repo");
        token.ScopeHeader = FakeGitHubScopeHeader.Absent;
        _server.AddToken(token);

        using var response = await _server.GetAsync("user", token);

        response.Headers.Contains("X-OAuth-Scopes").Should().BeFalse();
        response.Header("X-Accepted-OAuth-Scopes").Should().Be("");
    }

    [Theory]
    [InlineData("repo,admin:repo_hook")]
    [InlineData("repo ,  gist")]
    public async Task User_RawScopesHeaderValue_IsSentVerbatim(string raw)
    {
        var token = FakeGitHubToken.Classic("repo");
        token.RawScopesHeaderValue = raw;
        _server.AddToken(token);

        using var response = await _server.GetAsync("user", token);

        response.Header("X-OAuth-Scopes").Should().Be(raw);
    }

    [Fact]
    public async Task User_ScopesHeaderNameVariant_IsSentWithThatCase()
    {
        var token = FakeGitHubToken.Classic("repo");
        token.ScopesHeaderName = "x-oauth-scopes";
        _server.AddToken(token);

        using var response = await _server.GetAsync("user", token);

        response.Headers.Select(h => h.Key).Should().Contain("x-oauth-scopes").And.NotContain("X-OAuth-Scopes");
        response.Header("x-oauth-scopes").Should().Be("repo");
    }

    [Fact]
    public async Task User_ExpiresAt_SendsUtcLayout()
    {
        var token = FakeGitHubToken.Classic("repo");
        token.ExpiresAt = new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.FromHours(-7));
        _server.AddToken(token);

        using var response = await _server.GetAsync("user", token);

        response.Header("github-authentication-token-expiration").Should().Be("2026-12-01 10:00:00 UTC");
    }

    [Theory]
    [InlineData(-7, 0, "2026-12-01 03:00:00 -0700")]
    [InlineData(5, 30, "2026-12-01 15:30:00 +0530")]
    [InlineData(0, 0, "2026-12-01 10:00:00 +0000")]
    public async Task User_ExpiresAtWithOffset_SendsNumericOffsetLayout(int hours, int minutes, string expected)
    {
        var offset = new TimeSpan(hours, hours < 0 ? -minutes : minutes, 0);
        var token = FakeGitHubToken.FineGrained();
        token.ExpiresAt = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero).ToOffset(offset);
        token.ExpirationWithOffset = true;
        _server.AddToken(token);

        using var response = await _server.GetAsync("user", token);

        response.Header("github-authentication-token-expiration").Should().Be(expected);
    }

    [Fact]
    public async Task User_NoExpiry_SendsNoExpirationHeader()
    {
        var token = _server.AddToken(FakeGitHubToken.Classic("repo"));

        using var response = await _server.GetAsync("user", token);

        response.Header("github-authentication-token-expiration").Should().BeNull();
    }

    [Fact]
    public async Task User_RepeatedRequests_DecrementTheRateLimitBudget()
    {
        var token = _server.AddToken(FakeGitHubToken.Classic("repo"));
        var before = DateTimeOffset.UtcNow;

        using var first = await _server.GetAsync("user", token);
        using var second = await _server.GetAsync("user", token);

        first.Header("x-ratelimit-limit").Should().Be("5000");
        first.Header("x-ratelimit-remaining").Should().Be("4999");
        first.Header("x-ratelimit-used").Should().Be("1");
        first.Header("x-ratelimit-resource").Should().Be("core");
        second.Header("x-ratelimit-remaining").Should().Be("4998");
        second.Header("x-ratelimit-used").Should().Be("2");
        var reset = DateTimeOffset.FromUnixTimeSeconds(long.Parse(first.Header("x-ratelimit-reset")!, System.Globalization.CultureInfo.InvariantCulture));
        reset.Should().BeCloseTo(before.AddHours(1), TimeSpan.FromSeconds(10));
        second.Header("x-ratelimit-reset").Should().Be(first.Header("x-ratelimit-reset"));
    }

    [Fact]
    public async Task User_TwoTokens_HaveSeparateBudgets()
    {
        var a = _server.AddToken(FakeGitHubToken.Classic());
        var b = _server.AddToken(FakeGitHubToken.Classic());

        using var first = await _server.GetAsync("user", a);
        using var second = await _server.GetAsync("user", b);

        second.Header("x-ratelimit-remaining").Should().Be("4999");
    }
}
