// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using GitTokenScopes.Testing;

namespace GitTokenScopes.Tests.GitLab;

/// <summary>
/// GitLab fine-grained tokens (18.10 beta, 19.2 GA): <c>granular: true</c> and <c>scopes: ["granular"]</c>, the grant in
/// <c>granular_scopes</c> from 19.5; service accounts; a token accepted after its expiry date.
/// </summary>
public sealed class GitLabFineGrainedInspectionTests(GitLabInspectorFixture gitlab) : IClassFixture<GitLabInspectorFixture>
{
    private static readonly FakeGitLabGranularScope Self = new() { Access = "user", Permissions = ["read_user", "read_personal_access_token"] };

    private ScopeRequirement FineGrainedRequirement(TokenKind kind)
        => gitlab.Requirements.GetRequirement(new ScopeRequirementKey(GitProvider.GitLab, kind, TokenFamily.FineGrained));

    // Before the fix such a token was judged as a classic token holding only "granular": every clause missing, a false fail.
    [Fact]
    public async Task InspectAsync_FineGrainedOn1810To194_IsFineGrainedWithUnknownPermissions()
    {
        gitlab.Server.AddProject(new FakeGitLabProject { PathWithNamespace = "acme/config" });
        var token = FakeGitLabToken.FineGrainedPersonal(Self, new FakeGitLabGranularScope { Access = "all_memberships", Permissions = ["read_project", "download_code"] })
            .WithProject("acme/config", FakeGitLabAccessLevel.Developer);
        token.ListsGranularScopes = false;

        var inspection = await gitlab.InspectAsync(token, [new RepositoryRequest("acme/config")]);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.Family.Should().Be(TokenFamily.FineGrained);
        inspection.Notes.Should().Contain(n => n.Contains("cannot be read", StringComparison.Ordinal));
        var evaluation = ScopeEvaluator.Evaluate(FineGrainedRequirement(TokenKind.Runtime), inspection.Granted!);
        evaluation.Clauses.Should().OnlyContain(c => c.State == ClauseState.Unknown);
        evaluation.MissingScopes.Should().BeEmpty("unreadable permissions are unknown, never missing");
        gitlab.Server.Requests.Should().Contain(r => r.Path == "/projects/acme/config", "named projects are still checked read-only");
        inspection.Repositories.Single().State.Should().Be(RepositoryAccessState.Unknown);
    }

    [Fact]
    public async Task InspectAsync_FineGrainedOn195_MapsTheSeedClauses()
    {
        var token = FakeGitLabToken.FineGrainedPersonal(Self, new FakeGitLabGranularScope { Access = "all_memberships", Permissions = ["read_project", "download_code"] });

        var inspection = await gitlab.InspectAsync(token);
        var runtime = ScopeEvaluator.Evaluate(FineGrainedRequirement(TokenKind.Runtime), inspection.Granted!);
        var user = ScopeEvaluator.Evaluate(FineGrainedRequirement(TokenKind.User), inspection.Granted!);

        inspection.Family.Should().Be(TokenFamily.FineGrained);
        runtime.Clauses.Select(c => $"{c.Clause.Preferred}:{c.State}").Should().Equal("read_project:Satisfied", "read_code:Unknown", "download_code:Satisfied");
        user.Clauses.Select(c => $"{c.Clause.Preferred}:{c.State}").Should().Equal("download_code:Satisfied", "push_code:Missing", "read_project:Satisfied");
    }

    [Fact]
    public async Task InspectAsync_SelectedProject_ReachesOnlyThatProject()
    {
        var chosen = gitlab.Server.AddProject(new FakeGitLabProject { PathWithNamespace = "acme/chosen" });
        gitlab.Server.AddProject(new FakeGitLabProject { PathWithNamespace = "acme/other" });
        var token = FakeGitLabToken.FineGrainedPersonal(Self, new FakeGitLabGranularScope { Access = "selected_memberships", ProjectId = chosen.Id, Permissions = ["read_project", "download_code", "push_code"] })
            .WithGroup("acme", FakeGitLabAccessLevel.Developer);

        var inspection = await gitlab.InspectAsync(token, [new RepositoryRequest("acme/chosen", RepositoryAccess.ReadWrite), new RepositoryRequest("acme/other", RepositoryAccess.ReadWrite)]);

        inspection.Repositories[0].State.Should().Be(RepositoryAccessState.Granted);
        inspection.Repositories[1].State.Should().Be(RepositoryAccessState.Insufficient);
        inspection.Repositories[1].Message.Should().Contain("download_code");
    }

