// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Providers.Internal;
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

        // One round: /user, one GET per repository and three probes per repository.
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

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.Repositories[0].State.Should().Be(RepositoryAccessState.Granted);
        inspection.Repositories[1].State.Should().Be(RepositoryAccessState.NotVisible);
        inspection.Repositories[1].Message.Should().Contain("selection");
        ScopeEvaluator.Evaluate(Runtime, inspection.Granted!).Clauses[0].State.Should().Be(ClauseState.Missing);

        // The hidden repository's probes go out with its GET, answer 404 and count for nothing: no note, no verdict.
        inspection.RequestCount.Should().Be(1 + 2 + (3 * 2));
        github.Server.Requests.Where(r => r.Path.StartsWith("/repos/fg-hidden/other/", StringComparison.Ordinal)).Should().HaveCount(3).And.OnlyContain(r => r.StatusCode == 404);
        inspection.Notes.Should().NotContain(n => n.Contains("fg-hidden/other", StringComparison.Ordinal));
        inspection.Granted!.Scopes.Should().Contain(["administration=write", "contents=write", "repository_hooks=write"]);
        inspection.Granted.Undetermined.Should().NotContain(["administration=write", "contents=write", "repository_hooks=write"]);
    }

    [Fact]
    public async Task InspectAsync_RepositoryNotInSelectionAndPermissionsMissing_OnlyTheVisibleRepositoryIsNamed()
    {
        github.Server.AddRepository(new FakeGitHubRepository { FullName = "fg-hidden2/other" });
        var token = FineGrained(("fg-hidden2/config", [("contents", "write"), ("metadata", "read")]));

        var inspection = await github.InspectAsync(token, [new("fg-hidden2/config"), new("fg-hidden2/other")], [Runtime]);

        ScopeEvaluator.Evaluate(Runtime, inspection.Granted!).MissingScopes.Should().Equal("repository_selection=all", "administration=write", "repository_hooks=write");
        inspection.Notes.Should().Contain(n => n.StartsWith("administration=write on fg-hidden2/config: missing", StringComparison.Ordinal))
            .And.Contain(n => n.StartsWith("repository_hooks=write on fg-hidden2/config: missing", StringComparison.Ordinal))
            .And.NotContain(n => n.Contains("fg-hidden2/other", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InspectAsync_RevokedToken_IsInvalidWithoutProbeNotes()
    {
        var token = FineGrained(("fg-revoked/config", AllRuntimePermissions));
        token.Revoked = true;

        var inspection = await github.InspectAsync(token, [new("fg-revoked/config")], [Runtime]);

        inspection.Status.Should().Be(InspectionStatus.Invalid);
        inspection.Notes.Should().BeEmpty("every answer was 401: the probes say nothing about the repository");
        inspection.RequestCount.Should().Be(1 + 1 + 3, "the probes were sent with the repository's GET");
    }

    [Fact]
    public async Task InspectAsync_AnswersDelayed_ProbesAreInFlightBeforeTheRepositoryAnswers()
    {
        using var slow = new GitHubInspectorFixture();
        var token = FineGrained(slow.Server, ("fg-round/config", AllRuntimePermissions));
        token.Delay = TimeSpan.FromMilliseconds(500);

        var inspection = await slow.InspectAsync(token, [new("fg-round/config")], [Runtime]);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.RequestCount.Should().Be(1 + 1 + 3);

        // Probes sent after the GET's answer could overlap /user at most (4 in flight); 5 means one round.
        slow.Server.PeakConcurrentRequests.Should().Be(5, "/user, the repository's GET and its three probes are all sent before any answers");
    }

    [Fact]
    public async Task InspectAsync_MoreRequestsThanTheCap_StaysWithinIt()
    {
        using var capped = new GitHubInspectorFixture(new FakeGitHubServerOptions(), o => o.MaxConcurrentRequests = 4);
        var repositories = new[] { "fg-cap/a", "fg-cap/b", "fg-cap/c" };
        var token = FineGrained(capped.Server, [.. repositories.Select(r => (r, AllRuntimePermissions))]);
        token.Delay = TimeSpan.FromMilliseconds(100);

        var inspection = await capped.InspectAsync(token, repositories.Select(r => new RepositoryRequest(r)), [Runtime]);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.RequestCount.Should().Be(1 + 3 + (3 * 3));
        capped.Server.PeakConcurrentRequests.Should().BeLessThanOrEqualTo(4, "GETs and probes together still respect MaxConcurrentRequests");
        ScopeEvaluator.Evaluate(Runtime, inspection.Granted!).IsSatisfied.Should().BeTrue();
    }

    [Fact]
    public async Task InspectAsync_WriteProbeAnsweredWithSuccessOnAHiddenRepository_IsStillAnError()
    {
        using var hidden = GitHubInspectorFixture.WithOverrides((AnswerOverride.Key("GET", "/repos/fg-ghost/config"), GitHubAnswers.NotFound));
        var token = FineGrained(hidden.Server, ("fg-ghost/config", AllRuntimePermissions));
        token.AnswerWriteProbesWithSuccess = true;

        var inspection = await hidden.InspectAsync(token, [new("fg-ghost/config")], [Runtime]);

        inspection.Repositories.Single().State.Should().Be(RepositoryAccessState.NotVisible);
        hidden.Server.Requests.Should().Contain(r => r.Method == "PUT" && r.StatusCode >= 200 && r.StatusCode <= 299);
        inspection.Status.Should().Be(InspectionStatus.ProviderError, "a write probe answered 2xx may have changed the repository, whatever its GET said");
        inspection.Message.Should().Contain("must reject").And.Contain("was not trusted");
        hidden.Logs.GetSnapshot().Should().Contain(r => r.Id.Id == ProviderLog.UnexpectedProbeSuccessId);
    }

    [Fact]
    public async Task InspectAsync_ProbeRateLimitedOnAHiddenRepository_IsRateLimited()
    {
        using var hidden = GitHubInspectorFixture.WithOverrides(
            (AnswerOverride.Key("GET", "/repos/fg-limit/other"), GitHubAnswers.NotFound),
            (AnswerOverride.Key("GET", "/repos/fg-limit/other/rulesets/rule-suites"), GitHubAnswers.RateLimited));
        var token = FineGrained(hidden.Server, ("fg-limit/config", AllRuntimePermissions), ("fg-limit/other", AllRuntimePermissions));

        var inspection = await hidden.InspectAsync(token, [new("fg-limit/config"), new("fg-limit/other")], [Runtime]);

        inspection.Status.Should().Be(InspectionStatus.RateLimited, "a rate limit is a fact about the token, whichever repository it showed on");
        inspection.Repositories[1].State.Should().Be(RepositoryAccessState.NotVisible);
    }

    [Fact]
    public async Task InspectAsync_ProbeUnreachable_NoteAndUnknownOnlyWhereTheRepositoryIsVisible()
    {
        const string Probe = "/contents/gittokenscopes-permission-probe.txt";
        using var lossy = GitHubInspectorFixture.WithOverrides(
            (AnswerOverride.Key("PUT", "/repos/fg-lost/config" + Probe), null),
            (AnswerOverride.Key("PUT", "/repos/fg-lost/other" + Probe), null));
        lossy.Server.AddRepository(new FakeGitHubRepository { FullName = "fg-lost/other" });
        var token = FineGrained(lossy.Server, ("fg-lost/config", AllRuntimePermissions));

        var inspection = await lossy.InspectAsync(token, [new("fg-lost/config"), new("fg-lost/other")], [Runtime]);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.Notes.Should().Contain(n => n.StartsWith("contents=write on fg-lost/config: not checked (", StringComparison.Ordinal))
            .And.NotContain(n => n.Contains("fg-lost/other", StringComparison.Ordinal));
        inspection.Granted!.Undetermined.Should().Contain("contents=write");
        inspection.Repositories[0].State.Should().Be(RepositoryAccessState.Unknown);
        inspection.Repositories[1].State.Should().Be(RepositoryAccessState.NotVisible);
    }

    [Fact]
    public async Task InspectAsync_CallerCancelsWhileProbesAreInFlight_Throws()
    {
        using var slow = new GitHubInspectorFixture();
        var token = FineGrained(slow.Server, ("fg-cancel/config", AllRuntimePermissions));
        token.Delay = TimeSpan.FromSeconds(30);
        slow.Server.AddToken(token);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var act = () => slow.Inspector.InspectAsync(new TokenInspectionRequest(slow.Credential(token), [new("fg-cancel/config")], [Runtime]), cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
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
    public async Task InspectAsync_ReadOnlyRepositoryWithoutContentsRead_IsInsufficient()
    {
        var token = FineGrained(("fg-noread/apps", [("metadata", "read")]));

        var inspection = await github.InspectAsync(token, [new("fg-noread/apps", RepositoryAccess.Read)], []);

        inspection.Repositories.Single().Should().Match<RepositoryAccessResult>(r =>
            r.State == RepositoryAccessState.Insufficient && r.CanRead == false
            && r.Message == "The token lacks Contents: Read on this repository.");
        github.Server.Requests.Should().Contain(r => r.Path == "/repos/fg-noread/apps/commits" && r.StatusCode == 403);
    }

    [Fact]
    public async Task InspectAsync_PermissionWithoutASafeProbe_IsUndeterminedWithANoteAndNeverSent()
    {
        // A house requirement may name any permission; GitHub has no request that proves workflows=write without a commit.
        var key = new ScopeRequirementKey(GitProvider.GitHub, TokenKind.Runtime, TokenFamily.FineGrained);
        var workflows = new ScopeRequirement(key, [new ScopeClause("Workflows: Read and write", ["workflows=write"], "Update the runtime's workflow files")], "house", new RequirementSource("A house requirement"));
        var token = FineGrained(("fg-flows/config", [("contents", "write"), ("metadata", "read"), ("workflows", "write")]));

        var inspection = await github.InspectAsync(token, [new("fg-flows/config")], [workflows]);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.Granted!.Undetermined.Should().Contain("workflows=write");
        inspection.Granted.Scopes.Should().NotContain("workflows=write");
        inspection.Notes.Should().Contain("workflows=write: GitHub offers no safe way to check this permission; it is undetermined.");
        ScopeEvaluator.Evaluate(workflows, inspection.Granted).Clauses.Single().State.Should().Be(ClauseState.Unknown);

        // /user, the repository's GET and its contents=write probe; nothing for workflows.
        inspection.RequestCount.Should().Be(3);
        AssertNothingChanged();
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
        github.Logs.GetSnapshot().Should().Contain(r => r.Id.Id == ProviderLog.UnexpectedProbeSuccessId);
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

    private static FakeGitHubToken FineGrained(FakeGitHubServer server, params (string Repository, (string, string)[] Permissions)[] grants)
    {
        var token = FakeGitHubToken.FineGrained();
        foreach (var (repository, permissions) in grants)
        {
            server.AddRepository(new FakeGitHubRepository { FullName = repository });
            token.WithRepository(repository, FakeGitHubGrant.WithPermissions(permissions));
        }

        return token;
    }

    private FakeGitHubToken FineGrained(params (string Repository, (string, string)[] Permissions)[] grants) => FineGrained(github.Server, grants);

    /// <summary>Every request that could change state was one GitHub must reject: none answered 2xx.</summary>
    private void AssertNothingChanged()
        => github.Server.Requests.Where(r => r.Method != "GET").Should().OnlyContain(r => r.StatusCode >= 400);
}
