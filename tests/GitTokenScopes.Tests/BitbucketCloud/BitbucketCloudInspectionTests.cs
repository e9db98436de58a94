// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.BitbucketCloud.Internal;
using GitTokenScopes.Testing;

namespace GitTokenScopes.Tests.BitbucketCloud;

/// <summary>Each credential type against the seed's Bitbucket Cloud requirements, satisfied and missing, for one request.</summary>
public sealed class BitbucketCloudInspectionTests(BitbucketCloudInspectorFixture bitbucket) : IClassFixture<BitbucketCloudInspectorFixture>
{
    private static readonly string[] AllClassic = ["account", "team", "webhook", "repository:write", "repository:admin"];

    private static readonly string[] AllGranular =
    [
        "read:user:bitbucket", "read:workspace:bitbucket", "read:webhook:bitbucket", "write:webhook:bitbucket",
        "read:repository:bitbucket", "write:repository:bitbucket", "admin:repository:bitbucket",
    ];

    [Theory]
    [InlineData("Runtime")]
    [InlineData("User")]
    public async Task InspectAsync_AppPasswordWithEverySeedScope_SatisfiesTheSeedInOneRequest(string kind)
    {
        var credential = FakeBitbucketCloudCredential.AppPassword("codefresh-bot", AllClassic);

        var inspection = await bitbucket.InspectAsync(credential);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.Provider.Should().Be(GitProvider.BitbucketCloud);
        inspection.TokenType.Should().Be(TokenType.BitbucketAppPassword);
        inspection.Family.Should().Be(TokenFamily.AppPassword);
        inspection.Granted!.Scopes.Should().Equal(AllClassic);
        inspection.Account!.Login.Should().Be("codefresh-bot");
        inspection.RequestCount.Should().Be(1);
        bitbucket.Server.Requests.Should().ContainSingle().Which.Path.Should().Be("/user");
        BitbucketCloudInspectorFixture.Evaluate(inspection, Enum.Parse<TokenKind>(kind)).IsSatisfied.Should().BeTrue();
    }

