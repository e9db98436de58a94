// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;

namespace GitTokenScopes.Cli.Tests.Support;

/// <summary>Fake GitHub, GitLab and Bitbucket Cloud servers on 127.0.0.1 for one test class.</summary>
public sealed class FakeProviders : IDisposable
{
    public const string ConfigRepository = "acme/gitops-config";

    public FakeProviders()
    {
        GitHub.AddRepository(new FakeGitHubRepository { FullName = ConfigRepository, Private = true });
        GitLab.AddProject(new FakeGitLabProject { PathWithNamespace = ConfigRepository });
        Bitbucket.AddRepository(new FakeBitbucketCloudRepository { FullName = ConfigRepository });
    }

    public FakeGitHubServer GitHub { get; } = FakeGitHubServer.Start();

    public FakeGitLabServer GitLab { get; } = FakeGitLabServer.Start();

    public FakeBitbucketCloudServer Bitbucket { get; } = FakeBitbucketCloudServer.Start();

    /// <summary>A classic GitHub token that passes as a Runtime token, with admin on the configuration repository.</summary>
    public FakeGitHubToken GoodRuntimeToken()
        => GitHub.AddToken(FakeGitHubToken.Classic("repo", "admin:repo_hook").WithRepository(ConfigRepository, new FakeGitHubGrant { Role = "admin" }));

    public void Dispose()
    {
        GitHub.Dispose();
        GitLab.Dispose();
        Bitbucket.Dispose();
    }
}
