// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;
using GitTokenScopes.Tests.Validation;

namespace GitTokenScopes.Tests.GitHub;

/// <summary>
/// How a report tells the user to replace a GitHub token that has no pre-filled creation page: an OAuth app is
/// authorized again, a GitHub App is given the permissions (PROVIDERS.md §1.7 covers only personal access tokens).
/// </summary>
public sealed class GitHubRemediationTests
{
    [Fact]
    public async Task Validate_OAuthTokenLackingAScope_SaysToAuthorizeTheAppAgain()
    {
        using var harness = new ValidationHarness();

        var report = await harness.ValidateAsync(FakeGitHubToken.OAuth("repo"), TokenKind.Runtime);

        report.Verdict.Should().Be(ValidationVerdict.Fail);
        report.TokenType.Should().Be(TokenType.GitHubOAuth);
        report.MissingScopes.Should().Equal("admin:repo_hook");
        report.Remediation!.CreateTokenUrl.Should().BeNull("an OAuth app's token is not made on a settings page");
        report.Remediation.Steps.Should().Contain("Authorize the OAuth app again with the scopes repo, admin:repo_hook.");
    }

    [Theory]
    [InlineData(TokenType.GitHubAppInstallation)]
    [InlineData(TokenType.GitHubAppUser)]
    public async Task Validate_AppTokenLackingPermissions_SaysToGiveTheAppThePermissions(TokenType type)
    {
        using var harness = new ValidationHarness();
        harness.Server.AddRepository(new FakeGitHubRepository { FullName = "app-org/config" });
        var token = (type == TokenType.GitHubAppUser ? FakeGitHubToken.AppUser() : FakeGitHubToken.AppInstallation())
            .WithRepository("app-org/config", FakeGitHubGrant.WithPermissions(("contents", "write"), ("metadata", "read")));

        var report = await harness.ValidateAsync(token, TokenKind.Runtime, repositories: [new RepositoryRequest("app-org/config")]);

        report.Verdict.Should().Be(ValidationVerdict.Fail);
        report.TokenType.Should().Be(type);
        report.MissingScopes.Should().Contain(["administration=write", "repository_hooks=write"]);
        report.Remediation!.CreateTokenUrl.Should().BeNull("an App's permissions are set on the App, not on a token page");
        report.Remediation.Steps.Should().ContainSingle(s => s.StartsWith("Give the GitHub App the permissions ", StringComparison.Ordinal))
            .Which.Should().EndWith(", then have the installation accept them.");
    }
}
