// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;

namespace GitTokenScopes.Tests.GitHub;

/// <summary>GitHub Enterprise Server: the inspector derives <c>/api/v3</c> from the server URL; rate limits may be off.</summary>
public sealed class GitHubEnterpriseInspectionTests
{
    [Fact]
    public async Task InspectAsync_ServerUrl_TalksToApiV3()
    {
        using var ghes = new GitHubInspectorFixture(new FakeGitHubServerOptions { Enterprise = true });

        var inspection = await ghes.InspectAsync(FakeGitHubToken.Classic("repo", "admin:repo_hook"), enterprise: true);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.ApiUrl.Should().Be(ghes.Server.ApiUrl);
        inspection.ApiUrl.AbsolutePath.Should().Be("/api/v3/");
        inspection.Granted!.Scopes.Should().Equal("repo", "admin:repo_hook");
        inspection.RateLimit.Should().BeNull("GHES has rate limiting off by default and sends no rate-limit headers");
        ghes.Server.Requests.Should().ContainSingle().Which.Path.Should().Be("/user");
    }

    [Fact]
    public async Task InspectAsync_EnterpriseWithRateLimitsOn_ReadsThem()
    {
        using var ghes = new GitHubInspectorFixture(new FakeGitHubServerOptions { Enterprise = true, EnterpriseRateLimitsEnabled = true });

        var inspection = await ghes.InspectAsync(FakeGitHubToken.Classic("repo"), enterprise: true);

        inspection.RateLimit!.Limit.Should().Be(5000);
    }
}
