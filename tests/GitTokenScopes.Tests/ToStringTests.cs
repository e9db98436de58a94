// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Tests;

/// <summary>
/// What the public values say of themselves in a debugger, a log line or an assertion message: short, in the wire
/// names where the value has one, and never the token.
/// </summary>
public sealed class ToStringTests
{
    private const string Token = "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB";

    private static readonly GitCredential Credential = new(GitProvider.GitHub, Token, apiUrl: new Uri("https://ghe.example.com/api/v3/"));

    [Fact]
    public void TokenInspectionRequest_NamesTheCredentialAndCounts_NeverTheToken()
    {
        var request = new TokenInspectionRequest(Credential, [new RepositoryRequest("acme/config")], [ScopeEditions.Seed[new(GitProvider.GitHub, TokenKind.Runtime, TokenFamily.Classic)]]);

        request.ToString().Should().Be($"github token {Credential.Fingerprint} at https://ghe.example.com/api/v3/; repositories: 1; requirements: 1")
            .And.NotContain(Token);
    }

    [Theory]
    [InlineData(RepositoryAccess.Read, "acme/config (read)")]
    [InlineData(RepositoryAccess.ReadWrite, "acme/config (read-write)")]
    public void RepositoryRequest_NamesTheRepositoryAndTheAccess(RepositoryAccess access, string expected)
        => new RepositoryRequest("https://github.com/acme/config.git", access).ToString().Should().Be(expected);

    [Fact]
    public void RateLimitInfo_SaysWhatIsLeftAndWhenItResets()
    {
        var reset = new DateTimeOffset(2026, 12, 7, 22, 0, 0, TimeSpan.Zero);

        new RateLimitInfo(5000, 12, reset, null, "core").ToString().Should().Be("remaining 12, resets 2026-12-07T22:00:00.0000000+00:00");
        new RateLimitInfo(null, null, null, TimeSpan.FromSeconds(30), null).ToString().Should().Be("remaining ?, resets ?");
    }

    [Fact]
    public void ReportParts_UseTheWireNames()
    {
        var finding = new ClauseFinding { Label = "repo", State = ClauseState.Missing, Scopes = ["repo"], Purpose = "Clone and push." };
        var warning = new ValidationWarning(ValidationWarningCode.TokenNeverExpires, WarningSeverity.Info, "The token never expires.");

        finding.ToString().Should().Be("repo: missing");
        warning.ToString().Should().Be("token-never-expires: The token never expires.");
    }

    [Fact]
    public void Remediation_IsItsLink_OrElseItsSteps()
    {
        var link = new Uri("https://github.com/settings/tokens/new?scopes=repo");

        new Remediation { CreateTokenUrl = link, Steps = ["Missing repo."] }.ToString().Should().Be(link.ToString());
        new Remediation { Steps = ["Missing repo.", "Create a new token."] }.ToString().Should().Be("Missing repo. Create a new token.");
    }

    [Fact]
    public void Evaluation_NamesMissingScopes_AndUnknownClauses()
    {
        var requirement = ScopeEditions.Seed[new(GitProvider.GitHub, TokenKind.Runtime, TokenFamily.Classic)];
        var granted = GrantedScopes.Create(requirement.Vocabulary, ["repo"], ["admin:repo_hook"]);

        var evaluation = ScopeEvaluator.Evaluate(requirement, granted);

        evaluation.ToString().Should().Be("github/runtime/classic: 1/2 satisfied; unknown admin:repo_hook");
        evaluation.Clauses.Select(c => c.ToString()).Should().Equal("repo: Satisfied by repo", "admin:repo_hook: Unknown");
    }
}
