// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;

namespace GitTokenScopes.Tests.GitLab;

/// <summary>Access tokens against the fake GitLab: /self and /user, concurrently, give scopes, expiry, account and token type.</summary>
public sealed class GitLabInspectionTests(GitLabInspectorFixture gitlab) : IClassFixture<GitLabInspectorFixture>
{
    [Fact]
    public async Task InspectAsync_PersonalToken_TwoRequestsGiveEverything()
    {
        var token = FakeGitLabToken.Personal("read_api", "read_repository");
        token.Username = "alice";
        token.ExpiresAt = new DateOnly(2099, 3, 31);

        var inspection = await gitlab.InspectAsync(token);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.Provider.Should().Be(GitProvider.GitLab);
        inspection.ApiUrl.Should().Be(gitlab.Server.ApiUrl);
        inspection.TokenType.Should().Be(TokenType.GitLabPersonal);
        inspection.Family.Should().Be(TokenFamily.PersonalAccessToken);
        inspection.Granted!.Scopes.Should().Equal("read_api", "read_repository");
        inspection.Granted.IsComplete.Should().BeTrue();
        inspection.Account.Should().Be(new AccountInfo("alice", "user", false));
        inspection.ExpiresAt.Should().Be(new DateTimeOffset(2099, 3, 31, 0, 0, 0, TimeSpan.Zero), "GitLab tokens expire at midnight UTC on the expiry date");
        inspection.ExpiryKnown.Should().BeTrue();
        inspection.CredentialFingerprint.Should().Be(token.Fingerprint);
        inspection.RateLimit!.Limit.Should().Be(2000);
        inspection.RateLimit.Resource.Should().Be("throttle_authenticated_api");
        inspection.RequestCount.Should().Be(2);
        gitlab.Server.Requests.Select(r => r.Path).Should().BeEquivalentTo(["/personal_access_tokens/self", "/user"]);
        gitlab.Server.Requests.Should().OnlyContain(r => r.HadPrivateToken && !r.HadAuthorization, "the token travels in PRIVATE-TOKEN only");
    }

    [Fact]
    public async Task InspectAsync_NoExpiry_NeverExpires()
    {
        var inspection = await gitlab.InspectAsync(FakeGitLabToken.Personal("api"));

        inspection.ExpiresAt.Should().BeNull();
        inspection.ExpiryKnown.Should().BeTrue();
    }

    [Fact]
    public async Task InspectAsync_TwoRequests_AreInFlightTogether()
    {
        var token = FakeGitLabToken.Personal("api");
        token.Delay = TimeSpan.FromMilliseconds(300);

        var inspection = await gitlab.InspectAsync(token);

        inspection.RequestCount.Should().Be(2);
        gitlab.Server.Requests.Should().HaveCount(2);
        gitlab.Server.PeakConcurrentRequests.Should().Be(2, "/self and /user are sent before either answers");
    }

    // Seed edition, Runtime token: read_api AND read_repository.
    [Theory]
    [InlineData("read_api,read_repository", "Satisfied,Satisfied")]
    [InlineData("read_api", "Satisfied,Satisfied")]
    [InlineData("api", "Satisfied,Satisfied")]
    [InlineData("read_repository", "Missing,Satisfied")]
    [InlineData("write_repository", "Missing,Satisfied")]
    [InlineData("read_user", "Missing,Missing")]
    public async Task InspectAsync_SeedRuntime_EachClauseSatisfiedOrMissing(string scopes, string expected)
    {
        var inspection = await gitlab.InspectAsync(FakeGitLabToken.Personal(scopes.Split(',')));

        var evaluation = ScopeEvaluator.Evaluate(gitlab.Requirement(TokenKind.Runtime), inspection.Granted!);

        evaluation.Clauses.Select(c => c.State.ToString()).Should().Equal(expected.Split(','));
    }

