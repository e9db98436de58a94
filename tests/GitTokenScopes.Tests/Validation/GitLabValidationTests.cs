// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;
using GitTokenScopes.Tests.Schemas;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GitTokenScopes.Tests.Validation;

/// <summary>The validator end to end over the fake GitLab: the real GitLab inspector, catalogue and report.</summary>
public sealed class GitLabValidationTests : IDisposable
{
    private readonly FakeGitLabServer _gitlab = FakeGitLabServer.Start(new FakeGitLabServerOptions { RelativeUrlRoot = "/gitlab" });
    private readonly ServiceProvider _services;

    public GitLabValidationTests()
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace));
        services.AddGitTokenScopes(o => o.Resilience.MaxRetryAttempts = 0).AddGitLab();
        _services = services.BuildServiceProvider();
    }

    private ITokenValidator Validator => _services.GetSchemaCheckedValidator();

    [Fact]
    public async Task UserTokenWithTheSeedScopes_Passes_AndItsProjectIsWritable()
    {
        _gitlab.AddProject(new FakeGitLabProject { PathWithNamespace = "acme/platform/config" });
        var token = _gitlab.AddToken(FakeGitLabToken.Personal("write_repository", "read_api").WithProject("acme/platform/config", FakeGitLabAccessLevel.Developer));

        var report = await ValidateAsync(token, TokenKind.User, new RepositoryRequest("acme/platform/config"));

        report.Verdict.Should().Be(ValidationVerdict.Pass, report.ToString());
        report.TokenType.Should().Be(TokenType.GitLabPersonal);
        report.Repositories.Single().State.Should().Be(RepositoryAccessState.Granted);
    }

    [Fact]
    public async Task ApiScope_SatisfiesTheUserRequirementByImplication()
    {
        var token = _gitlab.AddToken(FakeGitLabToken.Personal("api"));

        var report = await ValidateAsync(token, TokenKind.User);

        report.Verdict.Should().Be(ValidationVerdict.Pass, report.ToString());
        report.Findings.Should().OnlyContain(f => f.SatisfiedBy == "api");
    }

    [Fact]
    public async Task MissingScope_FailsWithALinkToTheInstance()
    {
        var token = _gitlab.AddToken(FakeGitLabToken.Personal("read_repository"));

        var report = await ValidateAsync(token, TokenKind.User);

        report.Verdict.Should().Be(ValidationVerdict.Fail);
        report.MissingScopes.Should().Equal("write_repository", "read_api");
        report.Remediation!.CreateTokenUrl!.AbsoluteUri.Should().Be(new Uri(_gitlab.Url, "-/user_settings/personal_access_tokens?name=GitOps%20user&scopes=write_repository,read_api").AbsoluteUri);
    }

    [Fact]
    public async Task ExpiredToken_Fails()
    {
        var token = FakeGitLabToken.Personal("api");
        token.ExpiresAt = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2));
        _gitlab.AddToken(token);

        var report = await ValidateAsync(token, TokenKind.Runtime);

        report.Verdict.Should().Be(ValidationVerdict.Fail);
        report.Status.Should().Be(InspectionStatus.Expired);
        report.MissingScopes.Should().BeEmpty();
    }

    [Fact]
    public async Task ProjectBotRuntimeToken_HasNoPersonalAccountWarning_ButAPersonalOneHas()
    {
        var bot = _gitlab.AddToken(FakeGitLabToken.ProjectBot(7, "api"));
        var person = _gitlab.AddToken(FakeGitLabToken.Personal("api"));

        var botReport = await ValidateAsync(bot, TokenKind.Runtime);
        var personReport = await ValidateAsync(person, TokenKind.Runtime);

        botReport.Warnings.Select(w => w.Code).Should().NotContain(ValidationWarningCode.PersonalAccountRuntimeToken);
        personReport.Warnings.Select(w => w.Code).Should().Contain(ValidationWarningCode.PersonalAccountRuntimeToken);
    }

    [Fact]
    public async Task RateLimited_IsIndeterminate()
    {
        var token = FakeGitLabToken.Personal("api");
        token.RateLimitRetryAfter = TimeSpan.FromMinutes(30);
        _gitlab.AddToken(token);

        var report = await ValidateAsync(token, TokenKind.User);

        report.Verdict.Should().Be(ValidationVerdict.Indeterminate);
        report.Status.Should().Be(InspectionStatus.RateLimited);
        report.MissingScopes.Should().BeEmpty();
    }

    public void Dispose()
    {
        _services.Dispose();
        _gitlab.Dispose();
    }

    [Fact]
    public async Task TokenAcceptedAfterItsExpiryDate_WarnsThatExpiryIsNotEnforced()
    {
        var token = FakeGitLabToken.Personal("api");
        token.ExpiresAt = new DateOnly(2020, 1, 1);
        token.ExpiryEnforced = false;
        _gitlab.AddToken(token);

        var report = await ValidateAsync(token, TokenKind.User);

        report.Verdict.Should().Be(ValidationVerdict.Pass, report.ToString());
        report.Warnings.Should().ContainSingle(w => w.Code == ValidationWarningCode.ExpiryNotEnforced);
    }

    [Fact]
    public async Task FineGrainedTokenOn1810To194_IsNotAFail()
    {
        var token = FakeGitLabToken.FineGrainedPersonal(new FakeGitLabGranularScope { Access = "user", Permissions = ["read_personal_access_token", "read_user"] });
        token.ListsGranularScopes = false;
        _gitlab.AddToken(token);

        var report = await ValidateAsync(token, TokenKind.User);

        report.Verdict.Should().Be(ValidationVerdict.Indeterminate, report.ToString());
        report.TokenFamily.Should().Be(TokenFamily.FineGrained);
        report.MissingScopes.Should().BeEmpty();
    }

    private Task<TokenValidationReport> ValidateAsync(FakeGitLabToken token, TokenKind kind, params RepositoryRequest[] repositories)
        => Validator.ValidateAsync(new TokenValidationRequest(new GitCredential(GitProvider.GitLab, token.Value, serverUrl: _gitlab.Url), kind, repositories: repositories));
}
