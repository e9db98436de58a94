// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GitTokenScopes.Tests.Validation;

public sealed class TokenValidatorPolicyTests
{
    [Fact]
    public async Task SkipValidation_MakesNoProviderRequestAndWarns()
    {
        using var harness = new ValidationHarness(o => o.Validation.Runtime.SkipValidation = true);

        var report = await harness.ValidateAsync(FakeGitHubToken.Classic(), repositories: [new RepositoryRequest("acme/config")]);

        harness.Server.Requests.Should().BeEmpty();
        report.Verdict.Should().Be(ValidationVerdict.Skipped);
        report.Status.Should().BeNull();
        report.Warnings.Should().ContainSingle(w => w.Code == ValidationWarningCode.ValidationSkipped)
            .Which.Message.Should().Contain("onus is on you");
        report.Repositories.Should().ContainSingle().Which.State.Should().Be(RepositoryAccessState.Unknown);
    }

    [Fact]
    public async Task SkipValidation_IsPerTokenKind()
    {
        using var harness = new ValidationHarness(o => o.Validation.Runtime.SkipValidation = true);

        var report = await harness.ValidateAsync(FakeGitHubToken.Classic("repo"), TokenKind.User);

        report.Verdict.Should().Be(ValidationVerdict.Pass);
        harness.Server.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task RequestFlag_OverridesThePolicy()
    {
        using var harness = new ValidationHarness(o => o.Validation.Runtime.SkipValidation = true);

        var report = await harness.ValidateAsync(FakeGitHubToken.Classic("repo", "admin:repo_hook"), skipValidation: false);

        report.Verdict.Should().Be(ValidationVerdict.Pass);
    }

    [Fact]
    public async Task SkipGitPermissionValidation_SkipsClausesButStillChecksTheTokenAndRepositories()
    {
        using var harness = new ValidationHarness(o => o.Validation.User.SkipGitPermissionValidation = true);
        harness.Server.AddRepository(new FakeGitHubRepository { FullName = "acme/config" });
        var token = FakeGitHubToken.Classic("public_repo").WithRepository("acme/config", new FakeGitHubGrant { Role = "write" });

        var report = await harness.ValidateAsync(token, TokenKind.User, repositories: [new RepositoryRequest("acme/config")]);

        report.Findings.Should().NotBeEmpty().And.OnlyContain(f => f.State == ClauseState.Skipped);
        report.MissingScopes.Should().BeEmpty();
        report.Warnings.Should().Contain(w => w.Code == ValidationWarningCode.PermissionValidationSkipped);

        // public_repo cannot see a private repository (GitHub answers 404): the seed still demands read and write on it.
        report.Repositories.Should().ContainSingle().Which.State.Should().Be(RepositoryAccessState.NotVisible);
        report.Verdict.Should().Be(ValidationVerdict.Fail);
    }

    [Fact]
    public async Task SkipGitPermissionValidation_WithAWritableRepository_Passes()
    {
        using var harness = new ValidationHarness(o => o.Validation.User.SkipGitPermissionValidation = true);
        harness.Server.AddRepository(new FakeGitHubRepository { FullName = "acme/config" });
        var token = FakeGitHubToken.Classic("read:user").WithRepository("acme/config", new FakeGitHubGrant { Role = "write" });
        token.Scopes.Add("repo");

        var report = await harness.ValidateAsync(token, TokenKind.User, repositories: [new RepositoryRequest("acme/config")]);

        report.Verdict.Should().Be(ValidationVerdict.Pass);
    }

    [Fact]
    public async Task SkipGitPermissionValidation_StillFailsAnInvalidToken()
    {
        using var harness = new ValidationHarness(o => o.Validation.User.SkipGitPermissionValidation = true);
        var token = FakeGitHubToken.Classic("repo");
        token.Revoked = true;

        var report = await harness.ValidateAsync(token, TokenKind.User);

        report.Verdict.Should().Be(ValidationVerdict.Fail);
        report.Status.Should().Be(InspectionStatus.Invalid);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("false", false)]
    public void SkipFlags_BindFromConfigurationStrings(string value, bool expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GitTokenScopes:Validation:Runtime:SkipValidation"] = value,
            ["GitTokenScopes:Validation:User:SkipGitPermissionValidation"] = value,
            ["GitTokenScopes:Validation:User:UnknownClauses"] = "FailOpen",
        }).Build();
        var services = new ServiceCollection();
        services.AddGitTokenScopes(configuration.GetSection("GitTokenScopes"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<GitTokenScopesOptions>>().Value.Validation;

        options.Runtime.SkipValidation.Should().Be(expected);
        options.User.SkipGitPermissionValidation.Should().Be(expected);
        options.User.UnknownClauses.Should().Be(UnknownClausePolicy.FailOpen);
        options.Runtime.UnknownClauses.Should().Be(UnknownClausePolicy.FailClosed);
    }

    [Fact]
    public async Task FineGrainedWithoutRepository_IsIndeterminateWhenFailClosed()
    {
        using var harness = new ValidationHarness();

        var report = await harness.ValidateAsync(FakeGitHubToken.FineGrained(), TokenKind.User);

        report.Verdict.Should().Be(ValidationVerdict.Indeterminate);
        report.Findings.Should().Contain(f => f.State == ClauseState.Unknown);
        report.MissingScopes.Should().BeEmpty();
        report.Warnings.Should().Contain(w => w.Code == ValidationWarningCode.FineGrainedUnverified);
    }

    [Fact]
    public async Task FineGrainedWithoutRepository_PassesWithAWarningWhenFailOpen()
    {
        using var harness = new ValidationHarness(o => o.Validation.User.UnknownClauses = UnknownClausePolicy.FailOpen);

        var report = await harness.ValidateAsync(FakeGitHubToken.FineGrained(), TokenKind.User);

        report.Verdict.Should().Be(ValidationVerdict.Pass);
        report.Findings.Should().Contain(f => f.State == ClauseState.Unknown);
        report.Warnings.Should().Contain(w => w.Code == ValidationWarningCode.UnverifiedPassed);
    }

    [Fact]
    public async Task FailOpen_DoesNotHideAMissingClause()
    {
        using var harness = new ValidationHarness(o => o.Validation.Runtime.UnknownClauses = UnknownClausePolicy.FailOpen);

        var report = await harness.ValidateAsync(FakeGitHubToken.Classic("repo"));

        report.Verdict.Should().Be(ValidationVerdict.Fail);
    }

    [Fact]
    public async Task FineGrainedWithRepository_IsCheckedPermissionByPermission()
    {
        using var harness = new ValidationHarness();
        harness.Server.AddRepository(new FakeGitHubRepository { FullName = "acme/config" });
        var good = FakeGitHubToken.FineGrained().WithRepository("acme/config", FakeGitHubGrant.WithPermissions(("contents", "write"), ("metadata", "read")));
        var readOnly = FakeGitHubToken.FineGrained().WithRepository("acme/config", FakeGitHubGrant.WithPermissions(("contents", "read"), ("metadata", "read")));

        var pass = await harness.ValidateAsync(good, TokenKind.User, repositories: [new RepositoryRequest("acme/config")]);
        var fail = await harness.ValidateAsync(readOnly, TokenKind.User, repositories: [new RepositoryRequest("acme/config")]);

        pass.Verdict.Should().Be(ValidationVerdict.Pass, pass.ToString());
        fail.Verdict.Should().Be(ValidationVerdict.Fail, fail.ToString());
        fail.MissingScopes.Should().Contain("contents=write");
    }

    [Theory]
    [InlineData("read", "read", "granted")]
    [InlineData("read", "read-write", "insufficient")]
    [InlineData("write", "read-write", "granted")]
    public async Task RepositoryAccess_ReadVersusReadWrite(string role, string needed, string expected)
    {
        using var harness = new ValidationHarness();
        harness.Server.AddRepository(new FakeGitHubRepository { FullName = "acme/config" });
        var token = FakeGitHubToken.Classic("repo").WithRepository("acme/config", new FakeGitHubGrant { Role = role });
        var access = needed == "read" ? RepositoryAccess.Read : RepositoryAccess.ReadWrite;

        var report = await harness.ValidateAsync(token, TokenKind.User, repositories: [new RepositoryRequest("acme/config", access)]);

        var finding = report.Repositories.Should().ContainSingle().Subject;
        finding.State.ToWireName().Should().Be(expected);
        report.Verdict.Should().Be(expected == "granted" ? ValidationVerdict.Pass : ValidationVerdict.Fail);
    }

    [Fact]
    public async Task RepositoryTheTokenCannotSee_Fails()
    {
        using var harness = new ValidationHarness();
        harness.Server.AddRepository(new FakeGitHubRepository { FullName = "acme/secret" });

        var report = await harness.ValidateAsync(FakeGitHubToken.Classic("repo"), TokenKind.User, repositories: [new RepositoryRequest("acme/secret")]);

        report.Repositories.Single().State.Should().Be(RepositoryAccessState.NotVisible);
        report.Verdict.Should().Be(ValidationVerdict.Fail);
        report.Remediation!.Steps.Should().Contain(s => s.Contains("acme/secret", StringComparison.Ordinal));
        report.Remediation.CreateTokenUrl.Should().BeNull("the token's scopes are fine; its account needs access to the repository");
    }

    [Fact]
    public async Task SeveralRuntimes_OneSetOfProviderCalls_OneReportEach()
    {
        using var harness = new ValidationHarness(o =>
            o.Overrides.Add(TokenValidatorVerdictTests.Override("github", "user", "classic", "prod", OverrideMode.Amend, "read:org")));
        var token = FakeGitHubToken.Classic("repo");
        var request = new TokenValidationRequest(harness.Credential(token), TokenKind.User);

        var reports = await harness.Validator.ValidateForRuntimesAsync(request, ["dev", "prod", null]);

        harness.Server.Requests.Should().HaveCount(1);
        reports.Select(r => r.Runtime).Should().Equal("dev", "prod", null);
        reports.Select(r => r.Verdict).Should().Equal(ValidationVerdict.Pass, ValidationVerdict.Fail, ValidationVerdict.Pass);
        reports[1].MissingScopes.Should().Equal("read:org");
    }

    [Fact]
    public async Task SeveralRuntimes_RequiresAtLeastOne()
    {
        using var harness = new ValidationHarness();
        var request = new TokenValidationRequest(harness.Credential(FakeGitHubToken.Classic("repo")), TokenKind.User);

        var act = () => harness.Validator.ValidateForRuntimesAsync(request, []);

        (await act.Should().ThrowAsync<ArgumentException>().WithParameterName("runtimeNames"))
            .WithMessage("Name at least one runtime (a null entry stands for the defaults).*");
    }

    [Fact]
    public async Task NullArguments_ThrowNamingTheParameter()
    {
        using var harness = new ValidationHarness();
        var validator = harness.Services.GetRequiredService<ITokenValidator>();
        var request = new TokenValidationRequest(harness.Credential(FakeGitHubToken.Classic("repo")), TokenKind.User);

        await FluentActions.Awaiting(() => validator.ValidateAsync(null!)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("request");
        await FluentActions.Awaiting(() => validator.ValidateForRuntimesAsync(null!, ["dev"])).Should().ThrowAsync<ArgumentNullException>().WithParameterName("request");
        await FluentActions.Awaiting(() => validator.ValidateForRuntimesAsync(request, null!)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("runtimeNames");
        await FluentActions.Awaiting(() => validator.InvalidateAsync(null!).AsTask()).Should().ThrowAsync<ArgumentNullException>().WithParameterName("credential");
    }

    [Fact]
    public async Task RepositoryOverride_AppliesWhenThatRepositoryIsNamed()
    {
        using var harness = new ValidationHarness(o =>
        {
            var amend = TokenValidatorVerdictTests.Override("github", "user", "classic", null, OverrideMode.Amend, "workflow");
            amend.Repository = "acme/ci";
            o.Overrides.Add(amend);
        });
        harness.Server.AddRepository(new FakeGitHubRepository { FullName = "acme/ci" });
        harness.Server.AddRepository(new FakeGitHubRepository { FullName = "acme/config" });
        var token = FakeGitHubToken.Classic("repo")
            .WithRepository("acme/ci", new FakeGitHubGrant { Role = "write" })
            .WithRepository("acme/config", new FakeGitHubGrant { Role = "write" });

        var configOnly = await harness.ValidateAsync(token, TokenKind.User, repositories: [new RepositoryRequest("acme/config")]);
        var both = await harness.ValidateAsync(token, TokenKind.User, repositories: [new RepositoryRequest("acme/config"), new RepositoryRequest("acme/ci")]);

        configOnly.Verdict.Should().Be(ValidationVerdict.Pass);
        both.Verdict.Should().Be(ValidationVerdict.Fail);
        both.MissingScopes.Should().Equal("workflow");
    }
}
