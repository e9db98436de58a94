// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using GitTokenScopes.Testing;

namespace GitTokenScopes.Tests.BitbucketCloud;

/// <summary>Read and write access to named repositories: the account's permission capped by the credential's scopes; one request each.</summary>
public sealed class BitbucketCloudRepositoryTests : IClassFixture<BitbucketCloudInspectorFixture>
{
    private const string ConfigPath = "/2.0/repositories/ws/config";

    private readonly BitbucketCloudInspectorFixture _bitbucket;

    public BitbucketCloudRepositoryTests(BitbucketCloudInspectorFixture bitbucket)
    {
        _bitbucket = bitbucket;
        foreach (var name in new[] { "ws/config", "ws/apps", "other/secret" })
        {
            bitbucket.Server.AddRepository(new FakeBitbucketCloudRepository { FullName = name });
        }
    }

    [Fact]
    public async Task InspectAsync_AppPasswordWithWritePermissionAndScope_IsGrantedForOneRequestPerRepository()
    {
        var credential = FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account", "repository:write")
            .WithRepository("ws/config", "write").WithRepository("ws/apps", "admin");

        var inspection = await _bitbucket.InspectAsync(credential, [new("ws/config"), new("ws/apps", RepositoryAccess.Read)]);

        inspection.RequestCount.Should().Be(3);
        inspection.Repositories.Should().HaveCount(2);
        inspection.Repositories[0].Should().Match<RepositoryAccessResult>(r => r.Repository == "ws/config" && r.State == RepositoryAccessState.Granted && r.CanRead == true && r.CanWrite == true);
        inspection.Repositories[1].State.Should().Be(RepositoryAccessState.Granted);
    }

    [Fact]
    public async Task InspectAsync_ReadPermission_IsInsufficientForWriting()
    {
        var credential = FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account", "repository:write").WithRepository("ws/config", "read");

        var inspection = await _bitbucket.InspectAsync(credential, [new("ws/config")]);

        var result = inspection.Repositories.Single();
        result.State.Should().Be(RepositoryAccessState.Insufficient);
        result.CanRead.Should().BeTrue();
        result.CanWrite.Should().BeFalse();
        result.Message.Should().Contain("permission on the repository is read");
    }

    [Fact]
    public async Task InspectAsync_RepositoryAdminScopeOnly_CannotWriteEvenAsAdmin()
    {
        var credential = FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account", "repository", "repository:admin").WithRepository("ws/config", "admin");

        var inspection = await _bitbucket.InspectAsync(credential, [new("ws/config")]);

        var result = inspection.Repositories.Single();
        result.State.Should().Be(RepositoryAccessState.Insufficient);
        result.CanWrite.Should().BeFalse();
        result.Message.Should().Contain("repository:write");
    }

    [Fact]
    public async Task InspectAsync_RepositoryOutOfReach_IsNotVisible()
    {
        var credential = FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account", "repository:write").WithRepository("ws/config");

        var inspection = await _bitbucket.InspectAsync(credential, [new("other/secret")]);

        inspection.Repositories.Single().State.Should().Be(RepositoryAccessState.NotVisible);
    }

    [Fact]
    public async Task InspectAsync_ApiTokenWithReadAndWriteScopes_IsGranted()
    {
        var credential = FakeBitbucketCloudCredential.ApiToken("bot@example.com", "read:user:bitbucket", "read:repository:bitbucket", "write:repository:bitbucket")
            .WithRepository("ws/config", "write");

        var inspection = await _bitbucket.InspectAsync(credential, [new("ws/config")]);

        inspection.Repositories.Single().State.Should().Be(RepositoryAccessState.Granted);
    }

    [Fact]
    public async Task InspectAsync_AccessTokenInReachWithWriteScope_IsGranted()
    {
        var credential = FakeBitbucketCloudCredential.ProjectAccessToken("repository:write").WithRepository("ws/config").WithRepository("ws/apps");

        var inspection = await _bitbucket.InspectAsync(credential, [new("ws/config"), new("other/secret")]);

        inspection.RequestCount.Should().Be(3);
        inspection.Repositories[0].State.Should().Be(RepositoryAccessState.Granted);
        inspection.Repositories[1].State.Should().Be(RepositoryAccessState.NotVisible);
        _bitbucket.Server.Requests.Select(r => r.Path).Should().Contain("/repositories/ws/config");
    }

    [Fact]
    public async Task InspectAsync_AccessTokenWithReadScopeOnly_IsInsufficientForWriting()
    {
        var credential = FakeBitbucketCloudCredential.RepositoryAccessToken("repository").WithRepository("ws/config");

        var inspection = await _bitbucket.InspectAsync(credential, [new("ws/config")]);

        var result = inspection.Repositories.Single();
        result.State.Should().Be(RepositoryAccessState.Insufficient);
        result.CanRead.Should().BeTrue();
        result.Message.Should().Contain("repository:write");
    }

