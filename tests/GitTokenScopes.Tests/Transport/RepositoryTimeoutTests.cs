// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Tests.BitbucketCloud;
using GitTokenScopes.Tests.BitbucketServer;
using GitTokenScopes.Tests.GitHub;
using GitTokenScopes.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.Tests.Transport;

/// <summary>
/// Providers behave alike: a request about one repository that gets no answer in time marks that repository unknown;
/// the inspection, and the other repositories, go on (GitLab's projects already did).
/// </summary>
public sealed class RepositoryTimeoutTests
{
    // Each test inspects once without repositories first, so that a cold start does not eat the budget.
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GitHub_SlowRepository_IsUnknown_TheOthersAreRead(bool fineGrained)
    {
        using var github = new GitHubInspectorFixture(new FakeGitHubServerOptions(), o => o.RequestTimeout = Budget, Slow("/repos/slow/app"));
        github.Server.AddRepository(new FakeGitHubRepository { FullName = "slow/app" });
        github.Server.AddRepository(new FakeGitHubRepository { FullName = "quick/app" });
        var grant = fineGrained ? FakeGitHubGrant.WithPermissions(("contents", "write"), ("metadata", "read")) : new FakeGitHubGrant { Role = "admin" };
        var token = (fineGrained ? FakeGitHubToken.FineGrained() : FakeGitHubToken.Classic("repo"))
            .WithRepository("slow/app", grant).WithRepository("quick/app", grant);

        await github.InspectAsync(token);
        var inspection = await github.InspectAsync(
            token,
            [new RepositoryRequest("slow/app", RepositoryAccess.Read), new RepositoryRequest("quick/app", RepositoryAccess.Read)],
            [GitHubInspectorFixture.Requirement(TokenKind.Runtime, fineGrained ? TokenFamily.FineGrained : TokenFamily.Classic)]);

        inspection.Status.Should().Be(InspectionStatus.Ok, inspection.Message);
        AssertSlowUnknown(inspection, "slow/app", "GitHub did not answer GET /repos/slow/app");
        inspection.Repositories.Single(r => r.Repository == "quick/app").State.Should().Be(RepositoryAccessState.Granted);
    }

    [Fact]
    public async Task BitbucketCloud_SlowRepository_IsUnknown_TheOthersAreRead()
    {
        using var bitbucket = new BitbucketCloudInspectorFixture(new FakeBitbucketCloudServerOptions(), o => o.RequestTimeout = Budget, Slow("slow%2Fapp"));
        bitbucket.Server.AddRepository(new FakeBitbucketCloudRepository { FullName = "slow/app" });
        bitbucket.Server.AddRepository(new FakeBitbucketCloudRepository { FullName = "quick/app" });
        var credential = FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account", "repository:write")
            .WithRepository("slow/app", "write").WithRepository("quick/app", "write");

        await bitbucket.InspectAsync(credential);
        var inspection = await bitbucket.InspectAsync(credential, [new("slow/app"), new("quick/app")]);

        inspection.Status.Should().Be(InspectionStatus.Ok, inspection.Message);
        AssertSlowUnknown(inspection, "slow/app", "Bitbucket Cloud did not answer GET /user/workspaces/slow/permissions/repositories");
        inspection.Repositories.Single(r => r.Repository == "quick/app").State.Should().Be(RepositoryAccessState.Granted);
    }

    [Fact]
    public async Task BitbucketServer_SlowRepository_IsUnknown_TheOthersAreRead()
    {
        using var bitbucket = new BitbucketServerInspectorFixture(new FakeBitbucketServerOptions(), o => o.RequestTimeout = Budget, Slow("/repos/config"));
        var token = FakeBitbucketServerToken.Personal("codefresh-bot", "REPO_WRITE").WithRepository("CF/config", "REPO_WRITE").WithRepository("CF/apps", "REPO_WRITE");

        await bitbucket.InspectAsync(token);
        var inspection = await bitbucket.InspectAsync(token, [new("CF/config"), new("CF/apps")]);

        inspection.Status.Should().Be(InspectionStatus.Ok, inspection.Message);
        AssertSlowUnknown(inspection, "CF/config", "Bitbucket Server did not answer GET /");
        inspection.Repositories.Single(r => r.Repository == "CF/apps").State.Should().Be(RepositoryAccessState.Granted);
    }

    private static void AssertSlowUnknown(TokenInspection inspection, string repository, string message)
    {
        var slow = inspection.Repositories.Single(r => r.Repository == repository);
        slow.State.Should().Be(RepositoryAccessState.Unknown);
        slow.Message.Should().StartWith("Not checked: " + message).And.Contain("within 1 s");
    }

    /// <summary>No retries, and every request whose path and query contain <paramref name="marker"/> held far past the budget.</summary>
    private static Action<IServiceCollection> Slow(string marker) => services =>
    {
        services.Configure<GitTokenScopesOptions>(o => o.Resilience.MaxRetryAttempts = 0);
        foreach (var name in new[] { GitTokenScopesHttpClientNames.GitHub, GitTokenScopesHttpClientNames.BitbucketCloud, GitTokenScopesHttpClientNames.BitbucketServer })
        {
            services.AddHttpClient(name).AddHttpMessageHandler(() => new SlowPath(marker));
        }
    };

    private sealed class SlowPath(string marker) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.PathAndQuery.Contains(marker, StringComparison.Ordinal) && request.Method == HttpMethod.Get)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
            }

            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
