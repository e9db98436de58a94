// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using GitTokenScopes.Testing;

namespace GitTokenScopes.Tests.GitLab;

/// <summary>Access to named projects: the token's scopes cap it, the role GitLab shows in permissions decides it.</summary>
public sealed class GitLabProjectAccessTests : IDisposable
{
    private readonly GitLabInspectorFixture _gitlab = new();

    public GitLabProjectAccessTests()
    {
        _gitlab.Server.AddProject(new FakeGitLabProject { PathWithNamespace = "acme/platform/gitops-config" });
        _gitlab.Server.AddProject(new FakeGitLabProject { PathWithNamespace = "acme/open", Visibility = "public" });
    }

    [Theory]
    [InlineData("api", "Developer", "ReadWrite", "Granted")]
    [InlineData("api", "Maintainer", "ReadWrite", "Granted")]
    [InlineData("api", "Reporter", "ReadWrite", "Insufficient")]
    [InlineData("api", "Reporter", "Read", "Granted")]
    [InlineData("api", "Guest", "Read", "Insufficient")]
    [InlineData("read_api", "Owner", "ReadWrite", "Insufficient")]
    [InlineData("read_api", "Owner", "Read", "Granted")]
    [InlineData("read_api,write_repository", "Developer", "ReadWrite", "Granted")]
    public async Task InspectAsync_ScopeAndRole_DecideAccess(string scopes, string role, string needed, string expected)
    {
        var token = FakeGitLabToken.Personal(scopes.Split(',')).WithProject("acme/platform/gitops-config", Enum.Parse<FakeGitLabAccessLevel>(role));

        var inspection = await _gitlab.InspectAsync(token, [new("acme/platform/gitops-config", Enum.Parse<RepositoryAccess>(needed))]);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.Repositories.Should().ContainSingle().Which.State.Should().Be(Enum.Parse<RepositoryAccessState>(expected));
        inspection.RequestCount.Should().Be(3);
        _gitlab.Server.Requests.Should().Contain(r => r.Path == "/projects/acme/platform/gitops-config" && r.StatusCode == 200);
    }

    [Fact]
    public async Task InspectAsync_RoleTooLow_SaysWhichRoleIsNeeded()
    {
        var token = FakeGitLabToken.Personal("api").WithProject("acme/platform/gitops-config", FakeGitLabAccessLevel.Reporter);

        var result = (await _gitlab.InspectAsync(token, [new("acme/platform/gitops-config")])).Repositories.Single();

        result.Should().BeEquivalentTo(new { Repository = "acme/platform/gitops-config", CanRead = (bool?)true, CanWrite = (bool?)false });
        result.Message.Should().Contain("Reporter").And.Contain("Developer or higher");
    }

    [Fact]
    public async Task InspectAsync_ScopeTooLow_SaysWhichScopeIsNeeded()
    {
        var token = FakeGitLabToken.Personal("read_api").WithProject("acme/platform/gitops-config", FakeGitLabAccessLevel.Owner);

        var result = (await _gitlab.InspectAsync(token, [new("acme/platform/gitops-config")])).Repositories.Single();

        result.CanRead.Should().BeTrue();
        result.CanWrite.Should().BeFalse();
        result.Message.Should().Contain("write_repository");
    }

    [Fact]
    public async Task InspectAsync_GroupRole_Counts()
    {
        var token = FakeGitLabToken.GroupBot(3, "api").WithGroup("acme", FakeGitLabAccessLevel.Maintainer);

        var result = (await _gitlab.InspectAsync(token, [new("acme/platform/gitops-config")])).Repositories.Single();

        result.State.Should().Be(RepositoryAccessState.Granted);
    }

    [Fact]
    public async Task InspectAsync_NotAMember_IsNotVisible()
    {
        var result = (await _gitlab.InspectAsync(FakeGitLabToken.Personal("api"), [new("acme/platform/gitops-config")])).Repositories.Single();

        result.State.Should().Be(RepositoryAccessState.NotVisible);
        result.Message.Should().Contain("does not show the project");
    }

    [Fact]
    public async Task InspectAsync_PublicProjectWithoutMembership_ReadsButCannotPush()
    {
        var inspection = await _gitlab.InspectAsync(FakeGitLabToken.Personal("api"), [new("acme/open", RepositoryAccess.Read), new("acme/open")]);

        inspection.Repositories.Select(r => r.State).Should().Equal(RepositoryAccessState.Granted, RepositoryAccessState.Insufficient);
        inspection.Repositories[1].Message.Should().Contain("no membership");
    }

