// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;

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

    public void Dispose() => _gitlab.Dispose();
}
