// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.Tests.Validation;

public sealed class TokenValidatorVerdictTests
{
    [Fact]
    public async Task ClassicRuntimeTokenWithEveryScope_Passes()
    {
        using var harness = new ValidationHarness();

        var report = await harness.ValidateAsync(FakeGitHubToken.Classic("repo", "admin:repo_hook"));

        report.Verdict.Should().Be(ValidationVerdict.Pass);
        report.Status.Should().Be(InspectionStatus.Ok);
        report.TokenType.Should().Be(TokenType.GitHubClassic);
        report.TokenFamily.Should().Be(TokenFamily.Classic);
        report.GrantedScopes.Should().Equal("repo", "admin:repo_hook");
        report.MissingScopes.Should().BeEmpty();
        report.Findings.Select(f => (f.Label, f.State)).Should().Equal(("repo", ClauseState.Satisfied), ("admin:repo_hook", ClauseState.Satisfied));
        report.Remediation.Should().BeNull();
        report.Edition.Should().Be(ScopeEditions.SeedName);
        report.Account.Should().Be(new AccountInfo("octocat", "User", null));
    }

    [Fact]
    public async Task ClassicRuntimeTokenWithoutWebhookScope_FailsNamingTheScopeAndWhy()
    {
        using var harness = new ValidationHarness();

        var report = await harness.ValidateAsync(FakeGitHubToken.Classic("repo"));

        report.Verdict.Should().Be(ValidationVerdict.Fail);
        report.Status.Should().Be(InspectionStatus.Ok);
        report.MissingScopes.Should().Equal("admin:repo_hook");
        var finding = report.Findings.Single(f => f.State == ClauseState.Missing);
        finding.Label.Should().Be("admin:repo_hook");
        finding.Purpose.Should().Contain("webhook");
        report.Remediation!.CreateTokenUrl!.AbsoluteUri.Should().EndWith("settings/tokens/new?scopes=repo,admin:repo_hook&description=GitOps%20runtime");
        report.Remediation.Steps.Should().Contain(s => s.StartsWith("Missing admin:repo_hook: ", StringComparison.Ordinal))
            .And.NotContain(s => s.Contains("(admin:repo_hook)", StringComparison.Ordinal), "a clause labelled with its scope is not named twice");
    }

    [Fact]
    public async Task ImpliedScope_SatisfiesTheClause()
    {
        // A host asks for write:repo_hook only; admin:repo_hook implies it.
        using var harness = new ValidationHarness(o => o.Overrides.Add(Override("github", "runtime", "classic", runtime: null, OverrideMode.Replace, "write:repo_hook")));

        var report = await harness.ValidateAsync(FakeGitHubToken.Classic("admin:repo_hook"));

        report.Verdict.Should().Be(ValidationVerdict.Pass);
        report.Findings.Single().SatisfiedBy.Should().Be("admin:repo_hook");
    }

    internal static ScopeRequirementOverride Override(string provider, string kind, string family, string? runtime, OverrideMode mode, params string[] scopes)
    {
        var result = new ScopeRequirementOverride { Provider = provider, Kind = kind, TokenFamily = family, Runtime = runtime, Mode = mode };
        foreach (var scope in scopes)
        {
            var clause = new ScopeClauseOptions { Label = scope, Purpose = "Required by the host" };
            clause.AnyOf.Add(scope);
            result.Clauses.Add(clause);
        }

        return result;
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("revoked")]
    public async Task RejectedToken_FailsWithoutMissingScopes(string what)
    {
        using var harness = new ValidationHarness();
        var token = FakeGitHubToken.Classic("repo", "admin:repo_hook");
        GitCredential credential;
        if (what == "revoked")
        {
            token.Revoked = true;
            credential = harness.Credential(token);
        }
        else
        {
            credential = new GitCredential(GitProvider.GitHub, "ghp_" + new string('x', 36), apiUrl: harness.Server.ApiUrl);
        }

        var report = await harness.Validator.ValidateAsync(new TokenValidationRequest(credential, TokenKind.Runtime));

        report.Verdict.Should().Be(ValidationVerdict.Fail);
        report.Status.Should().Be(InspectionStatus.Invalid);
        report.MissingScopes.Should().BeEmpty("a rejected token is not a token with missing scopes");
        report.Findings.Should().OnlyContain(f => f.State == ClauseState.Skipped);
        report.Remediation!.CreateTokenUrl!.ToString().Should().Contain("scopes=repo,admin:repo_hook");
    }

