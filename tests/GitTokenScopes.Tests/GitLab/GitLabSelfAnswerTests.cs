// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using GitTokenScopes.Testing;

namespace GitTokenScopes.Tests.GitLab;

/// <summary>
/// What <c>/personal_access_tokens/self</c> and <c>/user</c> say beyond the fake's answers (PROVIDERS.md §2.1, §2.5): a
/// token GitLab lists as revoked or inactive, bodies the inspector cannot read, other kinds of token, and a lost
/// <c>/user</c>. Each answer is given by <see cref="AnswerOverride"/>; the other call goes to the fake.
/// </summary>
public sealed class GitLabSelfAnswerTests
{
    private static readonly string SelfKey = AnswerOverride.Key("GET", "/personal_access_tokens/self");
    private static readonly string UserKey = AnswerOverride.Key("GET", "/user");

    // GitLab answers a revoked token 401 invalid_token before /self runs; a /self body that still lists it as revoked
    // (a revocation between authentication and rendering) must never pass it.
    [Fact]
    public async Task InspectAsync_SelfSaysRevoked_IsRevokedWithoutScopes()
    {
        using var gitlab = WithSelf(SelfBody(revoked: true, active: false));

        var inspection = await gitlab.InspectAsync(FakeGitLabToken.Personal("api"), [new RepositoryRequest("acme/app")]);

        inspection.Status.Should().Be(InspectionStatus.Revoked);
        inspection.Message.Should().Be("GitLab reports the token as revoked.");
        inspection.Granted.Should().BeNull();
        inspection.Repositories.Should().BeEmpty("a revoked token's projects are not judged");
    }