    [Fact]
    public async Task InspectAsync_ReadRepositoryOnly_RoleIsUnknownNotMissing()
    {
        var token = FakeGitLabToken.Personal("read_repository").WithProject("acme/platform/gitops-config", FakeGitLabAccessLevel.Owner);

        var inspection = await _gitlab.InspectAsync(token, [new("acme/platform/gitops-config", RepositoryAccess.Read), new("acme/platform/gitops-config")]);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.Repositories[0].State.Should().Be(RepositoryAccessState.Unknown, "read_repository reads, but the API will not show the role");
        inspection.Repositories[1].State.Should().Be(RepositoryAccessState.Insufficient, "without write_repository or api the token cannot push whatever the role");
        inspection.Repositories[1].CanWrite.Should().BeFalse();
        inspection.Repositories[0].Message.Should().Contain("read_api or api");
    }

    [Fact]
    public async Task InspectAsync_ManyProjects_AllConcurrentWithIdentityCalls()
    {
        var token = FakeGitLabToken.Personal("api").WithGroup("acme", FakeGitLabAccessLevel.Developer);
        token.Delay = TimeSpan.FromMilliseconds(300);

        var inspection = await _gitlab.InspectAsync(token, [new("acme/platform/gitops-config"), new("acme/open", RepositoryAccess.Read)]);

        inspection.RequestCount.Should().Be(4);
        _gitlab.Server.PeakConcurrentRequests.Should().Be(4);
        inspection.Repositories.Should().OnlyContain(r => r.State == RepositoryAccessState.Granted);
    }

    // GitLab's Minimal Access role (5) shows a public project, but allows no push.
    [Fact]
    public async Task InspectAsync_MinimalAccess_ReadsAPublicProjectButCannotPush()
    {
        var token = FakeGitLabToken.Personal("api").WithGroup("acme", (FakeGitLabAccessLevel)5);

        var inspection = await _gitlab.InspectAsync(token, [new("acme/open", RepositoryAccess.Read), new("acme/open")]);

        inspection.Repositories.Select(r => r.State).Should().Equal(RepositoryAccessState.Granted, RepositoryAccessState.Insufficient);
        inspection.Repositories[1].Message.Should().Be("The token's role on the project (access level 5) does not allow pushing; Developer or higher is needed.");
    }

    // A 2xx JSON body that is not a project (a proxy's own JSON) and a server error leave the project unknown, not the token.
    [Theory]
    [InlineData(200, """{"status":"ok"}""", "GitLab's answer about the project could not be read.")]
    [InlineData(500, """{"message":"500 Internal Server Error"}""", "GitLab answered 500.")]
    public async Task InspectAsync_ProjectAnswerNotUsable_IsUnknown(int status, string body, string expected)
    {
        using var gitlab = GitLabInspectorFixture.WithAnswers(new FakeGitLabServerOptions(),
            (ProjectKey, () => AnswerOverride.Json((HttpStatusCode)status, body)));

        var inspection = await gitlab.InspectAsync(FakeGitLabToken.Personal("api"), [new("acme/platform/gitops-config")]);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.Repositories.Should().ContainSingle().Which.Should().BeEquivalentTo(new { State = RepositoryAccessState.Unknown, CanRead = (bool?)null, CanWrite = (bool?)null, Message = expected });
    }

    [Fact]
    public async Task InspectAsync_ProjectRateLimited_IsNotChecked()
    {
        using var gitlab = GitLabInspectorFixture.WithAnswers(new FakeGitLabServerOptions(), (ProjectKey, GitLabAnswers.Throttled));

        var inspection = await gitlab.InspectAsync(FakeGitLabToken.Personal("api"), [new("acme/platform/gitops-config")]);

        inspection.Repositories.Should().ContainSingle().Which.Should().BeEquivalentTo(new { State = RepositoryAccessState.Unknown, CanRead = (bool?)null, CanWrite = (bool?)null, Message = "Not checked: GitLab's rate limit was reached." });
    }

    // As on every provider, a repository call's 429 is the inspection's status, with the wait.
    [Fact]
    public async Task InspectAsync_ProjectRateLimited_IsRateLimited()
    {
        using var gitlab = GitLabInspectorFixture.WithAnswers(new FakeGitLabServerOptions(), (ProjectKey, GitLabAnswers.Throttled));

        var inspection = await gitlab.InspectAsync(FakeGitLabToken.Personal("api"), [new("acme/platform/gitops-config")]);

        inspection.Status.Should().Be(InspectionStatus.RateLimited, "a rate limit is a fact about the token, whichever call it showed on");
        inspection.RateLimit!.RetryAfter.Should().Be(TimeSpan.FromSeconds(60));
        inspection.Repositories.Single().State.Should().Be(RepositoryAccessState.Unknown);
    }

    public void Dispose() => _gitlab.Dispose();

    private static string ProjectKey => AnswerOverride.Key("GET", "/projects/acme/platform/gitops-config");
}
