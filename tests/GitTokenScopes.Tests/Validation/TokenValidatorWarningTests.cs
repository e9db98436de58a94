// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.BitbucketCloud.Internal;
using GitTokenScopes.Testing;
using GitTokenScopes.Tests.Schemas;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.Tests.Validation;

public sealed class TokenValidatorWarningTests
{
    [Fact]
    public async Task TokenExpiringWithinTheWindow_Warns()
    {
        using var harness = new ValidationHarness();
        var token = FakeGitHubToken.Classic("repo", "admin:repo_hook");
        token.ExpiresAt = DateTimeOffset.UtcNow.AddDays(3);

        var report = await harness.ValidateAsync(token);

        report.Verdict.Should().Be(ValidationVerdict.Pass);
        report.ExpiresAt.Should().BeCloseTo(token.ExpiresAt.Value, TimeSpan.FromSeconds(1));
        report.Warnings.Should().ContainSingle(w => w.Code == ValidationWarningCode.TokenExpiring)
            .Which.Severity.Should().Be(WarningSeverity.Warning);
    }

    [Fact]
    public async Task TokenExpiringAfterTheWindow_DoesNotWarn()
    {
        using var harness = new ValidationHarness(o => o.Validation.ExpiryWarningWindow = TimeSpan.FromDays(2));
        var token = FakeGitHubToken.Classic("repo", "admin:repo_hook");
        token.ExpiresAt = DateTimeOffset.UtcNow.AddDays(3);

        var report = await harness.ValidateAsync(token);

        report.Warnings.Select(w => w.Code).Should().NotContain(ValidationWarningCode.TokenExpiring).And.NotContain(ValidationWarningCode.TokenNeverExpires);
    }

    [Fact]
    public async Task TokenWithoutExpiry_GetsAnInfoNote()
    {
        using var harness = new ValidationHarness();

        var report = await harness.ValidateAsync(FakeGitHubToken.Classic("repo", "admin:repo_hook"));

        report.ExpiresAt.Should().BeNull();
        report.Warnings.Should().ContainSingle(w => w.Code == ValidationWarningCode.TokenNeverExpires)
            .Which.Severity.Should().Be(WarningSeverity.Info);
    }

    [Fact]
    public async Task ExcessScopes_AreNamedForLeastPrivilege()
    {
        using var harness = new ValidationHarness();

        var report = await harness.ValidateAsync(FakeGitHubToken.Classic("repo", "admin:repo_hook", "delete_repo", "admin:org"));

        report.Verdict.Should().Be(ValidationVerdict.Pass);
        report.Warnings.Should().ContainSingle(w => w.Code == ValidationWarningCode.ExcessScopes)
            .Which.Message.Should().Contain("delete_repo").And.Contain("admin:org");
    }

    [Fact]
    public async Task RuntimeTokenOfAPersonalAccount_WarnsWhereTheProviderTells()
    {
        var fake = new FakeTokenInspector(GitProvider.GitLab).Answer(request => Inspection(request, "api", isBot: false));
        using var harness = new ValidationHarness(services: s => s.AddSingleton<ITokenInspector>(fake));

        var runtime = await harness.Validator.ValidateAsync(new TokenValidationRequest(new GitCredential(GitProvider.GitLab, "glpat-a"), TokenKind.Runtime));
        var user = await harness.Validator.ValidateAsync(new TokenValidationRequest(new GitCredential(GitProvider.GitLab, "glpat-a"), TokenKind.User));

        runtime.Warnings.Should().ContainSingle(w => w.Code == ValidationWarningCode.PersonalAccountRuntimeToken).Which.Message.Should().Contain("jane");
        user.Warnings.Select(w => w.Code).Should().NotContain(ValidationWarningCode.PersonalAccountRuntimeToken);
    }

    [Fact]
    public async Task RuntimeTokenOfABot_DoesNotWarn()
    {
        var fake = new FakeTokenInspector(GitProvider.GitLab).Answer(request => Inspection(request, "api", isBot: true));
        using var harness = new ValidationHarness(services: s => s.AddSingleton<ITokenInspector>(fake));

        var report = await harness.Validator.ValidateAsync(new TokenValidationRequest(new GitCredential(GitProvider.GitLab, "glpat-a"), TokenKind.Runtime));

        report.Warnings.Select(w => w.Code).Should().NotContain(ValidationWarningCode.PersonalAccountRuntimeToken);
    }

    [Fact]
    public async Task GitHubUserAccount_DoesNotWarn_BecauseGitHubCannotTell()
    {
        using var harness = new ValidationHarness();

        var report = await harness.ValidateAsync(FakeGitHubToken.Classic("repo", "admin:repo_hook"));

        report.Warnings.Select(w => w.Code).Should().NotContain(ValidationWarningCode.PersonalAccountRuntimeToken);
    }

