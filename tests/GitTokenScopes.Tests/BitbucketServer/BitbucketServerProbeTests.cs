// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.BitbucketServer.Internal;
using GitTokenScopes.Providers.Internal;
using GitTokenScopes.Testing;
using Microsoft.Extensions.Logging;

namespace GitTokenScopes.Tests.BitbucketServer;

/// <summary>An instance that does not show a token its own entry: permissions inferred with probes that change nothing.</summary>
public sealed class BitbucketServerProbeTests(BitbucketServerProbingFixture fixture) : IClassFixture<BitbucketServerProbingFixture>
{
    private const string ConfigPath = "/bitbucket/rest/api/1.0/projects/CF/repos/config";

    private readonly BitbucketServerInspectorFixture _bitbucket = fixture.Bitbucket;

    [Fact]
    public async Task InspectAsync_PersonalAdminToken_SatisfiesTheSeedThroughProbes()
    {
        var token = FakeBitbucketServerToken.Personal("codefresh-bot", "PROJECT_READ", "REPO_ADMIN").WithRepository("CF/config", "REPO_ADMIN");

        var inspection = await _bitbucket.InspectAsync(token, [new("CF/config")]);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.TokenType.Should().Be(TokenType.BitbucketServerHttpAccessToken, "a probe cannot tell personal, project and repository tokens apart");
        inspection.Notes.Should().Contain(BitbucketServerTokenInspector.ProbeNote);
        inspection.Notes.Should().Contain(n => n.Contains("answered 401", StringComparison.Ordinal));
        BitbucketServerInspectorFixture.Evaluate(inspection).IsSatisfied.Should().BeTrue();
        inspection.Repositories.Single().State.Should().Be(RepositoryAccessState.Granted);

        // identity, own entry (refused), repository, then PROJECT_READ, REPO_ADMIN and REPO_WRITE probes.
        inspection.RequestCount.Should().Be(6);
        _bitbucket.Server.Requests.Should().HaveCount(6);
    }

    [Fact]
    public async Task InspectAsync_Probes_NeverChangeAnything()
    {
        var token = FakeBitbucketServerToken.Personal("codefresh-bot", "PROJECT_WRITE", "REPO_ADMIN").WithRepository("CF/config", "REPO_ADMIN").WithRepository("CF/apps", "REPO_WRITE");

        await _bitbucket.InspectAsync(token, [new("CF/config"), new("CF/apps")]);

        var writes = _bitbucket.Server.Requests.Where(r => r.Method != "GET").ToArray();
        writes.Should().HaveCount(2);
        writes.Should().OnlyContain(r => r.Method == "POST" && r.Path.EndsWith("/branches", StringComparison.Ordinal) && r.StatusCode == 400);
    }

    [Fact]
    public async Task InspectAsync_OwnerWithReadOnly_MissesWriteAndAdmin()
    {
        var token = FakeBitbucketServerToken.Personal("codefresh-bot", "PROJECT_ADMIN", "REPO_ADMIN").WithRepository("CF/config", "REPO_READ");

        var inspection = await _bitbucket.InspectAsync(token, [new("CF/config")]);

        var evaluation = BitbucketServerInspectorFixture.Evaluate(inspection);
        MissingClauseScopes(evaluation).Should().BeEquivalentTo("REPO_WRITE", "REPO_ADMIN");
        inspection.Repositories.Single().Should().Match<RepositoryAccessResult>(r => r.State == RepositoryAccessState.Insufficient && r.CanRead == true && r.CanWrite == false);
    }

    [Fact]
    public async Task InspectAsync_ProjectWriteToken_MissesOnlyAdmin()
    {
        var token = FakeBitbucketServerToken.Project("CF", "PROJECT_WRITE");

        var inspection = await _bitbucket.InspectAsync(token, [new("CF/config")]);

        inspection.Account!.Login.Should().Be("project-cf-token");
        BitbucketServerInspectorFixture.Evaluate(inspection).MissingScopes.Should().Equal("REPO_ADMIN");
        inspection.Repositories.Single().State.Should().Be(RepositoryAccessState.Granted);
    }

