// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;

namespace GitTokenScopes.Tests.GitHub;

/// <summary>Classic and OAuth tokens against the fake GitHub: one request yields scopes, identity, expiry and rate limit.</summary>
public sealed class GitHubClassicInspectionTests(GitHubInspectorFixture github) : IClassFixture<GitHubInspectorFixture>
{
    // 36 characters of GitHub's alphabet behind a prefix no GitHub token has.
    private const string UnrecognizedFormat = "ghz_16C7e42F292c6912E7710c838347Ae178B4a";

    private static readonly ScopeRequirement Runtime = GitHubInspectorFixture.Requirement(TokenKind.Runtime, TokenFamily.Classic);

    [Fact]
    public async Task InspectAsync_FullScopes_OneRequestAndSatisfied()
    {
        var token = FakeGitHubToken.Classic("repo", "admin:repo_hook");
        token.Login = "gitops-bot";
        token.ExpiresAt = new DateTimeOffset(2027, 1, 31, 12, 0, 0, TimeSpan.Zero);

        var inspection = await github.InspectAsync(token);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.TokenType.Should().Be(TokenType.GitHubClassic);
        inspection.Family.Should().Be(TokenFamily.Classic);
        inspection.Granted!.Scopes.Should().Equal("repo", "admin:repo_hook");
        inspection.Account.Should().Be(new AccountInfo("gitops-bot", "User", null), "a GitHub machine user is an ordinary User to the API, so the type says nothing about being a bot");
        inspection.ExpiresAt.Should().Be(token.ExpiresAt);
        inspection.ExpiryKnown.Should().BeTrue();
        inspection.RateLimit!.Limit.Should().Be(5000);
        inspection.RateLimit.Remaining.Should().BeLessThan(5000);
        inspection.RequestCount.Should().Be(1);
        github.Server.Requests.Should().ContainSingle().Which.Path.Should().Be("/user");
        ScopeEvaluator.Evaluate(Runtime, inspection.Granted).IsSatisfied.Should().BeTrue();
    }

    [Fact]
    public async Task InspectAsync_PartialScopes_EvaluatesMissing()
    {
        var inspection = await github.InspectAsync(FakeGitHubToken.Classic("repo", "read:org"));

        var evaluation = ScopeEvaluator.Evaluate(Runtime, inspection.Granted!);

        evaluation.MissingScopes.Should().Equal("admin:repo_hook");
        evaluation.ExcessScopes.Should().Equal("read:org");
    }

    [Theory]
    [InlineData(FakeGitHubScopeHeader.Empty)]
    [InlineData(FakeGitHubScopeHeader.Absent)]
    public async Task InspectAsync_NoScopes_IsOkWithAnEmptyGrant(FakeGitHubScopeHeader header)
    {
        var token = FakeGitHubToken.Classic();
        token.ScopeHeader = header;

        var inspection = await github.InspectAsync(token);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.Granted!.Scopes.Should().BeEmpty();
        inspection.Granted.IsComplete.Should().BeTrue();
        ScopeEvaluator.Evaluate(Runtime, inspection.Granted).MissingScopes.Should().Equal("repo", "admin:repo_hook");
        inspection.Notes.Contains("GitHub sent no X-OAuth-Scopes header: the token holds no scopes.").Should().Be(header == FakeGitHubScopeHeader.Absent);
    }

    [Theory]
    [InlineData("X-OAuth-Scopes", "repo,admin:repo_hook")]
    [InlineData("x-oauth-scopes", "repo, admin:repo_hook")]
    [InlineData("X-OAUTH-SCOPES", "  repo ,admin:repo_hook  ")]
    public async Task InspectAsync_HeaderCaseAndSpacingVariants_ReadAlike(string name, string value)
    {
        var token = FakeGitHubToken.Classic();
        token.ScopesHeaderName = name;
        token.RawScopesHeaderValue = value;

        var inspection = await github.InspectAsync(token);

        inspection.Granted!.Scopes.Should().Equal("repo", "admin:repo_hook");
    }