    // all_memberships reaches the projects the token's user is a member of, not a public project it merely sees.
    [Fact]
    public async Task InspectAsync_AllMemberships_ReachesOnlyMemberProjects()
    {
        gitlab.Server.AddProject(new FakeGitLabProject { PathWithNamespace = "fg-all/member" });
        gitlab.Server.AddProject(new FakeGitLabProject { PathWithNamespace = "fg-all/open", Visibility = "public" });
        var token = FakeGitLabToken.FineGrainedPersonal(Self, new FakeGitLabGranularScope { Access = "all_memberships", Permissions = ["read_project", "download_code"] })
            .WithProject("fg-all/member", FakeGitLabAccessLevel.Reporter);

        var inspection = await gitlab.InspectAsync(token, [new RepositoryRequest("fg-all/member", RepositoryAccess.Read), new RepositoryRequest("fg-all/open", RepositoryAccess.Read)]);

        inspection.Repositories.Select(r => r.State).Should().Equal(RepositoryAccessState.Granted, RepositoryAccessState.Insufficient);
        inspection.Repositories[1].Message.Should().StartWith("The token's fine-grained permissions do not give download_code on the project");
    }

    // personal_projects reaches the projects in the user's own namespace (GET /user names the user), not a group's.
    [Fact]
    public async Task InspectAsync_PersonalProjects_ReachesOnlyTheUsersNamespace()
    {
        gitlab.Server.AddProject(new FakeGitLabProject { PathWithNamespace = "jdoe/dotfiles" });
        gitlab.Server.AddProject(new FakeGitLabProject { PathWithNamespace = "fg-personal/app" });
        var token = FakeGitLabToken.FineGrainedPersonal(Self, new FakeGitLabGranularScope { Access = "personal_projects", Permissions = ["read_project", "download_code", "push_code"] })
            .WithProject("jdoe/dotfiles", FakeGitLabAccessLevel.Owner)
            .WithProject("fg-personal/app", FakeGitLabAccessLevel.Maintainer);

        var inspection = await gitlab.InspectAsync(token, [new RepositoryRequest("jdoe/dotfiles", RepositoryAccess.ReadWrite), new RepositoryRequest("fg-personal/app", RepositoryAccess.ReadWrite)]);

        inspection.Account!.Login.Should().Be("jdoe");
        inspection.Repositories.Select(r => r.State).Should().Equal(RepositoryAccessState.Granted, RepositoryAccessState.Insufficient);
        inspection.Repositories[1].Message.Should().StartWith("The token's fine-grained permissions do not give download_code on the project");
    }

    // selected_memberships on a group reaches its own projects; a user's namespace is never under it; another group may
    // be a subgroup, which GitLab's project answer does not show, so that is unknown.
    [Fact]
    public async Task InspectAsync_SelectedGroup_ReachesItsProjects_UnknownInOtherGroups()
    {
        using var answering = GitLabInspectorFixture.WithAnswers(new FakeGitLabServerOptions(),
            (AnswerOverride.Key("GET", "/projects/acme/app"), () => Project(301, "acme/app", 5100, "group")),
            (AnswerOverride.Key("GET", "/projects/jdoe/app"), () => Project(302, "jdoe/app", 5200, "user")),
            (AnswerOverride.Key("GET", "/projects/acme/platform/app"), () => Project(303, "acme/platform/app", 5101, "group")));
        var token = FakeGitLabToken.FineGrainedPersonal(Self, new FakeGitLabGranularScope { Access = "selected_memberships", GroupId = 5100, Permissions = ["read_project", "download_code"] });

        var inspection = await answering.InspectAsync(token, [new RepositoryRequest("acme/app", RepositoryAccess.Read), new RepositoryRequest("jdoe/app", RepositoryAccess.Read), new RepositoryRequest("acme/platform/app", RepositoryAccess.Read)]);

        inspection.Repositories.Select(r => r.State).Should().Equal(RepositoryAccessState.Granted, RepositoryAccessState.Insufficient, RepositoryAccessState.Unknown);
        inspection.Repositories[2].Message.Should().Be("The token's scopes could not be fully determined.");
    }

