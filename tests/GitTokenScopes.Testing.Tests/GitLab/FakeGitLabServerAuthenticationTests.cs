// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;

namespace GitTokenScopes.Testing.Tests.GitLab;

/// <summary>Authentication answers like GitLab: three ways to present a token, and its 401 bodies for unknown, revoked, expired and impersonation tokens.</summary>
public sealed class FakeGitLabServerAuthenticationTests : IDisposable
{
    private readonly FakeGitLabServer _gitlab = FakeGitLabServer.Start();

    [Fact]
    public async Task NoToken_Is401Unauthorized()
    {
        using var response = await _gitlab.GetAsync("personal_access_tokens/self");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.BodyAsync()).Should().Be("""{"message":"401 Unauthorized"}""");
    }

    [Fact]
    public async Task UnknownToken_Is401UnauthorizedWithoutRateLimitHeaders()
    {
        using var response = await _gitlab.GetAsync("user", FakeGitLabToken.Personal("api"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.BodyAsync()).Should().Be("""{"message":"401 Unauthorized"}""");
        response.Header("RateLimit-Limit").Should().BeNull();
    }

    [Fact]
    public async Task RevokedToken_Is401InvalidTokenRevoked()
    {
        var token = FakeGitLabToken.Personal("api");
        token.Revoked = true;
        _gitlab.AddToken(token);

        using var response = await _gitlab.GetAsync("personal_access_tokens/self", token);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.BodyAsync()).Should().Be("""{"error":"invalid_token","error_description":"Token was revoked. You have to re-authorize from the user."}""");
        response.Header("WWW-Authenticate").Should().StartWith("Bearer").And.Contain("error=\"invalid_token\"");
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public async Task ExpiryDate_FromThatDayOn_Is401InvalidTokenExpired(int daysFromToday, bool expired)
    {
        var token = FakeGitLabToken.Personal("api");
        token.ExpiresAt = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(daysFromToday);
        _gitlab.AddToken(token);

        using var response = await _gitlab.GetAsync("personal_access_tokens/self", token);

        if (expired)
        {
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            (await response.BodyAsync()).Should().Be("""{"error":"invalid_token","error_description":"Token is expired. You can either do re-authorization or token refresh."}""");
        }
        else
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task ImpersonationDisabled_Is401InvalidToken()
    {
        using var gitlab = FakeGitLabServer.Start(new FakeGitLabServerOptions { ImpersonationEnabled = false });
        var token = gitlab.AddToken(FakeGitLabToken.Impersonation("api"));

        using var response = await gitlab.GetAsync("user", token);

        (await response.JsonAsync()).GetProperty("error_description").GetString().Should().Be("Token is an impersonation token but impersonation was disabled.");
    }

    [Fact]
    public async Task ImpersonationEnabled_AnswersLikeAPersonalToken()
    {
        var token = _gitlab.AddToken(FakeGitLabToken.Impersonation("read_user"));

        using var response = await _gitlab.GetAsync("user", token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task BearerAndQueryParameter_AreAccepted_AndTheQueryIsRedacted()
    {
        var token = _gitlab.AddToken(FakeGitLabToken.Personal("read_user"));

        using var bearer = await _gitlab.SendAsync("GET", "user", [("Authorization", $"Bearer {token.Value}")]);
        using var query = await _gitlab.SendAsync("GET", $"user?private_token={token.Value}", []);

        bearer.StatusCode.Should().Be(HttpStatusCode.OK);
        query.StatusCode.Should().Be(HttpStatusCode.OK);
        _gitlab.Requests.Should().HaveCount(2);
        _gitlab.Requests[0].Should().Match<FakeGitLabRequest>(r => r.HadAuthorization && !r.HadPrivateToken && r.TokenFingerprint == token.Fingerprint);
        _gitlab.Requests[1].Query.Should().Be("?private_token=[REDACTED]");
        _gitlab.Requests.Select(r => r.ToString()).Should().NotContain(t => t.Contains(token.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OutsideTheApi_IsAnHtml404WithoutAuthentication()
    {
        using var response = await _gitlab.SendAsync("GET", "users/sign_in", [], baseUrl: _gitlab.Url);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
    }

    [Fact]
    public void Token_ToString_ShowsKindAndFingerprintOnly()
    {
        var token = FakeGitLabToken.ProjectBot(5, "api");

        token.ToString().Should().Be($"FakeGitLabToken ProjectBot {token.Fingerprint}").And.NotContain(token.Value);
        token.Value.Should().MatchRegex("^glpat-[0-9A-Za-z_-]{20}$");
        token.Fingerprint.Should().MatchRegex("^sha256:[0-9a-f]{12}$");
    }

    public void Dispose() => _gitlab.Dispose();
}