    [Fact]
    public async Task InspectAsync_LegacyFortyHexToken_IsClassic()
    {
        var inspection = await github.InspectAsync(FakeGitHubToken.LegacyClassic("repo"));

        inspection.TokenType.Should().Be(TokenType.GitHubClassic);
        inspection.Granted!.Scopes.Should().Equal("repo");
    }

    [Fact]
    public async Task InspectAsync_UnrecognizedFormatWithAScopeList_IsReadAsClassicWithANote()
    {
        // A prefix GitHub has not announced (it told integrators to expect new formats); GitHub answers it as a classic token.
        var token = new FakeGitHubToken { Value = UnrecognizedFormat, Kind = FakeGitHubTokenKind.Classic };
        token.Scopes.Add("repo");
        token.Scopes.Add("admin:repo_hook");

        var inspection = await github.InspectAsync(token);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.TokenType.Should().Be(TokenType.Unknown);
        inspection.Family.Should().Be(TokenFamily.Classic);
        inspection.Granted!.Scopes.Should().Equal("repo", "admin:repo_hook");
        inspection.Notes.Should().Contain("Unrecognized token format; GitHub reported OAuth scopes, so it was read as a classic token.");
        inspection.Account!.Login.Should().Be("octocat");
        ScopeEvaluator.Evaluate(Runtime, inspection.Granted).IsSatisfied.Should().BeTrue();
    }

    [Fact]
    public async Task InspectAsync_UnrecognizedFormatWithoutAScopeList_IsUnsupported()
    {
        // GitHub sends no X-OAuth-Scopes to fine-grained actors: nothing says how to read a token of an unknown format.
        var token = new FakeGitHubToken { Value = UnrecognizedFormat, Kind = FakeGitHubTokenKind.FineGrained };

        var inspection = await github.InspectAsync(token);

        inspection.Status.Should().Be(InspectionStatus.Unsupported);
        inspection.Message.Should().Be("The token's format is not one GitHub issues, and GitHub sent no scope list for it.");
        inspection.Granted.Should().BeNull();
        inspection.Family.Should().BeNull();
        inspection.RequestCount.Should().Be(1);
    }

    [Fact]
    public async Task InspectAsync_RepositoryPermissionsWithoutPush_WriteIsUnknown()
    {
        // GitHub sends all five permissions to an authenticated caller; without "push" the inspector must not guess.
        using var partial = GitHubInspectorFixture.WithOverrides((AnswerOverride.Key("GET", "/repos/acme/partial"), () => AnswerOverride.Json(
            System.Net.HttpStatusCode.OK, """{"id":1296269,"name":"partial","full_name":"acme/partial","private":true,"permissions":{"pull":true}}""")));

        var inspection = await partial.InspectAsync(FakeGitHubToken.Classic("repo", "admin:repo_hook"), [new("acme/partial")]);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.Repositories.Single().Should().Match<RepositoryAccessResult>(r =>
            r.State == RepositoryAccessState.Unknown && r.CanRead == true && r.CanWrite == null
            && r.Message == "GitHub did not report the token's permissions on the repository.");
    }

    [Fact]
    public async Task InspectAsync_OAuthToken_CarriesClassicScopes()
    {
        var inspection = await github.InspectAsync(FakeGitHubToken.OAuth("repo", "admin:repo_hook", "user"));

        inspection.TokenType.Should().Be(TokenType.GitHubOAuth);
        inspection.Family.Should().Be(TokenFamily.Classic);
        ScopeEvaluator.Evaluate(Runtime, inspection.Granted!).ExcessScopes.Should().Equal("user");
    }

