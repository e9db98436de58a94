// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;

namespace GitTokenScopes.Tests.GitHub;

/// <summary>
/// Fine-grained PATs and App tokens: no scope list exists, so the inspector probes exactly the permissions the
/// requirement asks for on each named repository, without changing anything.
/// </summary>
public sealed class GitHubFineGrainedInspectionTests(GitHubInspectorFixture github) : IClassFixture<GitHubInspectorFixture>
{
    private static readonly ScopeRequirement Runtime = GitHubInspectorFixture.Requirement(TokenKind.Runtime, TokenFamily.FineGrained);
    private static readonly ScopeRequirement User = GitHubInspectorFixture.Requirement(TokenKind.User, TokenFamily.FineGrained);
    private static readonly ScopeRequirement RuntimeDocs = GitHubInspectorFixture.Requirement(TokenKind.Runtime, TokenFamily.FineGrained, ScopeEditions.CodefreshDocs);

    private static readonly (string, string)[] AllRuntimePermissions =
        [("administration", "write"), ("contents", "write"), ("metadata", "read"), ("repository_hooks", "write")];

    [Fact]
    public async Task InspectAsync_AllPermissionsOnTwoRepositories_Satisfied()
    {
        var token = FineGrained(("fg-all/config", AllRuntimePermissions), ("fg-all/apps", AllRuntimePermissions));

        var inspection = await github.InspectAsync(token, [new("fg-all/config"), new("fg-all/apps")], [Runtime]);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.TokenType.Should().Be(TokenType.GitHubFineGrained);
        inspection.Granted!.Scopes.Should().BeEquivalentTo(
            ["metadata=read", "repository_selection=selected", "administration=write", "contents=write", "repository_hooks=write"]);
        ScopeEvaluator.Evaluate(Runtime, inspection.Granted).IsSatisfied.Should().BeTrue();
        inspection.Repositories.Should().OnlyContain(r => r.State == RepositoryAccessState.Granted && r.CanWrite == true);

        // Round one: /user + one GET per repository; round two: three probes per repository.
        inspection.RequestCount.Should().Be(1 + 2 + (3 * 2));
        github.Server.Requests.Should().HaveCount(inspection.RequestCount);
        AssertNothingChanged();
    }

    [Fact]
    public async Task InspectAsync_SomePermissionsMissing_EvaluatesMissingAndNamesThem()
    {
        var token = FineGrained(("fg-some/config", [("contents", "write"), ("metadata", "read"), ("administration", "read")]));

        var inspection = await github.InspectAsync(token, [new("fg-some/config")], [Runtime]);

        var evaluation = ScopeEvaluator.Evaluate(Runtime, inspection.Granted!);
        evaluation.MissingScopes.Should().Equal("administration=write", "repository_hooks=write");
        evaluation.HasUnknown.Should().BeFalse();
        inspection.Notes.Should().Contain(n => n.Contains("repository_hooks=write on fg-some/config: missing", StringComparison.Ordinal)
            && n.Contains("GitHub requires repository_hooks=write", StringComparison.Ordinal));
        inspection.Repositories.Single().State.Should().Be(RepositoryAccessState.Granted);
        AssertNothingChanged();
    }

    [Fact]
    public async Task InspectAsync_NoPermissions_EverythingButMetadataMissing()
    {
        var token = FineGrained(("fg-none/config", [("metadata", "read")]));

        var inspection = await github.InspectAsync(token, [new("fg-none/config")], [User]);

        var evaluation = ScopeEvaluator.Evaluate(User, inspection.Granted!);
        evaluation.MissingScopes.Should().Equal("contents=write");
        inspection.Repositories.Single().State.Should().Be(RepositoryAccessState.Insufficient);
        inspection.Repositories.Single().CanWrite.Should().BeFalse();
    }

    [Fact]
    public async Task InspectAsync_PermissionMissingOnOneOfTwoRepositories_IsMissing()
    {
        var token = FineGrained(("fg-mixed/a", AllRuntimePermissions), ("fg-mixed/b", [("contents", "write"), ("metadata", "read")]));

        var inspection = await github.InspectAsync(token, [new("fg-mixed/a"), new("fg-mixed/b")], [Runtime]);

        ScopeEvaluator.Evaluate(Runtime, inspection.Granted!).MissingScopes.Should().Equal("administration=write", "repository_hooks=write");
    }