    [Fact]
    public async Task BitbucketAppPassword_WarnsItIsRetiring()
    {
        var fake = new FakeTokenInspector(GitProvider.BitbucketCloud).Answer(request => new TokenInspection
        {
            Provider = GitProvider.BitbucketCloud,
            ApiUrl = new Uri("https://api.bitbucket.org/2.0/"),
            Status = InspectionStatus.Ok,
            CredentialFingerprint = request.Credential.Fingerprint,
            TokenType = TokenType.BitbucketAppPassword,
            Family = TokenFamily.AppPassword,
            Granted = GrantedScopes.Create(ScopeVocabulary.For(GitProvider.BitbucketCloud, TokenFamily.AppPassword), ["account", "repository:admin"]),
        });
        using var harness = new ValidationHarness(services: s => s.AddSingleton<ITokenInspector>(fake));

        var report = await harness.Validator.ValidateAsync(new TokenValidationRequest(new GitCredential(GitProvider.BitbucketCloud, "app-password", username: "jane"), TokenKind.User));

        report.Warnings.Should().ContainSingle(w => w.Code == ValidationWarningCode.AppPasswordRetiring);
        report.Verdict.Should().Be(ValidationVerdict.Fail, "the app password lacks webhook and workspace scopes");
        report.Remediation!.CreateTokenUrl.Should().BeNull("Bitbucket has no pre-filled creation page");
        report.Remediation.Steps.Should().Contain(s => s.Contains("API token", StringComparison.Ordinal) && s.Contains("Webhooks: Read and write", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HostWithOnlyAFake_GetsTheProviderGuide_WithOneAppPasswordText()
    {
        var fake = new FakeTokenInspector(GitProvider.BitbucketCloud).Answer(request => new TokenInspection
        {
            Provider = GitProvider.BitbucketCloud,
            ApiUrl = new Uri("https://api.bitbucket.org/2.0/"),
            Status = InspectionStatus.Ok,
            CredentialFingerprint = request.Credential.Fingerprint,
            TokenType = TokenType.BitbucketAppPassword,
            Family = TokenFamily.AppPassword,
            Granted = GrantedScopes.Create(ScopeVocabulary.For(GitProvider.BitbucketCloud, TokenFamily.AppPassword), ["account"]),
        });
        var services = new ServiceCollection().AddLogging();
        services.AddGitTokenScopes();
        services.AddSingleton<ITokenInspector>(fake);
        using var provider = services.BuildServiceProvider();

        var report = await provider.GetSchemaCheckedValidator().ValidateAsync(new TokenValidationRequest(new GitCredential(GitProvider.BitbucketCloud, "app-password", username: "jane"), TokenKind.User));

        report.Verdict.Should().Be(ValidationVerdict.Fail);
        report.Warnings.Should().ContainSingle(w => w.Code == ValidationWarningCode.AppPasswordRetiring)
            .Which.Message.Should().Be(BitbucketCloudGuide.AppPasswordRetirement);
        report.Remediation!.Steps.Should().Contain(s => s.StartsWith(BitbucketCloudGuide.AppPasswordRetirement, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EditionsThatDiffer_AreNoted()
    {
        var fake = new FakeTokenInspector(GitProvider.GitLab).Answer(request => Inspection(request, "read_api", isBot: true, "read_repository"));
        using var harness = new ValidationHarness(services: s => s.AddSingleton<ITokenInspector>(fake));

        var runtime = await harness.Validator.ValidateAsync(new TokenValidationRequest(new GitCredential(GitProvider.GitLab, "glpat-a"), TokenKind.Runtime));
        var user = await harness.Validator.ValidateAsync(new TokenValidationRequest(new GitCredential(GitProvider.GitLab, "glpat-b"), TokenKind.User));

        runtime.Verdict.Should().Be(ValidationVerdict.Pass);
        runtime.Warnings.Should().ContainSingle(w => w.Code == ValidationWarningCode.SeedCatalogueDrift)
            .Which.Message.Should().Contain("codefresh-docs-2026-05").And.Contain("also requires api");
        user.Warnings.Select(w => w.Code).Should().NotContain(ValidationWarningCode.SeedCatalogueDrift, "both editions ask the same of User tokens");
    }

    private static TokenInspection Inspection(TokenInspectionRequest request, string scope, bool isBot, params string[] more)
        => new()
        {
            Provider = GitProvider.GitLab,
            ApiUrl = new Uri("https://gitlab.example.com/api/v4/"),
            Status = InspectionStatus.Ok,
            CredentialFingerprint = request.Credential.Fingerprint,
            TokenType = isBot ? TokenType.GitLabProject : TokenType.GitLabPersonal,
            Family = TokenFamily.PersonalAccessToken,
            Granted = GrantedScopes.Create(ScopeVocabulary.For(GitProvider.GitLab, TokenFamily.PersonalAccessToken), [scope, .. more]),
            Account = new AccountInfo(isBot ? "project_1_bot_abc" : "jane", isBot ? "bot" : "human", isBot),
            ExpiresAt = DateTimeOffset.UtcNow.AddDays(300),
            ExpiryKnown = true,
        };
}
