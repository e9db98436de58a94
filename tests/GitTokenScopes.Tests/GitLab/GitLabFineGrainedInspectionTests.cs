// Licensed under the MIT License. See LICENSE in the repository root.

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
}