    [Fact]
    public async Task RateLimited_IsIndeterminateWithTheResetTime_NeverMissingScopes()
    {
        using var harness = new ValidationHarness();
        var reset = DateTimeOffset.UtcNow.AddMinutes(30);
        var token = FakeGitHubToken.Classic("repo");
        token.RateLimit = new FakeGitHubRateLimit { Remaining = 0, ResetAt = reset };

        var report = await harness.ValidateAsync(token);

        report.Verdict.Should().Be(ValidationVerdict.Indeterminate);
        report.Status.Should().Be(InspectionStatus.RateLimited);
        report.MissingScopes.Should().BeEmpty();
        report.Findings.Should().NotContain(f => f.State == ClauseState.Missing);
        report.RateLimit!.Remaining.Should().Be(0);
        report.RateLimit.ResetAt.Should().BeCloseTo(reset, TimeSpan.FromSeconds(1));
        report.Remediation.Should().BeNull();
    }

    [Fact]
    public async Task ServerError_IsIndeterminate()
    {
        using var harness = new ValidationHarness();
        var token = FakeGitHubToken.Classic("repo");
        token.ServerErrorStatus = 502;

        var report = await harness.ValidateAsync(token);

        report.Verdict.Should().Be(ValidationVerdict.Indeterminate);
        report.Status.Should().Be(InspectionStatus.ProviderError);
        report.MissingScopes.Should().BeEmpty();
    }

    [Fact]
    public async Task ProviderUnreachable_IsIndeterminate()
    {
        using var harness = new ValidationHarness();
        var closedPort = new Uri("http://127.0.0.1:9/");

        var report = await harness.Validator.ValidateAsync(new TokenValidationRequest(new GitCredential(GitProvider.GitHub, "ghp_" + new string('a', 36), apiUrl: closedPort), TokenKind.User));

        report.Verdict.Should().Be(ValidationVerdict.Indeterminate);
        report.Status.Should().Be(InspectionStatus.Unreachable);
    }

    [Fact]
    public async Task NoInspectorForTheProvider_ThrowsNamingTheMissingRegistration()
    {
        using var harness = new ValidationHarness();
        var request = new TokenValidationRequest(new GitCredential(GitProvider.BitbucketServer, "BBDC-secret", serverUrl: new Uri("https://bitbucket.example.com")), TokenKind.User);

        var act = () => harness.Validator.ValidateAsync(request);

        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("AddBitbucketServer()");
    }

    [Fact]
    public async Task InspectorThatThrows_GivesIndeterminateProviderError()
    {
        var fake = new FakeTokenInspector(GitProvider.GitLab).Answer(_ => throw new InvalidOperationException("boom"));
        using var harness = new ValidationHarness(services: s => s.AddSingleton<ITokenInspector>(fake));
        var request = new TokenValidationRequest(new GitCredential(GitProvider.GitLab, "glpat-abc"), TokenKind.User);

        var report = await harness.Validator.ValidateAsync(request);

        report.Verdict.Should().Be(ValidationVerdict.Indeterminate);
        report.Status.Should().Be(InspectionStatus.ProviderError);
        report.Message.Should().Contain("InvalidOperationException").And.NotContain("boom");
    }

    [Theory]
    [InlineData(GitProvider.GitHub, "ghp_" + "0123456789abcdefghijklmnopqrstuvwxyz", "https://api.github.com/")]
    [InlineData(GitProvider.GitLab, "glpat-0123456789abcdefghij", "https://gitlab.com/api/v4/")]
    [InlineData(GitProvider.BitbucketCloud, "ATCTT3x0123456789abcdefghijklmnopqrstuvwxyz", "https://api.bitbucket.org/2.0/")]
    [InlineData(GitProvider.BitbucketServer, "BBDC-0123456789abcdefghijklmnopqrstuvwxyz", "https://bitbucket-server.invalid/")]
    public async Task InspectorThatThrows_ForACredentialWithoutAnAddress_IsReportedAgainstTheProvidersDefaultApi(GitProvider provider, string token, string apiUrl)
    {
        // Bitbucket Data Center has no public address: the placeholder's .invalid name can never resolve.
        var fake = new FakeTokenInspector(provider).Answer(_ => throw new InvalidOperationException());
        using var harness = new ValidationHarness(services: s => s.AddSingleton<ITokenInspector>(fake));

        var report = await harness.Validator.ValidateAsync(new TokenValidationRequest(new GitCredential(provider, token), TokenKind.Runtime));

        report.Status.Should().Be(InspectionStatus.ProviderError);
        report.ApiUrl.Should().Be(new Uri(apiUrl));
    }

