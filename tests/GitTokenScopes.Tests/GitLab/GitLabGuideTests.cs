// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;

namespace GitTokenScopes.Tests.GitLab;

/// <summary>
/// How the report says to replace a GitLab token that lacks scopes: a pre-filled link for a classic personal token
/// (PROVIDERS.md §2.7), the creation steps where GitLab has no such link: group tokens, service accounts, fine-grained tokens.
/// </summary>
public sealed class GitLabGuideTests(GitLabInspectorFixture gitlab) : IClassFixture<GitLabInspectorFixture>
{
    [Theory]
    [InlineData("group", TokenType.GitLabGroup, "On GitLab: the group's Settings → Access tokens → Add new token, with the scopes write_repository, read_api.")]
    [InlineData("service-account", TokenType.GitLabServiceAccount, "On GitLab: the top-level group's Settings → Service accounts (Admin area on self-managed) → the account → Manage access tokens → Add new token, with write_repository, read_api.")]
    public async Task ValidateAsync_MissingScopesWithoutALink_GivesTheCreationSteps(string kind, TokenType type, string expected)
    {
        var token = gitlab.Server.AddToken(kind == "group" ? FakeGitLabToken.GroupBot(12, "read_api") : FakeGitLabToken.ServiceAccount(77, "read_api"));

        var report = await gitlab.Validator.ValidateAsync(new TokenValidationRequest(gitlab.Credential(token), TokenKind.User));

        report.Verdict.Should().Be(ValidationVerdict.Fail);
        report.TokenType.Should().Be(type);
        report.Remediation!.CreateTokenUrl.Should().BeNull("GitLab has no pre-filled page for this kind of token");
        report.Remediation.Steps.Should().Contain(expected);
    }

    // Fine-grained permissions cannot be pre-filled: a personal token's steps name the profile's token page.
    [Fact]
    public async Task ValidateAsync_FineGrainedPersonalTokenMissingAPermission_GivesTheProfileSteps()
    {
        var token = gitlab.Server.AddToken(FakeGitLabToken.FineGrainedPersonal(
            new FakeGitLabGranularScope { Access = "user", Permissions = ["read_user", "read_personal_access_token"] },
            new FakeGitLabGranularScope { Access = "all_memberships", Permissions = ["read_project", "download_code"] }));

        var report = await gitlab.Validator.ValidateAsync(new TokenValidationRequest(gitlab.Credential(token), TokenKind.User));

        report.Verdict.Should().Be(ValidationVerdict.Fail);
        report.TokenType.Should().Be(TokenType.GitLabPersonal);
        report.Remediation!.CreateTokenUrl.Should().BeNull();
        report.Remediation.Steps.Should().Contain("On GitLab: Edit profile → Access tokens → Add new token, with the scopes download_code, push_code, read_project.");
    }
}
