// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using GitTokenScopes.Providers.Internal;
using GitTokenScopes.Testing;
using Microsoft.Extensions.Logging;

namespace GitTokenScopes.Tests.GitLab;

/// <summary>GitLab older than 15.5: /personal_access_tokens/self answers 404, the scopes are inferred from probes and the result says so.</summary>
public sealed class GitLabLegacyInspectionTests : IDisposable
{
    private readonly GitLabInspectorFixture _gitlab = new(new FakeGitLabServerOptions { SupportsPersonalAccessTokensSelf = false });

    [Fact]
    public async Task InspectAsync_Api_IsInferredFromTheCreateProbe()
    {
        var inspection = await _gitlab.InspectAsync(FakeGitLabToken.Personal("api"));

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.Granted!.Scopes.Should().BeEquivalentTo(["read_api", "api"]);
        inspection.Notes.Should().Contain(n => n.Contains("inferred", StringComparison.Ordinal) && n.Contains("/personal_access_tokens/self", StringComparison.Ordinal));
        inspection.ExpiryKnown.Should().BeFalse();
        inspection.ExpiresAt.Should().BeNull();
        inspection.RequestCount.Should().Be(4);
        _gitlab.Server.Requests.Should().Contain(r => r.Method == "POST" && r.Path == "/projects" && r.StatusCode == 400);
        ScopeEvaluator.Evaluate(_gitlab.Requirement(TokenKind.Runtime), inspection.Granted).IsSatisfied.Should().BeTrue();
    }

    [Fact]
    public async Task InspectAsync_ReadApi_IsInferred_WriteRepositoryUnknown()
    {
        var inspection = await _gitlab.InspectAsync(FakeGitLabToken.Personal("read_api", "write_repository"));
        var user = ScopeEvaluator.Evaluate(_gitlab.Requirement(TokenKind.User), inspection.Granted!);

        inspection.Granted!.Scopes.Should().Equal("read_api");
        inspection.Granted.Undetermined.Should().Contain("write_repository").And.NotContain("api");
        user.Clauses.Select(c => c.State).Should().Equal(ClauseState.Unknown, ClauseState.Satisfied);
        user.MissingScopes.Should().BeEmpty();
    }

    [Fact]
    public async Task InspectAsync_ReadRepositoryOnly_NoProbes_ApiScopesMissing_GitScopesUnknown()
    {
        var inspection = await _gitlab.InspectAsync(FakeGitLabToken.Personal("read_repository"));
        var runtime = ScopeEvaluator.Evaluate(_gitlab.Requirement(TokenKind.Runtime), inspection.Granted!);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.Granted!.Scopes.Should().BeEmpty();
        inspection.RequestCount.Should().Be(2, "a 403 on /user already rules out api and read_api");
        runtime.Clauses.Select(c => c.State).Should().Equal(ClauseState.Missing, ClauseState.Unknown);
    }

    [Fact]
    public async Task InspectAsync_ReadUserOnly_IsInferredFromUser()
    {
        var inspection = await _gitlab.InspectAsync(FakeGitLabToken.Personal("read_user"));

        inspection.Granted!.Scopes.Should().Equal("read_user");
        inspection.Account!.Login.Should().Be("jdoe");
    }

    [Fact]
    public async Task InspectAsync_ExpiredOnOlderGitLab_IsExpired()
    {
        var token = FakeGitLabToken.Personal("api");
        token.ExpiresAt = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);