    // GitLab says active: false for a revoked or expired token; an accepted token with a passed expiry date is one whose
    // instance does not enforce expiry (ExpiryNotEnforced), any other inactive one is not a usable token.
    [Theory]
    [InlineData("null", InspectionStatus.Invalid)]
    [InlineData("\"2099-12-31\"", InspectionStatus.Invalid)]
    [InlineData("\"2020-01-01\"", InspectionStatus.Ok)]
    public async Task InspectAsync_SelfSaysInactive_IsInvalidUnlessItsExpiryHasPassed(string expiresAt, InspectionStatus expected)
    {
        using var gitlab = WithSelf(SelfBody(active: false, expiresAt: expiresAt));

        var inspection = await gitlab.InspectAsync(FakeGitLabToken.Personal("api"));

        inspection.Status.Should().Be(expected);
        if (expected == InspectionStatus.Invalid)
        {
            inspection.Message.Should().Be("GitLab reports the token as inactive.");
            inspection.Granted.Should().BeNull();
        }
        else
        {
            inspection.Granted!.Scopes.Should().Equal("api");
            inspection.ExpiresAt.Should().Be(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));
        }
    }

    // GitLab always lists scopes; a 200 JSON body without a readable list (a proxy's own JSON, a changed entity) is no evidence.
    [Theory]
    [InlineData("""{"id":4201,"name":"gitops","revoked":false,"active":true,"expires_at":null}""")]
    [InlineData("""{"id":4201,"name":"gitops","revoked":false,"scopes":"api","active":true,"expires_at":null}""")]
    public async Task InspectAsync_SelfWithoutAScopeList_IsProviderError(string body)
    {
        using var gitlab = WithSelf(body);

        var inspection = await gitlab.InspectAsync(FakeGitLabToken.Personal("api"));

        inspection.Status.Should().Be(InspectionStatus.ProviderError);
        inspection.Message.Should().Contain("GET /personal_access_tokens/self could not be read");
        inspection.Granted.Should().BeNull("an unreadable answer proves no scope, present or missing");
    }

    // /self presents Entities::PersonalAccessToken, which does not list impersonation (PROVIDERS.md §2.1); should an
    // instance say impersonation: true, the token is an impersonation token.
    [Fact]
    public async Task InspectAsync_SelfSaysImpersonation_IsAnImpersonationToken()
    {
        using var gitlab = WithSelf(SelfBody(more: ""","impersonation":true"""));

        var inspection = await gitlab.InspectAsync(FakeGitLabToken.Personal("api"));

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.TokenType.Should().Be(TokenType.GitLabImpersonation, "the owner read from /user does not turn it back into a personal token");
        inspection.Account!.Login.Should().Be("jdoe");
    }

    [Fact]
    public async Task InspectAsync_UnreadableExpiry_IsUnknownWithANote()
    {
        using var gitlab = WithSelf(SelfBody(expiresAt: "\"31/12/2027\""));

        var inspection = await gitlab.InspectAsync(FakeGitLabToken.Personal("api"));

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.ExpiryKnown.Should().BeFalse();
        inspection.ExpiresAt.Should().BeNull();
        inspection.Notes.Should().Contain("GitLab's expires_at could not be read; the expiry is unknown.");
        inspection.Granted!.Scopes.Should().Equal("api");
    }

    [Fact]
    public async Task InspectAsync_UserLost_IsOkWithTheAccountUnknown()
    {
        using var gitlab = GitLabInspectorFixture.WithAnswers(new FakeGitLabServerOptions(), (UserKey, null));

        var inspection = await gitlab.InspectAsync(FakeGitLabToken.Personal("api"));

        inspection.Status.Should().Be(InspectionStatus.Ok, "/user is not needed to read the scopes");
        inspection.Granted!.Scopes.Should().Equal("api");
        inspection.Account.Should().BeNull();
        inspection.Notes.Should().ContainSingle(n => n.StartsWith("GET /user was not answered (GitLab could not be reached for GET /user", StringComparison.Ordinal)
            && n.EndsWith("; the account is unknown.", StringComparison.Ordinal));
    }

    // GitLab's /user always has a username; a 200 JSON body without one (a proxy's own JSON) leaves the account unknown.
    [Fact]
    public async Task InspectAsync_UserUnreadable_IsOkWithTheAccountUnknown()
    {
        using var gitlab = GitLabInspectorFixture.WithAnswers(new FakeGitLabServerOptions(),
            (UserKey, () => AnswerOverride.Json(HttpStatusCode.OK, """{"id":42,"state":"active"}""")));

        var inspection = await gitlab.InspectAsync(FakeGitLabToken.ProjectBot(7, "api"));

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.Account.Should().BeNull();
        inspection.TokenType.Should().Be(TokenType.GitLabPersonal, "without the owner a project bot's token cannot be told from a personal one");
        inspection.Notes.Should().Contain("GitLab's answer to GET /user could not be read; the account is unknown.");
    }

    // /user refused for a reason other than a missing scope (Grape's 403 message shape, not insufficient_scope): the
    // scopes /self gave stand, the account is unknown, and GitLab's words are quoted.
    [Fact]
    public async Task InspectAsync_UserRefusedForAnotherReason_IsOkWithANoteQuotingGitLab()
    {
        using var gitlab = GitLabInspectorFixture.WithAnswers(new FakeGitLabServerOptions(),
            (UserKey, () => AnswerOverride.Json(HttpStatusCode.Forbidden, """{"message":"403 Forbidden - Your account has been blocked."}""")));

        var inspection = await gitlab.InspectAsync(FakeGitLabToken.Personal("api"));

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.Account.Should().BeNull();
        inspection.Notes.Should().Contain("GET /user answered 403 (403 Forbidden - Your account has been blocked.); the account is unknown.");
    }

    // GitLab's answer to an OAuth access token (64 hexadecimal characters, no prefix) on /self: bad_request! renders it
    // as message; the status map also reads it as an error code.
    [Theory]
    [InlineData("""{"message":"400 Bad request - This endpoint requires token type to be a personal access token"}""", "400 Bad request - This endpoint requires token type")]
    [InlineData("""{"error":"This endpoint requires token type to be a personal access token"}""", ": This endpoint requires token type")]
    public async Task InspectAsync_SelfRefusesTheTokenType_IsAnUnsupportedOtherToken(string body, string said)
    {
        using var gitlab = GitLabInspectorFixture.WithAnswers(new FakeGitLabServerOptions(),
            (SelfKey, () => AnswerOverride.Json(HttpStatusCode.BadRequest, body)));
        var oauth = new FakeGitLabToken { Value = "3f2c9a1b7e6d5c4b3a29181706f5e4d3c2b1a09f8e7d6c5b4a3928171605f4e3", Kind = FakeGitLabTokenKind.Personal };
        oauth.Scopes.Add("api");

        var inspection = await gitlab.InspectAsync(oauth);

        inspection.Status.Should().Be(InspectionStatus.Unsupported);
        inspection.TokenType.Should().Be(TokenType.GitLabOther);
        inspection.Family.Should().BeNull();
        inspection.Granted.Should().BeNull();
        inspection.Message.Should().StartWith("GitLab says GET /personal_access_tokens/self needs a personal, project or group access token")
            .And.Contain(said).And.Contain("(OAuth, CI job, …) cannot be checked");
    }

    // Any scope may call /self (PROVIDERS.md §2.1), so GitLab does not send this; should a later version restrict it,
    // the token is refused, never judged as missing scopes. rack-oauth2 renders scope space-separated; a list is read too.
    [Theory]
    [InlineData("\"api read_api\"")]
    [InlineData("""["api","read_api"]""")]
    public async Task InspectAsync_SelfInsufficientScope_IsForbiddenNamingTheAcceptedScopes(string scope)
    {
        using var gitlab = GitLabInspectorFixture.WithAnswers(new FakeGitLabServerOptions(),
            (SelfKey, () => AnswerOverride.Json(HttpStatusCode.Forbidden,
                $$"""{"error":"insufficient_scope","error_description":"The request requires higher privileges than provided by the access token.","scope":{{scope}}}""")));

        var inspection = await gitlab.InspectAsync(FakeGitLabToken.Personal("read_repository"));

        inspection.Status.Should().Be(InspectionStatus.Forbidden);
        inspection.Message.Should().Be("GitLab refused GET /personal_access_tokens/self: the token lacks the scope it needs (it accepts api, read_api).");
        inspection.Granted.Should().BeNull();
    }

    private static GitLabInspectorFixture WithSelf(string body)
        => GitLabInspectorFixture.WithAnswers(new FakeGitLabServerOptions(), (SelfKey, () => AnswerOverride.Json(HttpStatusCode.OK, body)));

    // Entities::PersonalAccessTokenWithLastUsedIps, as the fake renders it, for a token with the api scope.
    private static string SelfBody(bool revoked = false, bool active = true, string expiresAt = "null", string more = "")
        => $$$"""{"id":4201,"name":"gitops","revoked":{{{Json(revoked)}}},"created_at":"2026-01-05T09:30:00.000Z","description":"","scopes":["api"],"user_id":42,"last_used_at":"2026-12-07T09:58:12.000Z","active":{{{Json(active)}}},"expires_at":{{{expiresAt}}},"last_used_ips":["127.0.0.1"]{{{more}}}}""";

    private static string Json(bool value) => value ? "true" : "false";
}
