// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.GitHub.Internal;
using GitTokenScopes.GitLab.Internal;
using GitTokenScopes.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.Tests.Validation;

public sealed class RemediationUrlTests
{
    [Theory]
    [InlineData(null, "https://api.github.com/", "https://github.com/")]
    [InlineData(null, "https://api.acme.ghe.com/", "https://acme.ghe.com/")]
    [InlineData(null, "https://ghe.example.com/api/v3/", "https://ghe.example.com/")]
    [InlineData(null, "https://example.com/github/api/v3/", "https://example.com/github/")]
    [InlineData("https://ghe.example.com", "https://ghe.example.com/api/v3/", "https://ghe.example.com/")]
    public void GitHubWebRoot(string? server, string api, string expected)
        => GitHubGuide.WebRoot(server is null ? null : new Uri(server), new Uri(api)).Should().Be(new Uri(expected));

    [Fact]
    public void GitHubClassicUrl_IsPinned()
        => GitHubGuide.Classic(new Uri("https://github.com/"), ["repo", "admin:repo_hook"], "GitOps runtime (prod)").ToString()
            .Should().Be("https://github.com/settings/tokens/new?scopes=repo,admin:repo_hook&description=GitOps runtime %28prod%29");

    [Fact]
    public void GitHubClassicUrl_IsEscapedOnTheWire()
        => GitHubGuide.Classic(new Uri("https://github.com/"), ["repo"], "a&b c").AbsoluteUri
            .Should().Be("https://github.com/settings/tokens/new?scopes=repo&description=a%26b%20c");

    [Fact]
    public void GitHubFineGrainedUrl_IsPinned()
        => GitHubGuide.FineGrained(
                new Uri("https://github.com/"),
                ["repository_selection=selected", "administration=write", "contents=write", "metadata=read", "repository_hooks=write"],
                "GitOps runtime",
                "GitOps runtime",
                "acme").AbsoluteUri
            .Should().Be("https://github.com/settings/personal-access-tokens/new?name=GitOps%20runtime&description=GitOps%20runtime&target_name=acme&administration=write&contents=write&repository_hooks=write");

    [Fact]
    public void GitHubFineGrainedName_IsCutTo40Characters()
        => GitHubGuide.FineGrained(new Uri("https://github.com/"), ["contents=write"], new string('n', 50), "d", null).AbsoluteUri
            .Should().Contain("name=" + new string('n', 40) + "&");

    [Theory]
    [InlineData(null, "https://gitlab.com/api/v4/", "https://gitlab.com/")]
    [InlineData(null, "https://example.com/gitlab/api/v4/", "https://example.com/gitlab/")]
    [InlineData("https://example.com/gitlab", "https://example.com/gitlab/api/v4/", "https://example.com/gitlab/")]
    public void GitLabWebRoot(string? server, string api, string expected)
        => GitLabGuide.WebRoot(server is null ? null : new Uri(server), new Uri(api)).Should().Be(new Uri(expected));

    [Fact]
    public void GitLabUrl_IsPinned()
        => GitLabGuide.PersonalAccessToken(new Uri("https://example.com/gitlab/"), ["write_repository", "read_api"], "GitOps user").AbsoluteUri
            .Should().Be("https://example.com/gitlab/-/user_settings/personal_access_tokens?name=GitOps%20user&scopes=write_repository,read_api");

    [Fact]
    public async Task FailedClassicToken_LinksToTheInstanceItBelongsTo()
    {
        using var harness = new ValidationHarness(serverOptions: new FakeGitHubServerOptions { Enterprise = true });
        var token = FakeGitHubToken.Classic("repo");

        var report = await harness.Validator.ValidateAsync(new TokenValidationRequest(harness.Credential(token, enterprise: true), TokenKind.Runtime, "prod"));

        report.Remediation!.CreateTokenUrl!.AbsoluteUri.Should().Be(
            new Uri(harness.Server.Url, "settings/tokens/new?scopes=repo,admin:repo_hook&description=GitOps%20runtime%20%28prod%29").AbsoluteUri);
        report.Remediation.Steps.Should().Contain(s => s.Contains(report.Remediation.CreateTokenUrl.AbsoluteUri + ",", StringComparison.Ordinal),
            "the steps quote the link as it must be typed or clicked, escaped");
    }

    [Fact]
    public async Task FailedFineGrainedToken_OnEnterpriseServer_HasStepsButNoLink()
    {
        using var harness = new ValidationHarness(serverOptions: new FakeGitHubServerOptions { Enterprise = true });
        harness.Server.AddRepository(new FakeGitHubRepository { FullName = "acme/config" });
        var token = FakeGitHubToken.FineGrained().WithRepository("acme/config", FakeGitHubGrant.WithPermissions(("contents", "read"), ("metadata", "read")));

        var report = await harness.Validator.ValidateAsync(new TokenValidationRequest(harness.Credential(token, enterprise: true), TokenKind.User, repositories: [new RepositoryRequest("acme/config")]));

        report.Verdict.Should().Be(ValidationVerdict.Fail);
        report.Remediation!.CreateTokenUrl.Should().BeNull("GitHub Enterprise Server has no fine-grained template URLs");
        report.Remediation.Steps.Should().Contain(s => s.Contains("Fine-grained tokens", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FailedFineGrainedToken_OnGitHubDotCom_LinksWithTheOwner()
    {
        using var harness = new ValidationHarness();
        harness.Server.AddRepository(new FakeGitHubRepository { FullName = "acme/config" });
        var token = FakeGitHubToken.FineGrained().WithRepository("acme/config", FakeGitHubGrant.WithPermissions(("contents", "read"), ("metadata", "read")));

        var report = await harness.ValidateAsync(token, TokenKind.User, repositories: [new RepositoryRequest("acme/config")]);

        report.Remediation!.CreateTokenUrl!.AbsoluteUri.Should().Be(
            new Uri(harness.Server.ApiUrl, "settings/personal-access-tokens/new?name=GitOps%20user&description=GitOps%20user&target_name=acme&contents=write").AbsoluteUri);
    }

    [Fact]
    public async Task FailedGitLabPersonalToken_LinksToItsServer()
    {
        var fake = new FakeTokenInspector(GitProvider.GitLab).Answer(request => new TokenInspection
        {
            Provider = GitProvider.GitLab,
            ApiUrl = new Uri("https://example.com/gitlab/api/v4/"),
            Status = InspectionStatus.Ok,
            CredentialFingerprint = request.Credential.Fingerprint,
            TokenType = TokenType.GitLabPersonal,
            Family = TokenFamily.PersonalAccessToken,
            Granted = GrantedScopes.Create(ScopeVocabulary.For(GitProvider.GitLab, TokenFamily.PersonalAccessToken), ["read_repository"]),
        });
        using var harness = new ValidationHarness(services: s => s.AddSingleton<ITokenInspector>(fake));

        var report = await harness.Validator.ValidateAsync(new TokenValidationRequest(new GitCredential(GitProvider.GitLab, "glpat-x", serverUrl: new Uri("https://example.com/gitlab")), TokenKind.User));

        report.MissingScopes.Should().Equal("write_repository", "read_api");
        report.Remediation!.CreateTokenUrl!.AbsoluteUri.Should().Be("https://example.com/gitlab/-/user_settings/personal_access_tokens?name=GitOps%20user&scopes=write_repository,read_api");
    }
}
