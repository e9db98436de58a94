// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.ArgoCd.Tests;

/// <summary>A self-hosted Bitbucket Data Center behind a bearer token (Argo CD's <c>bearerToken</c> key), mapped by host.</summary>
public sealed class BitbucketServerBearerTokenTests
{
    [Fact]
    public async Task BearerToken_OnAMappedSelfHostedHost_IsValidatedAtThatServer_ForTheRepositoryItServes()
    {
        using var bitbucket = FakeBitbucketServer.Start();
        bitbucket.AddRepository(new FakeBitbucketServerRepository { FullName = "PLAT/app" });
        var token = bitbucket.AddToken(FakeBitbucketServerToken.Repository("PLAT", "app", "REPO_WRITE"));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGitTokenScopes(o => o.Resilience.MaxRetryAttempts = 0).AddBitbucketServer();
        await using var provider = services.BuildServiceProvider();
        var options = new ArgoCdAuditOptions();
        options.Servers["git.example.com"] = new ArgoCdGitServer(GitProvider.BitbucketServer, apiUrl: bitbucket.ApiUrl);
        var secrets = new[]
        {
            ArgoCdResolverTests.Secret("bbdc-plat", "repo-creds", ("url", "https://git.example.com/scm/plat/"), ("bearerToken", token.Value)),
            ArgoCdResolverTests.Secret("repo-plat-app", "repository", ("url", "https://git.example.com/scm/PLAT/app.git")),
        };

        var result = await new ArgoCdAudit(provider.GetRequiredService<ITokenValidator>()).AuditAsync(secrets, options);

        var row = result.Rows.Should().ContainSingle(r => !r.Assignment.IsTemplateOnly).Which;
        row.Assignment.Credential.Kind.Should().Be(ArgoCdCredentialKind.BearerToken);
        row.Assignment.Credential.Username.Should().BeNull("a bearer token travels without a user name");
        row.Assignment.RepositoryName.Should().Be("PLAT/app");
        var audited = result.Tokens.Should().ContainSingle().Which;
        audited.Provider.Should().Be(GitProvider.BitbucketServer);
        audited.Repositories.Should().ContainSingle().Which.Name.Should().Be("PLAT/app");
        audited.Reports.Should().ContainSingle().Which.Status.Should().Be(InspectionStatus.Ok);
        row.RepositoryState.Should().Be(RepositoryAccessState.Granted);
        bitbucket.Requests.Should().NotBeEmpty().And.OnlyContain(r => r.TokenFingerprint == token.Fingerprint);
    }
}
