// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using System.Text;
using GitTokenScopes.Testing;
using GitTokenScopes.Tests.Schemas;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.Tests.BitbucketCloud;

/// <summary>
/// Bitbucket Cloud as it is in December 2026: CHANGE-2770 removed the cross-workspace endpoints (410, lately 404),
/// CHANGE-3022 replaced them, access tokens show their grant only on the 403 of <c>GET /2.0/user</c>, app passwords are
/// gone since 2026-07-28 and API tokens want the Atlassian e-mail for REST.
/// </summary>
public sealed class BitbucketCloud2026Tests(BitbucketCloudInspectorFixture bitbucket) : IClassFixture<BitbucketCloudInspectorFixture>
{
    // Verbatim as Bitbucket answers the endpoints CHANGE-2770 removed.
    private const string Change2770 = """{"type": "error", "error": {"message": "CHANGE-2770 - Functionality has been deprecated", "detail": "Please read the changelog entry for more details.", "data": {"announcement_url": "https://developer.atlassian.com/cloud/bitbucket/changelog#CHANGE-2770"}}, "data": {"announcement_url": "https://developer.atlassian.com/cloud/bitbucket/changelog#CHANGE-2770"}}""";

    private static readonly string[] RemovedPaths = ["/repositories", "/workspaces", "/user/permissions/repositories", "/user/permissions/workspaces"];

    [Theory]
    [InlineData("AppPassword")]
    [InlineData("ApiToken")]
    [InlineData("OAuth")]
    [InlineData("RepositoryAccessToken")]
    [InlineData("ProjectAccessToken")]
    [InlineData("WorkspaceAccessToken")]
    public async Task InspectAsync_EveryCredentialKind_IsOkWithoutCallingARemovedEndpoint(string kind)
    {
        bitbucket.Server.AddRepository(new FakeBitbucketCloudRepository { FullName = "ws/config" });
        var credential = Credential(Enum.Parse<FakeBitbucketCloudCredentialKind>(kind)).WithRepository("ws/config", "write");

        var inspection = await bitbucket.InspectAsync(credential, [new("ws/config")]);

        // Before CHANGE-3022 was adopted, access tokens listed /repositories (410: provider-error) and user-bound
        // credentials read /user/permissions/repositories (410: repository unknown, 404: not visible).
        inspection.Status.Should().Be(InspectionStatus.Ok, inspection.Message);
        inspection.Repositories.Single().State.Should().Be(RepositoryAccessState.Granted, inspection.Repositories.Single().Message);
        inspection.RequestCount.Should().Be(2);
        bitbucket.Server.Requests.Should().NotContain(r => RemovedPaths.Contains(r.Path));
        // Basic credentials send /user and the permission lookup at once, so their order at the server is not fixed.
        bitbucket.Server.Requests.Select(r => r.Path).Should().Contain("/user");
    }

    [Theory]
    [InlineData(410)]
    [InlineData(404)]
    public async Task InspectAsync_PermissionEndpointRemoved_LeavesTheRepositoryUnknownNamingTheChange(int status)
    {
        using var removed = Removing("/permissions/repositories", status);
        var credential = FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account", "repository:write").WithRepository("ws/config", "write");
        removed.Server.AddRepository(new FakeBitbucketCloudRepository { FullName = "ws/config" });

        var inspection = await removed.InspectAsync(credential, [new("ws/config")]);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        var result = inspection.Repositories.Single();
        result.State.Should().Be(RepositoryAccessState.Unknown, "a removed endpoint says nothing about the repository; a 404 is not 'not visible' here");
        result.Message.Should().Contain("no longer serves GET /user/workspaces/ws/permissions/repositories")
            .And.Contain($"{status}: CHANGE-2770 - Functionality has been deprecated")
            .And.Contain("changelog#CHANGE-2770");
    }

    [Theory]
    [InlineData(410)]
    [InlineData(404)]
    public async Task InspectAsync_RepositoryEndpointRemoved_LeavesAnAccessTokensRepositoryUnknown(int status)
    {
        using var removed = Removing("/repositories/ws/", status);
        var credential = FakeBitbucketCloudCredential.RepositoryAccessToken("repository:write").WithRepository("ws/config");

        var inspection = await removed.InspectAsync(credential, [new("ws/config")]);

        inspection.Repositories.Single().State.Should().Be(RepositoryAccessState.Unknown);
        inspection.Repositories.Single().Message.Should().Contain("CHANGE-2770");
    }

    [Theory]
    [InlineData(410)]
    [InlineData(404)]
    public async Task InspectAsync_UserEndpointRemoved_IsAProviderErrorNamingTheChange_NeverInvalid(int status)
    {
        using var removed = Removing("/2.0/user", status);

        var inspection = await removed.InspectAsync(FakeBitbucketCloudCredential.ApiToken("bot@example.com", "read:user:bitbucket"));

        inspection.Status.Should().Be(InspectionStatus.ProviderError);
        inspection.Message.Should().Contain("no longer serves GET /user").And.Contain("CHANGE-2770");
    }

    [Fact]
    public async Task InspectAsync_AccessToken_ReadsTypeAndScopesFromTheUser403Headers()
    {
        var inspection = await bitbucket.InspectAsync(FakeBitbucketCloudCredential.ProjectAccessToken("repository:write", "webhook"));

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.TokenType.Should().Be(TokenType.BitbucketProjectAccessToken);
        inspection.Granted!.Scopes.Should().Equal("repository:write", "webhook");
        inspection.Notes.Should().NotContain(n => n.Contains("refused", StringComparison.Ordinal), "the 403 is how an access token answers GET /user, not a refusal");
    }

