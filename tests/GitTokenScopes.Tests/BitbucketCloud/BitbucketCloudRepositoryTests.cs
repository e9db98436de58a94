// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;

namespace GitTokenScopes.Tests.BitbucketCloud;

/// <summary>Read and write access to named repositories: the account's permission capped by the credential's scopes; one request each.</summary>
public sealed class BitbucketCloudRepositoryTests : IClassFixture<BitbucketCloudInspectorFixture>
{
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
}