    // Seed edition, User token: write_repository AND read_api ("api_read" in the source).
    [Theory]
    [InlineData("write_repository,read_api", "Satisfied,Satisfied", "")]
    [InlineData("api", "Satisfied,Satisfied", "")]
    [InlineData("write_repository", "Satisfied,Missing", "read_api")]
    [InlineData("read_api", "Missing,Satisfied", "write_repository")]
    [InlineData("read_repository", "Missing,Missing", "write_repository,read_api")]
    public async Task InspectAsync_SeedUser_EachClauseSatisfiedOrMissing(string scopes, string expected, string missing)
    {
        var inspection = await gitlab.InspectAsync(FakeGitLabToken.Personal(scopes.Split(',')));

        var evaluation = ScopeEvaluator.Evaluate(gitlab.Requirement(TokenKind.User), inspection.Granted!);

        evaluation.Clauses.Select(c => c.State.ToString()).Should().Equal(expected.Split(','));
        evaluation.MissingScopes.Should().Equal(missing.Split(',', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("read_api")]
    [InlineData("read_repository")]
    [InlineData("write_repository")]
    public async Task InspectAsync_Api_ImpliesApiAndGitScopes(string implied)
    {
        var inspection = await gitlab.InspectAsync(FakeGitLabToken.Personal("api"));

        inspection.Granted!.Grants(implied).Should().BeTrue();
        inspection.Granted.Scopes.Should().Equal("api");
    }

    [Fact]
    public async Task InspectAsync_ReadApi_DoesNotImplyWriteRepository()
    {
        var inspection = await gitlab.InspectAsync(FakeGitLabToken.Personal("read_api"));

        inspection.Granted!.Grants("read_repository").Should().BeTrue();
        inspection.Granted.Grants("write_repository").Should().BeFalse();
        inspection.Granted.Grants("api").Should().BeFalse();
    }

    [Fact]
    public async Task InspectAsync_CodefreshDocsRuntime_NeedsApi()
    {
        var requirement = ScopeEditions.CodefreshDocs[new ScopeRequirementKey(GitProvider.GitLab, TokenKind.Runtime, TokenFamily.PersonalAccessToken)];

        var withApi = await gitlab.InspectAsync(FakeGitLabToken.Personal("api"));
        var withoutApi = await gitlab.InspectAsync(FakeGitLabToken.Personal("read_api", "write_repository"));

        ScopeEvaluator.Evaluate(requirement, withApi.Granted!).IsSatisfied.Should().BeTrue();
        ScopeEvaluator.Evaluate(requirement, withoutApi.Granted!).MissingScopes.Should().Equal("api");
    }

    [Fact]
    public async Task InspectAsync_ReadRepositoryOnly_ReadsSelfAndIsOkDespite403OnUser()
    {
        var inspection = await gitlab.InspectAsync(FakeGitLabToken.Personal("read_repository"));

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.Granted!.Scopes.Should().Equal("read_repository");
        inspection.Account.Should().BeNull();
        inspection.TokenType.Should().Be(TokenType.GitLabPersonal);
        inspection.Notes.Should().ContainSingle(n => n.Contains("403 insufficient_scope", StringComparison.Ordinal) && n.Contains("api, read_api, read_user", StringComparison.Ordinal));
        gitlab.Server.Requests.Should().Contain(r => r.Path == "/user" && r.StatusCode == 403);
        gitlab.Server.Requests.Should().Contain(r => r.Path == "/personal_access_tokens/self" && r.StatusCode == 200);
    }

    [Fact]
    public async Task InspectAsync_ProjectBotToken_IsAProjectTokenAndAccepted()
    {
        var token = FakeGitLabToken.ProjectBot(77, "api");

        var inspection = await gitlab.InspectAsync(token);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.TokenType.Should().Be(TokenType.GitLabProject);
        inspection.Account.Should().Be(new AccountInfo(token.Username, "bot", true));
        ScopeEvaluator.Evaluate(gitlab.Requirement(TokenKind.Runtime), inspection.Granted!).IsSatisfied.Should().BeTrue("project tokens are accepted where their scopes suffice");
    }

    [Fact]
    public async Task InspectAsync_GroupBotToken_IsAGroupToken()
    {
        var inspection = await gitlab.InspectAsync(FakeGitLabToken.GroupBot(12, "read_api", "read_repository"));

        inspection.TokenType.Should().Be(TokenType.GitLabGroup);
        inspection.Account!.IsBot.Should().BeTrue();
        ScopeEvaluator.Evaluate(gitlab.Requirement(TokenKind.Runtime), inspection.Granted!).IsSatisfied.Should().BeTrue();
    }

    [Fact]
    public async Task InspectAsync_ServiceAccountBot_IsAServiceAccountWithBotFlag()
    {
        var token = FakeGitLabToken.Personal("api");
        token.Username = "service_account_group_9_abc";
        token.IsBot = true;

        var inspection = await gitlab.InspectAsync(token);

        inspection.TokenType.Should().Be(TokenType.GitLabServiceAccount);
        inspection.Account!.IsBot.Should().BeTrue();
    }

    [Fact]
    public async Task InspectAsync_ImpersonationToken_AnswersLikeItsUser()
    {
        var inspection = await gitlab.InspectAsync(FakeGitLabToken.Impersonation("api"));

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.Granted!.Scopes.Should().Equal("api");
    }

    // Tokens made before GitLab 14.5, or on an instance with a custom prefix, have no glpat-: /self shows what they are.
    [Fact]
    public async Task InspectAsync_TokenWithoutPrefix_IsAPersonalTokenWithANote()
    {
        var token = new FakeGitLabToken { Value = "xR8vKq2LmN4pTz6WbY0c", Kind = FakeGitLabTokenKind.Personal };
        token.Scopes.Add("read_api");

        var inspection = await gitlab.InspectAsync(token);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.TokenType.Should().Be(TokenType.GitLabPersonal);
        inspection.Family.Should().Be(TokenFamily.PersonalAccessToken);
        inspection.Granted!.Scopes.Should().Equal("read_api");
        inspection.Notes.Should().ContainSingle(n => n.StartsWith("The token has no glpat- prefix", StringComparison.Ordinal) && n.EndsWith("GitLab's answer shows it is an access token.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InspectAsync_ServerUrlWithRelativeRoot_DerivesTheApiAddress()
    {
        using var relative = new GitLabInspectorFixture(new FakeGitLabServerOptions { RelativeUrlRoot = "/gitlab" });
        var token = relative.Server.AddToken(FakeGitLabToken.Personal("api"));
        var credential = new GitCredential(GitProvider.GitLab, token.Value, serverUrl: new Uri(relative.Server.Url.GetLeftPart(UriPartial.Authority) + "/gitlab"));

        var inspection = await relative.InspectAsync(token, credential: credential);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.ApiUrl.Should().Be(relative.Server.ApiUrl);
        inspection.ApiUrl.AbsolutePath.Should().Be("/gitlab/api/v4/");
        relative.Server.Requests.Should().OnlyContain(r => r.StatusCode == 200);
    }
}