    // The user and instance boundaries hold permissions on the account and the instance, never on a project.
    [Fact]
    public async Task InspectAsync_UserAndInstanceBoundaries_NeverReachAProject()
    {
        gitlab.Server.AddProject(new FakeGitLabProject { PathWithNamespace = "fg-boundary/app" });
        var token = FakeGitLabToken.FineGrainedPersonal(
                new FakeGitLabGranularScope { Access = "user", Permissions = ["read_user", "read_personal_access_token", "download_code"] },
                new FakeGitLabGranularScope { Access = "instance", Permissions = ["download_code"] },
                new FakeGitLabGranularScope { Access = "all_memberships", Permissions = ["read_project"] })
            .WithProject("fg-boundary/app", FakeGitLabAccessLevel.Developer);

        var result = (await gitlab.InspectAsync(token, [new RepositoryRequest("fg-boundary/app", RepositoryAccess.Read)])).Repositories.Single();

        result.State.Should().Be(RepositoryAccessState.Insufficient);
        result.CanRead.Should().BeFalse();
        result.Message.Should().StartWith("The token's fine-grained permissions do not give download_code");
    }

    // A boundary this library does not know (a later GitLab's) may or may not reach the project: unknown, never missing.
    [Fact]
    public async Task InspectAsync_UnknownBoundary_IsUnknownNotInsufficient()
    {
        gitlab.Server.AddProject(new FakeGitLabProject { PathWithNamespace = "fg-future/app" });
        var token = FakeGitLabToken.FineGrainedPersonal(Self, new FakeGitLabGranularScope { Access = "organization", Permissions = ["read_project", "download_code"] })
            .WithProject("fg-future/app", FakeGitLabAccessLevel.Developer);

        var result = (await gitlab.InspectAsync(token, [new RepositoryRequest("fg-future/app", RepositoryAccess.Read)])).Repositories.Single();

        result.State.Should().Be(RepositoryAccessState.Unknown);
        result.CanRead.Should().BeNull();
        result.Message.Should().Be("The token's scopes could not be fully determined.");
    }

    [Fact]
    public async Task InspectAsync_SelfRefusedForFineGrained_NamesReadPersonalAccessToken()
    {
        var token = FakeGitLabToken.FineGrainedPersonal(new FakeGitLabGranularScope { Access = "all_memberships", Permissions = ["download_code"] });

        var inspection = await gitlab.InspectAsync(token);

        inspection.Status.Should().Be(InspectionStatus.Ok, "a 403 insufficient_granular_scope on /self is not a generic forbidden");
        inspection.Family.Should().Be(TokenFamily.FineGrained);
        inspection.Message.Should().Contain("read_personal_access_token").And.Contain("[Personal Access Token: Read]");
        ScopeEvaluator.Evaluate(FineGrainedRequirement(TokenKind.User), inspection.Granted!).MissingScopes.Should().BeEmpty();
    }

    [Fact]
    public async Task InspectAsync_ServiceAccount_IsAServiceAccountNotAPersonalToken()
    {
        var inspection = await gitlab.InspectAsync(FakeGitLabToken.ServiceAccount(77, "api"));

        inspection.TokenType.Should().Be(TokenType.GitLabServiceAccount);
        inspection.Account!.Type.Should().Be("service-account");
        inspection.Account.IsBot.Should().BeTrue();
    }

    // Before the fix GitLab's active: false made this accepted token "expired", a false fail.
    [Fact]
    public async Task InspectAsync_AcceptedAfterExpiry_IsOk()
    {
        var token = FakeGitLabToken.Personal("api");
        token.ExpiresAt = new DateOnly(2020, 1, 1);
        token.ExpiryEnforced = false;

        var inspection = await gitlab.InspectAsync(token);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.ExpiresAt.Should().Be(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    // GET /projects/:id as GitLab renders it for a Developer, trimmed to the fields the inspector reads.
    private static HttpResponseMessage Project(long id, string path, long namespaceId, string kind)
    {
        var space = path[..path.LastIndexOf('/')];
        var name = space[(space.LastIndexOf('/') + 1)..];
        return AnswerOverride.Json(HttpStatusCode.OK,
            $$$"""{"id":{{{id}}},"name":"app","path":"app","path_with_namespace":"{{{path}}}","default_branch":"main","namespace":{"id":{{{namespaceId}}},"name":"{{{name}}}","path":"{{{name}}}","kind":"{{{kind}}}","full_path":"{{{space}}}","parent_id":null},"visibility":"private","permissions":{"project_access":{"access_level":30,"notification_level":3},"group_access":null}}""");
    }
}