    [Fact]
    public async Task InspectAsync_RejectedAppPassword_SaysAppPasswordsAreGone()
    {
        // 2026-07-28 on, Bitbucket answers an app password 401 with its plain-text body.
        var credential = FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account");
        credential.Revoked = true;

        var inspection = await bitbucket.InspectAsync(credential);

        inspection.Status.Should().Be(InspectionStatus.Invalid);
        inspection.TokenType.Should().Be(TokenType.BitbucketAppPassword);
        inspection.Message.Should().Contain("were removed on 2026-07-28").And.Contain("API token with scopes").And.Contain("access token");
    }

    [Fact]
    public async Task ValidateAsync_RejectedAppPassword_WarnsAndRemediatesInThePastTense()
    {
        var credential = FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account");
        credential.Revoked = true;
        bitbucket.Server.AddCredential(credential);
        var services = new ServiceCollection();
        services.AddGitTokenScopes().AddBitbucketCloud();
        using var provider = services.BuildServiceProvider();

        var report = await provider.GetSchemaCheckedValidator().ValidateAsync(new TokenValidationRequest(bitbucket.Credential(credential), TokenKind.Runtime));

        report.Verdict.Should().Be(ValidationVerdict.Fail);
        report.Warnings.Should().ContainSingle(w => w.Code == ValidationWarningCode.AppPasswordRetiring)
            .Which.Message.Should().Contain("were removed on 2026-07-28");
        report.Remediation!.Steps.Should().Contain(s => s.Contains("were removed on 2026-07-28", StringComparison.Ordinal) && s.Contains("API token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InspectAsync_ApiTokenWithTheBitbucketUserName_ExplainsRestVersusGitUserNames()
    {
        var credential = FakeBitbucketCloudCredential.ApiToken("bot@example.com", "read:user:bitbucket");
        bitbucket.Server.AddCredential(credential);

        var inspection = await bitbucket.Inspector.InspectAsync(new TokenInspectionRequest(
            new GitCredential(GitProvider.BitbucketCloud, credential.Secret, apiUrl: bitbucket.Server.ApiUrl, username: "codefresh-bot")));

        inspection.Status.Should().Be(InspectionStatus.Invalid);
        inspection.TokenType.Should().Be(TokenType.BitbucketApiToken);
        inspection.Message.Should().Contain("Atlassian account's e-mail address").And.Contain("x-bitbucket-api-token-auth").And.Contain("Git over HTTPS only");
    }

    [Fact]
    public async Task InspectAsync_AppPasswordWithoutAUserName_SaysTheUserNameIsMissing()
    {
        var credential = bitbucket.Server.AddCredential(FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account"));

        var inspection = await bitbucket.Inspector.InspectAsync(new TokenInspectionRequest(
            new GitCredential(GitProvider.BitbucketCloud, credential.Secret, apiUrl: bitbucket.Server.ApiUrl)));

        inspection.Status.Should().Be(InspectionStatus.Invalid);
        inspection.Message.Should().Contain("no user name was given");
    }

    [Fact]
    public async Task InspectAsync_ApiTokenWithoutAUserName_IsMisconfiguredWithoutARequest()
    {
        var inspection = await bitbucket.Inspector.InspectAsync(new TokenInspectionRequest(
            new GitCredential(GitProvider.BitbucketCloud, "ATATT3x" + new string('a', 40), apiUrl: bitbucket.Server.ApiUrl)));

        inspection.Status.Should().Be(InspectionStatus.Misconfigured);
        inspection.RequestCount.Should().Be(0);
        inspection.Message.Should().Contain("without a user name").And.Contain("e-mail address");
    }

    private static FakeBitbucketCloudCredential Credential(FakeBitbucketCloudCredentialKind kind) => kind switch
    {
        FakeBitbucketCloudCredentialKind.AppPassword => FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account", "repository:write"),
        FakeBitbucketCloudCredentialKind.ApiToken => FakeBitbucketCloudCredential.ApiToken("bot@example.com", "read:user:bitbucket", "read:repository:bitbucket", "write:repository:bitbucket"),
        FakeBitbucketCloudCredentialKind.OAuth => FakeBitbucketCloudCredential.OAuth("account", "repository:write"),
        FakeBitbucketCloudCredentialKind.RepositoryAccessToken => FakeBitbucketCloudCredential.RepositoryAccessToken("repository:write"),
        FakeBitbucketCloudCredentialKind.ProjectAccessToken => FakeBitbucketCloudCredential.ProjectAccessToken("repository:write"),
        _ => FakeBitbucketCloudCredential.WorkspaceAccessToken("repository:write"),
    };

    /// <summary>A fixture whose GETs on paths containing <paramref name="marker"/> answer as Bitbucket answers a removed endpoint.</summary>
    private static BitbucketCloudInspectorFixture Removing(string marker, int status)
        => new(new FakeBitbucketCloudServerOptions(), configureServices: services =>
            services.AddHttpClient(GitTokenScopesHttpClientNames.BitbucketCloud).AddHttpMessageHandler(() => new RemovedPath(marker, status)));

    private sealed class RemovedPath(string marker, int status) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => request.RequestUri!.AbsolutePath.Contains(marker, StringComparison.Ordinal)
                ? Task.FromResult(new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(Change2770, Encoding.UTF8, "application/json") })
                : base.SendAsync(request, cancellationToken);
    }
}