    [Fact]
    public async Task InspectAsync_RepositoryAdminToken_MissesProjectRead()
    {
        var token = FakeBitbucketServerToken.Repository("CF", "config", "REPO_ADMIN");

        var inspection = await _bitbucket.InspectAsync(token, [new("CF/config")]);

        var evaluation = BitbucketServerInspectorFixture.Evaluate(inspection);
        evaluation.MissingScopes.Should().Equal("PROJECT_READ");
        evaluation.Clauses.Single(c => c.State == ClauseState.Missing).Clause.Label.Should().Be("Workspace membership: Read");
    }

    [Fact]
    public async Task InspectAsync_RepositoryReadToken_MissesWebhooksAndRepositoryWriteAdmin()
    {
        var token = FakeBitbucketServerToken.Repository("CF", "config", "REPO_READ");

        var inspection = await _bitbucket.InspectAsync(token, [new("CF/config")]);

        var evaluation = BitbucketServerInspectorFixture.Evaluate(inspection);
        MissingClauseScopes(evaluation).Should().BeEquivalentTo("PROJECT_READ", "REPO_WRITE", "REPO_ADMIN");
        evaluation.MissingScopes.Should().BeEquivalentTo(["PROJECT_READ", "REPO_ADMIN"], "granting REPO_ADMIN also grants REPO_WRITE");
        evaluation.Clauses.Single(c => c.Clause.Label == "Account: Read").State.Should().Be(ClauseState.Satisfied, "every valid token reads");
    }

    [Fact]
    public async Task InspectAsync_NoRepositoryNamed_LeavesClausesUnknownNotMissing()
    {
        var inspection = await _bitbucket.InspectAsync(FakeBitbucketServerToken.Personal("codefresh-bot", "PROJECT_READ", "REPO_ADMIN"));

        var evaluation = BitbucketServerInspectorFixture.Evaluate(inspection);
        evaluation.HasMissing.Should().BeFalse();
        evaluation.HasUnknown.Should().BeTrue();
        evaluation.Clauses.Single(c => c.Clause.Label == "Account: Read").State.Should().Be(ClauseState.Satisfied);
        inspection.Notes.Should().Contain(n => n.Contains("name a repository", StringComparison.Ordinal));
        inspection.RequestCount.Should().Be(2);
    }

    [Fact]
    public async Task InspectAsync_WriteProbeAnswering2xx_IsProviderErrorAndLeavesWriteUndetermined()
    {
        var token = FakeBitbucketServerToken.Personal("codefresh-bot", "PROJECT_READ", "REPO_WRITE").WithRepository("CF/config", "REPO_WRITE");
        token.AnswerWriteProbesWithSuccess = true;
        _bitbucket.Logs.Clear();

        var inspection = await _bitbucket.InspectAsync(token, [new("CF/config")]);

        inspection.Status.Should().Be(InspectionStatus.ProviderError);
        inspection.Message.Should().Contain("REPO_WRITE").And.Contain("200");
        inspection.Granted!.Undetermined.Should().Contain("REPO_WRITE");
        inspection.Granted.Grants("REPO_WRITE").Should().BeFalse();
        inspection.Repositories.Single().State.Should().Be(RepositoryAccessState.Unknown);
        _bitbucket.Logs.GetSnapshot().Should().Contain(r => r.Id.Id == ProviderLog.UnexpectedProbeSuccessId && r.Level == LogLevel.Error);
    }