        (await _gitlab.InspectAsync(token)).Status.Should().Be(InspectionStatus.Expired);
    }

    [Fact]
    public async Task InspectAsync_TokenWithoutPrefix_IsAPersonalTokenWithANote()
    {
        var token = new FakeGitLabToken { Value = "xR8vKq2LmN4pTz6WbY0c", Kind = FakeGitLabTokenKind.Personal };
        token.Scopes.Add("api");

        var inspection = await _gitlab.InspectAsync(token);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.TokenType.Should().Be(TokenType.GitLabPersonal);
        inspection.Granted!.Scopes.Should().BeEquivalentTo(["read_api", "api"]);
        inspection.Notes.Should().ContainSingle(n => n.StartsWith("The token has no glpat- prefix", StringComparison.Ordinal) && n.EndsWith("GitLab accepted it as an access token.", StringComparison.Ordinal));
    }

    // read_api shows the role but write_repository cannot be seen through the API on GitLab < 15.5: pushing stays unknown.
    [Fact]
    public async Task InspectAsync_PushWithWriteRepositoryUnseen_IsUnknownNotInsufficient()
    {
        _gitlab.Server.AddProject(new FakeGitLabProject { PathWithNamespace = "acme/config" });
        var token = FakeGitLabToken.Personal("read_api", "write_repository").WithProject("acme/config", FakeGitLabAccessLevel.Developer);

        var result = (await _gitlab.InspectAsync(token, [new RepositoryRequest("acme/config")])).Repositories.Single();

        result.State.Should().Be(RepositoryAccessState.Unknown);
        (result.CanRead, result.CanWrite).Should().Be((true, (bool?)null));
        result.Message.Should().Be("The token's scopes could not be fully determined.");
    }

    [Fact]
    public async Task InspectAsync_UserServerError_IsProviderError()
    {
        using var gitlab = Legacy((Key("GET", "/user"), () => Html(HttpStatusCode.BadGateway)));

        var inspection = await gitlab.InspectAsync(FakeGitLabToken.Personal("api"));

        inspection.Status.Should().Be(InspectionStatus.ProviderError);
        inspection.Message.Should().Be("GitLab answered GET /user with a server error (502).");
        inspection.Granted.Should().BeNull();
        gitlab.Server.Requests.Should().NotContain(r => r.Path == "/projects", "no probe goes out once /user failed");
    }

    [Fact]
    public async Task InspectAsync_ListProbeServerError_IsProviderError()
    {
        using var gitlab = Legacy((Key("GET", "/projects"), () => AnswerOverride.Json(HttpStatusCode.InternalServerError, """{"message":"500 Internal Server Error"}""")));

        var inspection = await gitlab.InspectAsync(FakeGitLabToken.Personal("api"));

        inspection.Status.Should().Be(InspectionStatus.ProviderError);
        inspection.Message.Should().Be("GitLab answered GET /projects with a server error (500).");
        inspection.Granted.Should().BeNull();
    }

    // GitLab rejects a POST /projects without a name (400) and nothing is created; a 2xx means something may have been
    // created and the answer is not what GitLab does: the api scope must not be trusted and the event is logged at once.
    [Fact]
    public async Task InspectAsync_CreateProbeAnsweredWithSuccess_IsProviderErrorAndLogged()
    {
        using var gitlab = Legacy((Key("POST", "/projects"), () => AnswerOverride.Json(HttpStatusCode.Created,
            """{"id":999999,"name":"project","path":"project","path_with_namespace":"jdoe/project","visibility":"private"}""")));

        var inspection = await gitlab.InspectAsync(FakeGitLabToken.Personal("api"));

        inspection.Status.Should().Be(InspectionStatus.ProviderError);
        inspection.Message.Should().StartWith("GitLab answered POST /projects with 201, although the probe sends no project name and GitLab must reject it")
            .And.Contain("the api scope was not trusted");
        inspection.Granted.Should().BeNull("a probe that may have created a project proves nothing");
        gitlab.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == ProviderLog.UnexpectedProbeSuccessId && r.Level == LogLevel.Error)
            .Which.Message.Should().Contain("POST /projects").And.Contain("201");
    }

    // Only GitLab's own validation answers (400, 422) show that the token passed the api scope check; GitLab sends no
    // 409 to a body-less create, so a 409 (a proxy, a lock) is not taken as the api scope.
    [Theory]
    [InlineData(409, """{"message":"409 Conflict"}""", "GitLab answered POST /projects with an unexpected 409: 409 Conflict.")]
    [InlineData(503, """{"message":"503 Service Unavailable"}""", "GitLab answered POST /projects with a server error (503).")]
    public async Task InspectAsync_CreateProbeNeitherRejectedNorRefused_IsProviderError(int status, string body, string expected)
    {
        using var gitlab = Legacy((Key("POST", "/projects"), () => AnswerOverride.Json((HttpStatusCode)status, body)));

        var inspection = await gitlab.InspectAsync(FakeGitLabToken.Personal("api"));

        inspection.Status.Should().Be(InspectionStatus.ProviderError);
        inspection.Message.Should().Be(expected);
        inspection.Granted.Should().BeNull("the api scope is neither shown nor ruled out");
    }

    public void Dispose() => _gitlab.Dispose();

    private static string Key(string method, string path) => AnswerOverride.Key(method, path);

    private static GitLabInspectorFixture Legacy(params (string Key, Func<HttpResponseMessage>? Answer)[] answers)
        => GitLabInspectorFixture.WithAnswers(new FakeGitLabServerOptions { SupportsPersonalAccessTokensSelf = false }, answers);

    // A gateway in front of GitLab (Workhorse, a load balancer) answers a failure with its own HTML page.
    private static HttpResponseMessage Html(HttpStatusCode status)
        => new(status) { Content = new StringContent($"<html>\r\n<head><title>{(int)status} Error</title></head>\r\n<body>\r\n<center><h1>{(int)status} Error</h1></center>\r\n</body>\r\n</html>\r\n", System.Text.Encoding.UTF8, "text/html") };
}