    [Fact]
    public async Task InspectAsync_ScopesUnknown_LeavesRepositoryAccessUnknown()
    {
        var credential = FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account", "repository:write").WithRepository("ws/config", "write");
        credential.OmitScopesHeader = true;

        var inspection = await _bitbucket.InspectAsync(credential, [new("ws/config")]);

        inspection.Repositories.Single().State.Should().Be(RepositoryAccessState.Unknown);
    }

    [Fact]
    public async Task InspectAsync_AccessTokenRefusedTheRepository_IsInsufficientNamingTheRequiredScope()
    {
        var credential = FakeBitbucketCloudCredential.RepositoryAccessToken("webhook").WithRepository("ws/config");

        var inspection = await _bitbucket.InspectAsync(credential, [new("ws/config")]);

        inspection.Status.Should().Be(InspectionStatus.Ok, "one repository's refusal is about the repository, not the token");
        _bitbucket.Server.Requests.Should().Contain(r => r.Path == "/repositories/ws/config" && r.StatusCode == 403);
        inspection.Repositories.Single().Should().Match<RepositoryAccessResult>(r =>
            r.State == RepositoryAccessState.Insufficient && r.CanRead == false && r.CanWrite == false
            && r.Message == "Bitbucket Cloud refused to show the repository to the token (403: Your credentials lack one or more required privilege scopes.); it requires repository.");
    }

    [Fact]
    public async Task InspectAsync_RepositoryRateLimited_FailsTheInspectionAndLeavesTheRepositoryUnknown()
    {
        using var limited = BitbucketCloudInspectorFixture.WithOverrides((AnswerOverride.Key("GET", ConfigPath), BitbucketCloudAnswers.RateLimited));
        limited.Server.AddRepository(new FakeBitbucketCloudRepository { FullName = "ws/config" });
        var credential = FakeBitbucketCloudCredential.RepositoryAccessToken("repository:write").WithRepository("ws/config");

        var inspection = await limited.InspectAsync(credential, [new("ws/config")]);

        inspection.Status.Should().Be(InspectionStatus.RateLimited, "a rate limit is a fact about the token, whichever request met it");
        inspection.Message.Should().Be("Bitbucket Cloud's rate limit was reached (429); it counts requests over a rolling hour, so retry later.");
        inspection.RateLimit!.Resource.Should().Be("api-repo");
        inspection.Repositories.Single().Should().Match<RepositoryAccessResult>(r =>
            r.State == RepositoryAccessState.Unknown && r.Message == "Not checked: Bitbucket Cloud's rate limit was reached.");
    }

    [Fact]
    public async Task InspectAsync_RepositoryAnsweredWithJsonThatIsNoRepository_IsUnknown()
    {
        // Bitbucket does not send this; a proxy in front of it might, and the inspector must not read it as a verdict.
        using var proxied = BitbucketCloudInspectorFixture.WithOverrides((AnswerOverride.Key("GET", ConfigPath), () => AnswerOverride.Json(HttpStatusCode.OK, """{"status": "ok"}""")));
        var credential = FakeBitbucketCloudCredential.RepositoryAccessToken("repository:write").WithRepository("ws/config");

        var inspection = await proxied.InspectAsync(credential, [new("ws/config")]);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.Repositories.Single().Should().Match<RepositoryAccessResult>(r =>
            r.State == RepositoryAccessState.Unknown && r.CanWrite == null && r.Message == "Bitbucket Cloud's answer could not be read.");
    }

    [Fact]
    public async Task InspectAsync_PermissionLookupAnsweredWithAServerError_OnlyThatRepositoryIsUnknown()
    {
        const string Something = """{"type": "error", "error": {"message": "Something went wrong. We've been notified and are looking into it."}}""";
        using var failing = BitbucketCloudInspectorFixture.WithOverrides(
            (AnswerOverride.Key("GET", "/2.0/user/workspaces/ws/permissions/repositories"), () => AnswerOverride.Json(HttpStatusCode.InternalServerError, Something)));
        var credential = FakeBitbucketCloudCredential.ApiToken("bot@example.com", "read:user:bitbucket", "read:repository:bitbucket", "write:repository:bitbucket");

        var inspection = await failing.InspectAsync(credential, [new("ws/config")]);

        inspection.Status.Should().Be(InspectionStatus.Ok, "the scopes came from GET /user");
        inspection.RequestCount.Should().Be(2, "GET /user and the permission lookup, concurrently");
        inspection.Repositories.Single().Should().Match<RepositoryAccessResult>(r =>
            r.State == RepositoryAccessState.Unknown && r.Message == "Bitbucket Cloud answered GET /user/workspaces/ws/permissions/repositories with 500.");
    }
}