    [Theory]
    [InlineData(false, "2026-12-01T10:00:00+00:00")]
    [InlineData(true, "2026-12-01T03:00:00-07:00")]
    public async Task InspectAsync_ExpiryInEitherLayout_IsRead(bool withOffset, string expiresAt)
    {
        var token = FakeGitHubToken.Classic("repo");
        token.ExpiresAt = DateTimeOffset.Parse(expiresAt, System.Globalization.CultureInfo.InvariantCulture);
        token.ExpirationWithOffset = withOffset;

        var inspection = await github.InspectAsync(token);

        inspection.ExpiresAt.Should().Be(token.ExpiresAt);
        inspection.ExpiresAt!.Value.Offset.Should().Be(token.ExpiresAt.Value.Offset);
    }

    [Fact]
    public async Task InspectAsync_NoExpiryHeader_NeverExpires()
    {
        var inspection = await github.InspectAsync(FakeGitHubToken.Classic("repo"));

        inspection.ExpiresAt.Should().BeNull();
        inspection.ExpiryKnown.Should().BeTrue();
    }

    [Fact]
    public async Task InspectAsync_UnknownToken_IsInvalid()
    {
        var token = FakeGitHubToken.Classic("repo");

        var inspection = await github.Inspector.InspectAsync(new TokenInspectionRequest(github.Credential(token)));

        inspection.Status.Should().Be(InspectionStatus.Invalid);
        inspection.Granted.Should().BeNull();
        inspection.Message.Should().Contain("401").And.Contain("Bad credentials");
    }

    [Fact]
    public async Task InspectAsync_RevokedToken_IsInvalid()
    {
        var token = FakeGitHubToken.Classic("repo");
        token.Revoked = true;

        (await github.InspectAsync(token)).Status.Should().Be(InspectionStatus.Invalid);
    }

    [Fact]
    public async Task InspectAsync_RepositoryAccess_FromPermissionsAndScope()
    {
        github.Server.AddRepository(new FakeGitHubRepository { FullName = "acme/config" });
        github.Server.AddRepository(new FakeGitHubRepository { FullName = "acme/apps" });
        github.Server.AddRepository(new FakeGitHubRepository { FullName = "acme/secret" });
        var token = FakeGitHubToken.Classic("repo", "admin:repo_hook")
            .WithRepository("acme/config", new FakeGitHubGrant { Role = "admin" })
            .WithRepository("acme/apps", new FakeGitHubGrant { Role = "read" });

        var inspection = await github.InspectAsync(token, [new("acme/config"), new("acme/apps"), new("acme/apps", RepositoryAccess.Read), new("acme/secret")]);

        inspection.RequestCount.Should().Be(5);
        inspection.Repositories.Select(r => (r.Repository, r.State, r.CanRead, r.CanWrite)).Should().Equal(
            ("acme/config", RepositoryAccessState.Granted, true, true),
            ("acme/apps", RepositoryAccessState.Insufficient, true, false),
            ("acme/apps", RepositoryAccessState.Granted, true, false),
            ("acme/secret", RepositoryAccessState.NotVisible, false, false));
        inspection.Repositories[1].Message.Should().Contain("role");
    }

    [Fact]
    public async Task InspectAsync_PrivateRepositoryWithoutRepoScope_IsNotVisible()
    {
        github.Server.AddRepository(new FakeGitHubRepository { FullName = "acme/private-config" });
        var token = FakeGitHubToken.Classic("public_repo").WithRepository("acme/private-config", new FakeGitHubGrant { Role = "admin" });

        var inspection = await github.InspectAsync(token, [new("acme/private-config")]);

        inspection.Repositories.Single().State.Should().Be(RepositoryAccessState.NotVisible);
        inspection.Repositories.Single().Message.Should().Contain("repo scope");
    }