    [Fact]
    public async Task InspectAsync_NoRepositoryNamed_ClausesUnknownNotMissing()
    {
        var token = FakeGitHubToken.FineGrained();

        var inspection = await github.InspectAsync(token, requirements: [Runtime]);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.RequestCount.Should().Be(1);
        var evaluation = ScopeEvaluator.Evaluate(Runtime, inspection.Granted!);
        evaluation.Clauses.Should().OnlyContain(c => c.State == ClauseState.Unknown);
        evaluation.MissingScopes.Should().BeEmpty();
        inspection.Notes.Should().Contain(n => n.Contains("name a repository", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InspectAsync_RepositoryNotInSelection_IsNotVisibleAndSelectionMissing()
    {
        github.Server.AddRepository(new FakeGitHubRepository { FullName = "fg-hidden/other" });
        var token = FineGrained(("fg-hidden/config", AllRuntimePermissions));

        var inspection = await github.InspectAsync(token, [new("fg-hidden/config"), new("fg-hidden/other")], [Runtime]);

        inspection.Repositories[1].State.Should().Be(RepositoryAccessState.NotVisible);
        inspection.Repositories[1].Message.Should().Contain("selection");
        ScopeEvaluator.Evaluate(Runtime, inspection.Granted!).Clauses[0].State.Should().Be(ClauseState.Missing);
        github.Server.Requests.Should().NotContain(r => r.Path.StartsWith("/repos/fg-hidden/other/", StringComparison.Ordinal), "an invisible repository is not probed");
    }

    [Fact]
    public async Task InspectAsync_SecondEdition_ProbesStatusesAndPullRequestsToo()
    {
        var token = FineGrained(("fg-docs/config", [.. AllRuntimePermissions, ("statuses", "write"), ("pull_requests", "read")]));

        var inspection = await github.InspectAsync(token, [new("fg-docs/config")], [RuntimeDocs]);

        ScopeEvaluator.Evaluate(RuntimeDocs, inspection.Granted!).MissingScopes.Should().Equal("pull_requests=write");
        inspection.RequestCount.Should().Be(1 + 1 + 5);
    }

    [Fact]
    public async Task InspectAsync_ReadOnlyRepository_ProbesContentsRead()
    {
        var token = FineGrained(("fg-read/apps", [("contents", "read"), ("metadata", "read")]));

        var inspection = await github.InspectAsync(token, [new("fg-read/apps", RepositoryAccess.Read)], []);

        inspection.Repositories.Single().State.Should().Be(RepositoryAccessState.Granted);
        github.Server.Requests.Should().Contain(r => r.Method == "GET" && r.Path == "/repos/fg-read/apps/commits");
        github.Server.Requests.Should().NotContain(r => r.Method != "GET");
    }

    [Fact]
    public async Task InspectAsync_EmptyRepository_ContentsReadStillProven()
    {
        github.Server.AddRepository(new FakeGitHubRepository { FullName = "fg-empty/new", Empty = true });
        var token = FakeGitHubToken.FineGrained().WithRepository("fg-empty/new", FakeGitHubGrant.WithPermissions(("contents", "read"), ("metadata", "read")));

        var inspection = await github.InspectAsync(token, [new("fg-empty/new", RepositoryAccess.Read)]);

        inspection.Repositories.Single().State.Should().Be(RepositoryAccessState.Granted);
    }

    [Fact]
    public async Task InspectAsync_WriteProbeAnsweredWithSuccess_IsReportedAsAnError()
    {
        var token = FineGrained(("fg-bad/config", AllRuntimePermissions));
        token.AnswerWriteProbesWithSuccess = true;

        var inspection = await github.InspectAsync(token, [new("fg-bad/config")], [Runtime]);

        inspection.Status.Should().Be(InspectionStatus.ProviderError);
        inspection.Message.Should().Contain("must reject").And.Contain("was not trusted");
        inspection.Granted!.Scopes.Should().NotContain(["contents=write", "repository_hooks=write"]);
        inspection.Granted.Undetermined.Should().Contain(["contents=write", "repository_hooks=write"]);
        github.Logs.GetSnapshot().Should().Contain(r => r.Id.Id == 103);
    }

    [Fact]
    public async Task InspectAsync_AppInstallationToken_ReadsTheSelectionFromTheInstallation()
    {
        github.Server.AddRepository(new FakeGitHubRepository { FullName = "app-org/config" });
        var token = FakeGitHubToken.AppInstallation().WithRepository("app-org/config", FakeGitHubGrant.WithPermissions(AllRuntimePermissions));
        token.RepositorySelection = "all";

        var inspection = await github.InspectAsync(token, [new("app-org/config")], [Runtime]);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.TokenType.Should().Be(TokenType.GitHubAppInstallation);
        inspection.Account.Should().BeNull();
        inspection.Granted!.Scopes.Should().Contain("repository_selection=all");
        ScopeEvaluator.Evaluate(Runtime, inspection.Granted).IsSatisfied.Should().BeTrue();
        github.Server.Requests.Should().Contain(r => r.Path == "/installation/repositories").And.NotContain(r => r.Path == "/user");
    }

    [Fact]
    public async Task InspectAsync_AppUserToken_IsProbedLikeFineGrained()
    {
        github.Server.AddRepository(new FakeGitHubRepository { FullName = "app-user/config" });
        var token = FakeGitHubToken.AppUser().WithRepository("app-user/config", FakeGitHubGrant.WithPermissions(("contents", "write"), ("metadata", "read")));

        var inspection = await github.InspectAsync(token, [new("app-user/config")], [User]);

        inspection.TokenType.Should().Be(TokenType.GitHubAppUser);
        ScopeEvaluator.Evaluate(User, inspection.Granted!).IsSatisfied.Should().BeTrue();
    }

    [Fact]
    public async Task InspectAsync_ProbesRunConcurrently_RequestsBoundedByNeeds()
    {
        var repositories = Enumerable.Range(0, 8).Select(i => $"fg-many/r{i}").ToArray();
        var token = FineGrained([.. repositories.Select(r => (r, AllRuntimePermissions))]);

        var inspection = await github.InspectAsync(token, repositories.Select(r => new RepositoryRequest(r)), [Runtime]);

        inspection.RequestCount.Should().Be(1 + 8 + (3 * 8));
        ScopeEvaluator.Evaluate(Runtime, inspection.Granted!).IsSatisfied.Should().BeTrue();
    }

    private FakeGitHubToken FineGrained(params (string Repository, (string, string)[] Permissions)[] grants)
    {
        var token = FakeGitHubToken.FineGrained();
        foreach (var (repository, permissions) in grants)
        {
            github.Server.AddRepository(new FakeGitHubRepository { FullName = repository });
            token.WithRepository(repository, FakeGitHubGrant.WithPermissions(permissions));
        }

        return token;
    }

    /// <summary>Every request that could change state was one GitHub must reject: none answered 2xx.</summary>
    private void AssertNothingChanged()
        => github.Server.Requests.Where(r => r.Method != "GET").Should().OnlyContain(r => r.StatusCode >= 400);
}