    [Fact]
    public async Task InspectAsync_ProbeNotAnswered_NotesItAndLeavesWriteUndetermined()
    {
        using var lossy = BitbucketServerInspectorFixture.WithOverrides(metadataReadable: false, (AnswerOverride.Key("POST", ConfigPath + "/branches"), null));
        var token = FakeBitbucketServerToken.Personal("codefresh-bot", "PROJECT_READ", "REPO_WRITE").WithRepository("CF/config", "REPO_WRITE");

        var inspection = await lossy.InspectAsync(token, [new("CF/config")]);

        inspection.Status.Should().Be(InspectionStatus.Ok, "one lost probe leaves a permission open; it does not fail the inspection");
        inspection.Notes.Should().ContainSingle(n => n.StartsWith("The REPO_WRITE probe on CF/config was not checked (", StringComparison.Ordinal))
            .Which.Should().Contain("could not be reached for POST");
        inspection.Granted!.Undetermined.Should().Contain("REPO_WRITE");
        inspection.Repositories.Single().Should().Match<RepositoryAccessResult>(r => r.State == RepositoryAccessState.Unknown && r.CanWrite == null);
    }

    [Fact]
    public async Task InspectAsync_ProbeRateLimited_IsRateLimited()
    {
        using var limited = BitbucketServerInspectorFixture.WithOverrides(metadataReadable: false, (AnswerOverride.Key("GET", ConfigPath + "/webhooks"), BitbucketServerAnswers.RateLimited));
        var token = FakeBitbucketServerToken.Personal("codefresh-bot", "PROJECT_READ", "REPO_ADMIN").WithRepository("CF/config", "REPO_ADMIN");

        var inspection = await limited.InspectAsync(token, [new("CF/config")]);

        inspection.Status.Should().Be(InspectionStatus.RateLimited, "a rate limit is a fact about the token, whichever request met it");
        inspection.Message.Should().Be("Bitbucket Server's rate limit was reached; retry after 30 s.");
        inspection.RateLimit!.RetryAfter.Should().Be(TimeSpan.FromSeconds(30));
        inspection.Granted!.Grants("REPO_ADMIN").Should().BeFalse("a rate-limited probe proves nothing");
    }

    [Fact]
    public async Task InspectAsync_TokenNotInBbdcFormat_ProbesWithoutLookingItUp()
    {
        var token = new FakeBitbucketServerToken { Value = "legacy-token-without-an-id", Id = "000000000000", Username = "codefresh-bot" };
        token.Permissions.Add("PROJECT_READ");
        token.Permissions.Add("REPO_ADMIN");
        token.WithRepository("CF/config", "REPO_ADMIN");

        var inspection = await _bitbucket.InspectAsync(token, [new("CF/config")]);

        inspection.Notes.Should().Contain(n => n.Contains("BBDC-", StringComparison.Ordinal));
        _bitbucket.Server.Requests.Should().NotContain(r => r.Path.Contains("access-tokens", StringComparison.Ordinal));
        BitbucketServerInspectorFixture.Evaluate(inspection).IsSatisfied.Should().BeTrue();
    }

    private static IEnumerable<string> MissingClauseScopes(ScopeEvaluation evaluation)
        => evaluation.Clauses.Where(c => c.State == ClauseState.Missing).SelectMany(c => c.Clause.AnyOf).Distinct();
}

/// <summary>Probes over several repositories: a permission is held only where every named repository grants it.</summary>
public sealed class BitbucketServerProbeAggregationTests(BitbucketServerProbingFixture fixture) : IClassFixture<BitbucketServerProbingFixture>
{
    [Fact]
    public async Task InspectAsync_AdminOnOneRepositoryOnly_MissesAdmin()
    {
        var token = FakeBitbucketServerToken.Personal("codefresh-bot", "PROJECT_READ", "REPO_ADMIN")
            .WithRepository("CF/config", "REPO_ADMIN").WithRepository("CF/apps", "REPO_WRITE");

        var inspection = await fixture.Bitbucket.InspectAsync(token, [new("CF/config"), new("CF/apps")]);

        inspection.Granted!.Grants("REPO_WRITE").Should().BeTrue();
        inspection.Granted.Grants("REPO_ADMIN").Should().BeFalse();
        inspection.Granted.Undetermined.Should().NotContain("REPO_ADMIN", "a refusal on a named repository settles it");
        BitbucketServerInspectorFixture.Evaluate(inspection).MissingScopes.Should().Equal("REPO_ADMIN");
        inspection.Repositories.Should().OnlyContain(r => r.State == RepositoryAccessState.Granted);
    }
}