    [Fact]
    public async Task InspectAsync_PublicRepositoryWithPublicRepoScope_CanWrite()
    {
        github.Server.AddRepository(new FakeGitHubRepository { FullName = "acme/public-config", Private = false });
        var token = FakeGitHubToken.Classic("public_repo").WithRepository("acme/public-config", new FakeGitHubGrant { Role = "write" });

        var inspection = await github.InspectAsync(token, [new("acme/public-config")]);

        inspection.Repositories.Single().State.Should().Be(RepositoryAccessState.Granted);
    }

    [Fact]
    public async Task InspectAsync_PublicRepositoryTheAccountMayPush_WithoutARepoScope_CannotWrite()
    {
        // GitHub shows a public repository, and the account's push permission, to a token without repo or public_repo.
        github.Server.AddRepository(new FakeGitHubRepository { FullName = "acme/public-config", Private = false });
        var token = FakeGitHubToken.Classic("read:org").WithRepository("acme/public-config", new FakeGitHubGrant { Role = "write" });

        var inspection = await github.InspectAsync(token, [new("acme/public-config")]);

        inspection.Repositories.Single().Should().BeEquivalentTo(new
        {
            State = RepositoryAccessState.Insufficient,
            CanRead = (bool?)true,
            CanWrite = (bool?)false,
            Message = "The account may push, but the token lacks the repo scope (public_repo covers public repositories only).",
        });
    }

    [Fact]
    public async Task InspectAsync_SsoProtectedOrganization_IsSsoRequiredWithTheUrl()
    {
        github.Server.AddRepository(new FakeGitHubRepository { FullName = "sso-org/config" });
        var token = FakeGitHubToken.Classic("repo", "admin:repo_hook").WithRepository("sso-org/config", new FakeGitHubGrant { Role = "admin" });
        token.SsoOrganization = "sso-org";

        var inspection = await github.InspectAsync(token, [new("sso-org/config")]);

        inspection.Status.Should().Be(InspectionStatus.SsoRequired);
        inspection.ActionUrl!.ToString().Should().StartWith("https://github.com/orgs/sso-org/sso?authorization_request=");
        inspection.Granted!.Scopes.Should().Equal("repo", "admin:repo_hook");
        inspection.Repositories.Single().State.Should().Be(RepositoryAccessState.Unknown);
    }

    [Fact]
    public async Task InspectAsync_RefreshToken_IsUnsupportedWithoutAnyRequest()
    {
        var credential = new GitCredential(GitProvider.GitHub, "ghr_1B4a2e77838347a7E420ce178F2E7c6912E169246c34E1ccbF66C46812d16D5B1A9Dc86A1498", apiUrl: github.Server.ApiUrl);
        github.Server.ResetRequests();

        var inspection = await github.Inspector.InspectAsync(new TokenInspectionRequest(credential));

        inspection.Status.Should().Be(InspectionStatus.Unsupported);
        inspection.TokenType.Should().Be(TokenType.GitHubRefresh);
        inspection.RequestCount.Should().Be(0);
        github.Server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task InspectAsync_PlainHttpToRemoteHost_IsMisconfiguredWithoutAnyRequest()
    {
        var credential = new GitCredential(GitProvider.GitHub, "ghp_16C7e42F292c6912E7710c838347Ae178B4a", serverUrl: new Uri("http://ghe.example.com"));

        var inspection = await github.Inspector.InspectAsync(new TokenInspectionRequest(credential));

        inspection.Status.Should().Be(InspectionStatus.Misconfigured);
        inspection.Message.Should().Contain("HTTPS");
        inspection.RequestCount.Should().Be(0);
    }

    [Fact]
    public async Task InspectAsync_CredentialOfAnotherProvider_IsMisconfigured()
    {
        var credential = new GitCredential(GitProvider.GitLab, "glpat-abcdefghijklmnopqrst", apiUrl: github.Server.ApiUrl);

        var inspection = await github.Inspector.InspectAsync(new TokenInspectionRequest(credential));

        inspection.Status.Should().Be(InspectionStatus.Misconfigured);
        inspection.RequestCount.Should().Be(0);
    }
}