    [Fact]
    public async Task InspectAsync_AppPassword_WarnsThatAppPasswordsAreRetired()
    {
        var inspection = await bitbucket.InspectAsync(FakeBitbucketCloudCredential.AppPassword("codefresh-bot", AllClassic));

        inspection.Notes.Should().Contain(BitbucketCloudGuide.AppPasswordRetirement);
        inspection.Notes.Should().Contain(n => n.Contains("2025-09-09", StringComparison.Ordinal) && n.Contains("API token", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("account", "Account: Read")]
    [InlineData("team", "Workspace membership: Read")]
    [InlineData("webhook", "Webhooks: Read and write")]
    [InlineData("repository:write", "Repositories: Write, Admin")]
    [InlineData("repository:admin", "Repositories: Write, Admin")]
    public async Task InspectAsync_AppPasswordMissingOneSeedScope_ReportsExactlyThatClauseMissing(string missing, string label)
    {
        // Without account, GET /user is refused; the scopes then come from the 403.
        var scopes = AllClassic.Where(s => s != missing).ToArray();

        var inspection = await bitbucket.InspectAsync(FakeBitbucketCloudCredential.AppPassword("codefresh-bot", scopes));

        inspection.Status.Should().Be(InspectionStatus.Ok);
        var evaluation = BitbucketCloudInspectorFixture.Evaluate(inspection);
        evaluation.MissingScopes.Should().Equal(missing);
        evaluation.Clauses.Where(c => c.State == ClauseState.Missing).Should().ContainSingle().Which.Clause.Label.Should().Be(label);
        evaluation.HasUnknown.Should().BeFalse();
    }

    [Fact]
    public async Task InspectAsync_AppPasswordWithoutAccount_ReadsTheScopesFromThe403()
    {
        var inspection = await bitbucket.InspectAsync(FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "team", "webhook", "repository:write", "repository:admin"));

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.Account.Should().BeNull();
        inspection.RequestCount.Should().Be(1);
        inspection.Notes.Should().Contain(n => n.Contains("403", StringComparison.Ordinal) && n.Contains("account", StringComparison.Ordinal));
        BitbucketCloudInspectorFixture.Evaluate(inspection).MissingScopes.Should().Equal("account");
    }

    [Fact]
    public async Task InspectAsync_AccountWriteAndTeamWrite_SatisfyTheReadClauses()
    {
        var inspection = await bitbucket.InspectAsync(FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account:write", "team:write", "webhook", "repository:write", "repository:admin"));

        BitbucketCloudInspectorFixture.Evaluate(inspection).IsSatisfied.Should().BeTrue();
    }

    [Fact]
    public async Task InspectAsync_RepositoryAdminOnly_DoesNotSatisfyRepositoryWrite()
    {
        var inspection = await bitbucket.InspectAsync(FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account", "team", "webhook", "repository:admin"));

        inspection.Granted!.Grants("repository:admin").Should().BeTrue();
        inspection.Granted.Grants("repository:write").Should().BeFalse("repository:admin implies nothing");
        inspection.Granted.Grants("repository").Should().BeFalse();
        BitbucketCloudInspectorFixture.Evaluate(inspection).MissingScopes.Should().Equal("repository:write");
    }

    [Fact]
    public async Task InspectAsync_RepositoryWriteOnly_DoesNotSatisfyRepositoryAdmin()
    {
        var inspection = await bitbucket.InspectAsync(FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account", "team", "webhook", "repository:write"));

        inspection.Granted!.Grants("repository").Should().BeTrue();
        BitbucketCloudInspectorFixture.Evaluate(inspection).MissingScopes.Should().Equal("repository:admin");
    }

    [Fact]
    public async Task InspectAsync_PullrequestRead_DoesNotGrantPullrequestWriteOrRepositoryWrite()
    {
        var inspection = await bitbucket.InspectAsync(FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account", "pullrequest"));

        inspection.Granted!.Grants("pullrequest").Should().BeTrue();
        inspection.Granted.Grants("repository").Should().BeTrue();
        inspection.Granted.Grants("pullrequest:write").Should().BeFalse();
        inspection.Granted.Grants("repository:write").Should().BeFalse();
    }

    [Fact]
    public async Task InspectAsync_PullrequestWrite_GrantsRepositoryWriteButNotAdmin()
    {
        var inspection = await bitbucket.InspectAsync(FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account", "pullrequest:write"));

        inspection.Granted!.Grants("repository:write").Should().BeTrue();
        inspection.Granted.Grants("repository:admin").Should().BeFalse();
    }

    [Theory]
    [InlineData("repository:write,repository:admin", new[] { "repository:write", "repository:admin" })]
    [InlineData(" repository:admin ,  webhook ,", new[] { "repository:admin", "webhook" })]
    [InlineData("repository:admin", new[] { "repository:admin" })]
    [InlineData("", new string[0])]
    public async Task InspectAsync_ScopeHeaderSpacing_ParsesWholeNames(string header, string[] expected)
    {
        var credential = FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account");
        credential.RawScopesHeaderValue = header;

        var inspection = await bitbucket.InspectAsync(credential);

        inspection.Granted!.Scopes.Should().Equal(expected);
        inspection.Granted.IsComplete.Should().BeTrue();
    }

    [Fact]
    public async Task InspectAsync_ScopeThatOnlyContainsARequiredName_DoesNotSatisfyIt()
    {
        // Substring matching (the incumbent CLI's) would take "repository:admin-lite" for repository:admin and "webhooks" for webhook.
        var credential = FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account");
        credential.RawScopesHeaderValue = "account, team, webhooks, repository:writer, repository:admin-lite";

        var inspection = await bitbucket.InspectAsync(credential);

        BitbucketCloudInspectorFixture.Evaluate(inspection).MissingScopes.Should().BeEquivalentTo("webhook", "repository:write", "repository:admin");
    }

    [Fact]
    public async Task InspectAsync_NoScopeHeader_LeavesEveryClauseUnknownNotMissing()
    {
        var credential = FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account");
        credential.OmitScopesHeader = true;

        var inspection = await bitbucket.InspectAsync(credential);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.Granted!.AllOthersUndetermined.Should().BeTrue();
        var evaluation = BitbucketCloudInspectorFixture.Evaluate(inspection);
        evaluation.HasMissing.Should().BeFalse();
        evaluation.Clauses.Should().OnlyContain(c => c.State == ClauseState.Unknown);
    }

    [Theory]
    [InlineData("Runtime")]
    [InlineData("User")]
    public async Task InspectAsync_ApiTokenWithEverySeedScope_SatisfiesTheApiTokenRowInOneRequest(string kind)
    {
        var credential = FakeBitbucketCloudCredential.ApiToken("bot@example.com", AllGranular);

        var inspection = await bitbucket.InspectAsync(credential);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.TokenType.Should().Be(TokenType.BitbucketApiToken);
        inspection.Family.Should().Be(TokenFamily.ApiToken);
        inspection.Account!.Login.Should().Be("codefresh-bot");
        inspection.RequestCount.Should().Be(1);
        inspection.Notes.Should().NotContain(BitbucketCloudGuide.AppPasswordRetirement);
        BitbucketCloudInspectorFixture.Evaluate(inspection, Enum.Parse<TokenKind>(kind)).IsSatisfied.Should().BeTrue();
    }

    [Theory]
    [InlineData("read:user:bitbucket")]
    [InlineData("read:workspace:bitbucket")]
    [InlineData("read:webhook:bitbucket")]
    [InlineData("write:webhook:bitbucket")]
    [InlineData("read:repository:bitbucket")]
    [InlineData("write:repository:bitbucket")]
    [InlineData("admin:repository:bitbucket")]
    public async Task InspectAsync_ApiTokenMissingOneScope_ReportsItMissingWithoutImplications(string missing)
    {
        var inspection = await bitbucket.InspectAsync(FakeBitbucketCloudCredential.ApiToken("bot@example.com", AllGranular.Where(s => s != missing).ToArray()));

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.Family.Should().Be(TokenFamily.ApiToken);
        BitbucketCloudInspectorFixture.Evaluate(inspection).MissingScopes.Should().Equal(missing);
    }

    [Fact]
    public async Task InspectAsync_ApiTokenAdminRepository_DoesNotImplyWriteOrRead()
    {
        var inspection = await bitbucket.InspectAsync(FakeBitbucketCloudCredential.ApiToken("bot@example.com", "read:user:bitbucket", "admin:repository:bitbucket"));

        inspection.Granted!.Grants("write:repository:bitbucket").Should().BeFalse();
        inspection.Granted.Grants("read:repository:bitbucket").Should().BeFalse();
    }

    [Fact]
    public async Task InspectAsync_ApiTokenWithoutCredentialTypeHeader_IsRecognizedFromItsScopeNames()
    {
        using var quiet = new BitbucketCloudInspectorFixture(new FakeBitbucketCloudServerOptions { CredentialTypeForUserCredentials = false });

        var inspection = await quiet.InspectAsync(FakeBitbucketCloudCredential.ApiToken("bot@example.com", AllGranular));

        inspection.TokenType.Should().Be(TokenType.BitbucketApiToken);
        inspection.Family.Should().Be(TokenFamily.ApiToken);
        inspection.Notes.Should().Contain(n => n.Contains("x-credential-type", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InspectAsync_ApiTokenReportingClassicScopeNames_IsEvaluatedAsClassicWithANote()
    {
        // PROVIDERS.md §3.2 leaves open whether API tokens report granular or classic names in x-oauth-scopes.
        var credential = FakeBitbucketCloudCredential.ApiToken("bot@example.com", AllGranular);
        credential.RawScopesHeaderValue = string.Join(", ", AllClassic);

        var inspection = await bitbucket.InspectAsync(credential);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.TokenType.Should().Be(TokenType.BitbucketApiToken, "x-credential-type says so");
        inspection.Family.Should().Be(TokenFamily.AppPassword);
        inspection.Granted!.Scopes.Should().Equal(AllClassic);
        inspection.Notes.Should().Contain("The API token reported classic scope names, so it is evaluated against the classic-scope requirements.");
        BitbucketCloudInspectorFixture.Evaluate(inspection).IsSatisfied.Should().BeTrue();
    }

    [Fact]
    public async Task InspectAsync_User403WithoutRequiredScopesInTheBody_NamesTheAcceptedScopesFromTheHeader()
    {
        // Bitbucket names the required scopes in error.detail.required too; when a 403 lacks them, x-accepted-oauth-scopes still does.
        using var terse = BitbucketCloudInspectorFixture.WithOverrides((AnswerOverride.Key("GET", "/2.0/user"), () => AnswerOverride.Json(
            System.Net.HttpStatusCode.Forbidden,
            """{"type": "error", "error": {"message": "Your credentials lack one or more required privilege scopes."}}""",
            ("x-oauth-scopes", "read:repository:bitbucket, write:repository:bitbucket"),
            ("x-accepted-oauth-scopes", "read:user:bitbucket"),
            ("x-credential-type", "api_token"))));

        var inspection = await terse.InspectAsync(FakeBitbucketCloudCredential.ApiToken("bot@example.com", "read:repository:bitbucket", "write:repository:bitbucket"));

        inspection.Status.Should().Be(InspectionStatus.Ok, "the 403 still carries the credential's scopes");
        inspection.Account.Should().BeNull();
        inspection.Granted!.Scopes.Should().Equal("read:repository:bitbucket", "write:repository:bitbucket");
        inspection.Notes.Should().Contain("Bitbucket Cloud refused GET /user (403): the credential lacks read:user:bitbucket, so its account could not be read.");
    }

    [Theory]
    [InlineData("RepositoryAccessToken", "BitbucketRepositoryAccessToken")]
    [InlineData("ProjectAccessToken", "BitbucketProjectAccessToken")]
    [InlineData("WorkspaceAccessToken", "BitbucketWorkspaceAccessToken")]
    public async Task InspectAsync_AccessToken_LearnsItsGrantFromTheUser403AndLacksOnlyTheUserScopes(string kind, string type)
    {
        var credential = new FakeBitbucketCloudCredential { Secret = "ATCTT3x" + Guid.NewGuid().ToString("N"), Kind = Enum.Parse<FakeBitbucketCloudCredentialKind>(kind) };
        foreach (var scope in new[] { "webhook", "repository:write", "repository:admin" })
        {
            credential.Scopes.Add(scope);
        }

        var inspection = await bitbucket.InspectAsync(credential);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.TokenType.Should().Be(Enum.Parse<TokenType>(type));
        inspection.Family.Should().Be(TokenFamily.AppPassword);
        inspection.Account.Should().BeNull();
        inspection.RequestCount.Should().Be(1);
        bitbucket.Server.Requests.Should().ContainSingle().Which.Should().Match<FakeBitbucketCloudRequest>(r => r.Path == "/user" && r.StatusCode == 403 && r.AuthenticationScheme == "Bearer");
        inspection.Notes.Should().Contain(BitbucketCloudTokenInspector.AccessTokenNote);
        BitbucketCloudInspectorFixture.Evaluate(inspection).MissingScopes.Should().Equal("account", "team");
    }

    [Fact]
    public async Task InspectAsync_AccessTokenWithAllSeedScopes_SatisfiesTheSeed()
    {
        // Bitbucket does not offer account or team to access tokens; a header that lists them is still evaluated as sent.
        var inspection = await bitbucket.InspectAsync(FakeBitbucketCloudCredential.WorkspaceAccessToken(AllClassic));

        BitbucketCloudInspectorFixture.Evaluate(inspection).IsSatisfied.Should().BeTrue();
    }

    [Fact]
    public async Task InspectAsync_AccessTokenMissingWebhook_ReportsWebhookMissing()
    {
        var inspection = await bitbucket.InspectAsync(FakeBitbucketCloudCredential.RepositoryAccessToken("repository:write", "repository:admin"));

        BitbucketCloudInspectorFixture.Evaluate(inspection).MissingScopes.Should().Contain("webhook");
    }

    [Fact]
    public async Task InspectAsync_OAuthWithAccount_ReadsScopesAndAccountInOneRequest()
    {
        var inspection = await bitbucket.InspectAsync(FakeBitbucketCloudCredential.OAuth(AllClassic));

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.TokenType.Should().Be(TokenType.BitbucketOAuth);
        inspection.Family.Should().Be(TokenFamily.AppPassword);
        inspection.Account!.Login.Should().Be("codefresh-bot");
        inspection.RequestCount.Should().Be(1);
        BitbucketCloudInspectorFixture.Evaluate(inspection).IsSatisfied.Should().BeTrue();
    }

    [Fact]
    public async Task InspectAsync_OAuthWithoutAccount_CostsOneRequestAndMissesAccount()
    {
        var inspection = await bitbucket.InspectAsync(FakeBitbucketCloudCredential.OAuth("team", "webhook", "repository:write", "repository:admin"));

        inspection.RequestCount.Should().Be(1);
        inspection.Account.Should().BeNull();
        BitbucketCloudInspectorFixture.Evaluate(inspection).MissingScopes.Should().Equal("account");
    }

    [Fact]
    public async Task InspectAsync_BasicAuthentication_SendsUserAndSecretAsBasic()
    {
        await bitbucket.InspectAsync(FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account"));

        bitbucket.Server.Requests.Should().OnlyContain(r => r.AuthenticationScheme == "Basic");
    }
}
