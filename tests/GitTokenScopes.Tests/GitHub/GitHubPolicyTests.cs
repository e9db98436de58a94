// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.GitHub.Internal;
using GitTokenScopes.Providers.Internal;
using GitTokenScopes.Testing;
using GitTokenScopes.Tests.Validation;

namespace GitTokenScopes.Tests.GitHub;

/// <summary>
/// Organization token policies: GitHub's 403 bodies as reported in public threads (NixOS/org#247, 2026-05; the classic
/// wording from PyGithub users' logs), recognized on every request and reported as policy-forbidden, never as missing scopes.
/// </summary>
public sealed class GitHubPolicyTests : IDisposable
{
    private const string Lifetime = """{"message":"The 'NixOS' organization forbids access via a fine-grained personal access tokens if the token's lifetime is greater than 90 days. Please adjust your token's lifetime at the following URL: https://github.com/settings/personal-access-tokens/12885303","documentation_url":"https://docs.github.com/rest/commits/commits#get-a-commit","status":"403"}""";
    private const string Classic = """{"message":"`microbiomedata` forbids access via a personal access token (classic). Please use a GitHub App, OAuth App, or a personal access token with fine-grained permissions.","documentation_url":"https://docs.github.com/rest/repos/repos#list-organization-repositories","status":"403"}""";
    private const string ClassicNewer = """{"message":"The `acme` organization forbids access via a personal access token (classic). Please use a GitHub App, OAuth App, or fine-grained personal access token.","documentation_url":"https://docs.github.com/rest/repos/repos#get-a-repository","status":"403"}""";
    private const string NotAccessible = """{"message":"Resource not accessible by personal access token","documentation_url":"https://docs.github.com/rest","status":"403"}""";

    private readonly GitHubInspectorFixture _github = new();

    [Fact]
    public void Refusal_LifetimeMessage_GivesTheOrganizationTheLimitAndTheSettingsLink()
    {
        var refusal = GitHubStatusMap.PolicyRefusal(Answer(403, Lifetime));

        refusal.Should().Be(("NixOS", (int?)90, new Uri("https://github.com/settings/personal-access-tokens/12885303")));
        GitHubStatusMap.Classify(Answer(403, Lifetime)).Should().Be(ProviderOutcome.PolicyForbidden);
    }

    [Theory]
    [InlineData(Classic, "microbiomedata")]
    [InlineData(ClassicNewer, "acme")]
    public void Refusal_ClassicMessage_GivesTheOrganizationAndNoLimit(string body, string organization)
    {
        GitHubStatusMap.PolicyRefusal(Answer(403, body)).Should().Be((organization, (int?)null, (Uri?)null));
        GitHubStatusMap.Classify(Answer(403, body)).Should().Be(ProviderOutcome.PolicyForbidden);
    }

    [Theory]
    [InlineData(403, NotAccessible)]
    [InlineData(404, Classic)]
    [InlineData(403, "<html>Forbidden</html>")]
    public void Refusal_OtherAnswers_AreNotPolicyRefusals(int status, string body)
        => GitHubStatusMap.PolicyRefusal(Answer(status, body)).Should().BeNull();

    [Fact]
    public async Task InspectAsync_OrganizationForbidsClassicTokens_IsPolicyForbiddenNamingIt()
    {
        _github.Server.AddRepository(new FakeGitHubRepository { FullName = "acme/config" });
        var token = FakeGitHubToken.Classic("repo", "admin:repo_hook").WithRepository("acme/config", new FakeGitHubGrant { Role = "admin" });
        token.PolicyOrganization = "acme";

        var inspection = await _github.InspectAsync(token, [new("acme/config")]);

        inspection.Status.Should().Be(InspectionStatus.PolicyForbidden);
        inspection.Status.ToWireName().Should().Be("policy-forbidden");
        inspection.Message.Should().Contain("'acme'").And.Contain("(classic)").And.Contain("GET /repos/acme/config");
        inspection.Repositories.Single().State.Should().Be(RepositoryAccessState.Unknown);
    }

    [Fact]
    public async Task InspectAsync_FineGrainedTokenOverTheLifetimeLimit_IsPolicyForbiddenOnReadsAndProbes()
    {
        _github.Server.AddRepository(new FakeGitHubRepository { FullName = "acme/config" });
        var token = FakeGitHubToken.FineGrained().WithRepository("acme/config", FakeGitHubGrant.WithPermissions(("contents", "write"), ("metadata", "read")));
        token.PolicyOrganization = "acme";
        token.PolicyMaxLifetimeDays = 90;

        var inspection = await _github.InspectAsync(token, [new("acme/config")], [GitHubInspectorFixture.Requirement(TokenKind.User, TokenFamily.FineGrained)]);

        inspection.Status.Should().Be(InspectionStatus.PolicyForbidden);
        inspection.Message.Should().Contain("'acme'").And.Contain("greater than 90 days");
        inspection.ActionUrl!.AbsoluteUri.Should().MatchRegex(@"^https://github\.com/settings/personal-access-tokens/\d+$");
        _github.Server.Requests.Where(r => r.Path.StartsWith("/repos/acme/config/", StringComparison.Ordinal)).Should().NotBeEmpty("the probes met the refusal too");
    }

    [Fact]
    public async Task Validate_PolicyRefusal_IsIndeterminateWithALinkWithinTheLimit()
    {
        using var harness = new ValidationHarness();
        harness.Server.AddRepository(new FakeGitHubRepository { FullName = "acme/config" });
        var token = FakeGitHubToken.FineGrained().WithRepository("acme/config", FakeGitHubGrant.WithPermissions(("contents", "read"), ("metadata", "read")));
        token.PolicyOrganization = "acme";
        token.PolicyMaxLifetimeDays = 90;

        var report = await harness.ValidateAsync(token, TokenKind.User, repositories: [new RepositoryRequest("acme/config")]);

        report.Verdict.Should().Be(ValidationVerdict.Indeterminate, "a policy refusal says nothing about the token's permissions");
        report.MissingScopes.Should().BeEmpty();
        report.Remediation!.CreateTokenUrl!.AbsoluteUri.Should().StartWith(new Uri(harness.Server.ApiUrl, "settings/personal-access-tokens/new?").AbsoluteUri).And.Contain("&expires_in=90&");
        report.Remediation.Steps.Should().Contain(s => s.Contains("within the organization's policy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_ClassicTokensForbidden_OffersNoClassicLink()
    {
        using var harness = new ValidationHarness();
        harness.Server.AddRepository(new FakeGitHubRepository { FullName = "acme/config" });
        var token = FakeGitHubToken.Classic("repo", "admin:repo_hook").WithRepository("acme/config", new FakeGitHubGrant { Role = "admin" });
        token.PolicyOrganization = "acme";

        var report = await harness.ValidateAsync(token, TokenKind.Runtime, repositories: [new RepositoryRequest("acme/config")]);

        report.Verdict.Should().Be(ValidationVerdict.Indeterminate);
        report.Remediation!.CreateTokenUrl.Should().BeNull("a classic token would meet the same refusal");
        report.Remediation.Steps.Should().Contain(s => s.Contains("Fine-grained tokens", StringComparison.Ordinal));
    }

    public void Dispose() => _github.Dispose();

    private static ProviderAnswer Answer(int status, string body)
        => new(status, new Dictionary<string, string> { ["x-github-request-id"] = "D1A2:3B4C:5E6F:7A8B:9C0D", ["x-ratelimit-remaining"] = "4882" }, body);
}