    [Fact]
    public async Task CallerCancellation_Throws()
    {
        var fake = new FakeTokenInspector(GitProvider.GitLab).Answer(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        using var harness = new ValidationHarness(services: s => s.AddSingleton<ITokenInspector>(fake));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var act = () => harness.Validator.ValidateAsync(new TokenValidationRequest(new GitCredential(GitProvider.GitLab, "glpat-abc"), TokenKind.User), cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task EveryValidation_IsCountedByVerdict()
    {
        using var harness = new ValidationHarness();

        await harness.ValidateAsync(FakeGitHubToken.Classic("repo", "admin:repo_hook"));
        await harness.ValidateAsync(FakeGitHubToken.Classic("repo"));

        var measurements = harness.Validations.GetMeasurementSnapshot();
        measurements.Select(m => m.Tags["gittokenscopes.verdict"]).Should().BeEquivalentTo(["pass", "fail"]);
        measurements.Should().OnlyContain(m => (string?)m.Tags["gittokenscopes.provider"] == "github" && (string?)m.Tags["gittokenscopes.token.kind"] == "runtime");
    }

    [Fact]
    public async Task HostInspectorWithAnUnknownStatus_GivesIndeterminateProviderError()
    {
        var fake = GitLabAnswering((InspectionStatus)99);
        using var harness = new ValidationHarness(services: s => s.AddSingleton<ITokenInspector>(fake));

        var report = await harness.Validator.ValidateAsync(new TokenValidationRequest(new GitCredential(GitProvider.GitLab, "glpat-odd"), TokenKind.User));

        report.Verdict.Should().Be(ValidationVerdict.Indeterminate);
        report.Status.Should().Be(InspectionStatus.ProviderError);
    }

    [Fact]
    public async Task Forbidden_IsIndeterminate_BecauseItMayReflectWhereTheValidatorRuns()
    {
        var fake = GitLabAnswering(InspectionStatus.Forbidden, message: "GitLab refused the request (403): IP address not allowed.");
        using var harness = new ValidationHarness(services: s => s.AddSingleton<ITokenInspector>(fake));

        var report = await harness.Validator.ValidateAsync(new TokenValidationRequest(new GitCredential(GitProvider.GitLab, "glpat-ip"), TokenKind.User));

        report.Verdict.Should().Be(ValidationVerdict.Indeterminate);
        report.Message.Should().Contain("IP address");
        report.MissingScopes.Should().BeEmpty();
    }

    [Fact]
    public async Task HostInspectorOkWithoutAGrant_LeavesEveryClauseUnknown_NeverMissing()
    {
        // A host's inspector that says "ok" and names the family but forgot the grant: nothing is known, nothing is missing.
        var fake = GitLabAnswering(InspectionStatus.Ok, TokenFamily.PersonalAccessToken);
        using var harness = new ValidationHarness(services: s => s.AddSingleton<ITokenInspector>(fake));

        var report = await harness.Validator.ValidateAsync(new TokenValidationRequest(new GitCredential(GitProvider.GitLab, "glpat-nogrant"), TokenKind.User));

        report.Verdict.Should().Be(ValidationVerdict.Indeterminate);
        report.Findings.Should().NotBeEmpty().And.OnlyContain(f => f.State == ClauseState.Unknown);
        report.MissingScopes.Should().BeEmpty();
    }

    [Fact]
    public void DefaultVerdict_IsNotAPass()
        => default(ValidationVerdict).Should().Be(ValidationVerdict.Indeterminate);

    [Fact]
    public async Task SeveralRuntimes_RefusesARequestThatNamesOne()
    {
        using var harness = new ValidationHarness();
        var request = new TokenValidationRequest(harness.Credential(FakeGitHubToken.Classic("repo")), TokenKind.User, "prod");

        var act = () => harness.Validator.ValidateForRuntimesAsync(request, ["dev"]);

        (await act.Should().ThrowAsync<ArgumentException>().WithParameterName("request"))
            .WithMessage("The request names a runtime; for several runtimes leave it null and pass them all in runtimeNames.*");
        harness.Server.Requests.Should().BeEmpty();
    }

    [Fact]
    public void RepositoryCloneUrlWithUserInformation_KeepsOnlyThePath()
    {
        new RepositoryRequest("https://oauth2:glpat-secretsecretsecret@gitlab.example.com/acme/config.git").Name.Should().Be("acme/config");

        var act = () => new RepositoryRequest("https://oauth2:glpat-secretsecretsecret@gitlab.example.com/");
        act.Should().Throw<ArgumentException>().Which.Message.Should().NotContain("secretsecret");
    }

    /// <summary>A host's GitLab inspector that answers every request with <paramref name="status"/> and nothing else learnt.</summary>
    private static FakeTokenInspector GitLabAnswering(InspectionStatus status, TokenFamily? family = null, string? message = null)
        => new FakeTokenInspector(GitProvider.GitLab).Answer(request => new TokenInspection
        {
            Provider = GitProvider.GitLab,
            ApiUrl = FakeTokenInspector.ApiUrlOf(request),
            Status = status,
            Family = family,
            CredentialFingerprint = request.Credential.Fingerprint,
            Message = message,
        });
}
