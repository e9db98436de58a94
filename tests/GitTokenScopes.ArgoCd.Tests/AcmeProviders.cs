// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace GitTokenScopes.ArgoCd.Tests;

/// <summary>
/// Fake GitHub, GitLab and Bitbucket Cloud on 127.0.0.1 holding the repositories and tokens of <see cref="AcmeSecrets"/>,
/// and the library wired against them with every log captured.
/// </summary>
public sealed class AcmeProviders : IDisposable
{
    private readonly ServiceProvider _services;

    public AcmeProviders()
    {
        foreach (var name in new[] { "acme/gitops-config", "acme/payments", "acme/platform-tools" })
        {
            GitHub.AddRepository(new FakeGitHubRepository { FullName = name, Private = true });
        }

        GitLab.AddProject(new FakeGitLabProject { PathWithNamespace = "team/app" });
        Bitbucket.AddRepository(new FakeBitbucketCloudRepository { FullName = "acme/deploy" });

        // The runtime's token lacks admin:repo_hook; the write token may only read; the rest are fine.
        var runtime = GitHub.AddToken(FakeGitHubToken.Classic("repo").WithRepository("acme/gitops-config", new FakeGitHubGrant { Role = "admin" }));
        runtime.ExpiresAt = DateTimeOffset.UtcNow.AddDays(20);
        var platform = GitHub.AddToken(FakeGitHubToken.Classic("repo").WithRepository("acme/platform-tools", new FakeGitHubGrant { Role = "write" }));
        var jane = GitHub.AddToken(FakeGitHubToken.Classic("repo").WithRepository("acme/payments", new FakeGitHubGrant { Role = "write" }));
        var teamX = GitHub.AddToken(FakeGitHubToken.Classic("repo").WithRepository("acme/payments", new FakeGitHubGrant { Role = "write" }));
        var write = GitHub.AddToken(FakeGitHubToken.Classic("repo").WithRepository("acme/gitops-config", new FakeGitHubGrant { Role = "read" }));
        var gitLabA = GitLab.AddToken(FakeGitLabToken.Personal("api", "read_api", "read_repository", "write_repository"));
        var gitLabB = GitLab.AddToken(FakeGitLabToken.Personal("read_repository"));
        var bitbucket = Bitbucket.AddCredential(FakeBitbucketCloudCredential.AppPassword("acme-bot", "account", "repository:write"));
        Tokens = new AcmeTokens(runtime.Value, platform.Value, jane.Value, teamX.Value, gitLabA.Value, gitLabB.Value, write.Value, bitbucket.Secret);

        _services = BuildServices();
        Validator = _services.GetRequiredService<ITokenValidator>();
        Logs = _services.GetFakeLogCollector();
    }

    public FakeGitHubServer GitHub { get; } = FakeGitHubServer.Start();

    public FakeGitLabServer GitLab { get; } = FakeGitLabServer.Start();

    public FakeBitbucketCloudServer Bitbucket { get; } = FakeBitbucketCloudServer.Start();

    internal AcmeTokens Tokens { get; }

    public ITokenValidator Validator { get; }

    public FakeLogCollector Logs { get; }

    public ArgoCdAudit CreateAudit() => new(Validator, _services.GetRequiredService<ILogger<ArgoCdAudit>>());

    /// <summary>The library wired against the fakes, with every log captured and an empty inspection cache.</summary>
    public static ServiceProvider BuildServices()
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        services.AddGitTokenScopes(o => o.Resilience.MaxRetryAttempts = 0).AddGitHub().AddGitLab().AddBitbucketCloud();
        return services.BuildServiceProvider();
    }

    /// <summary>Options that send github.com, gitlab.com and bitbucket.org to the fakes: the tests never leave loopback.</summary>
    public ArgoCdAuditOptions Options(params string[] runtimes)
    {
        var options = new ArgoCdAuditOptions();
        options.Servers["github.com"] = new ArgoCdGitServer(GitProvider.GitHub, apiUrl: GitHub.ApiUrl);
        options.Servers["gitlab.com"] = new ArgoCdGitServer(GitProvider.GitLab, apiUrl: GitLab.ApiUrl);
        options.Servers["bitbucket.org"] = new ArgoCdGitServer(GitProvider.BitbucketCloud, apiUrl: Bitbucket.ApiUrl);
        foreach (var runtime in runtimes)
        {
            options.Runtimes.Add(runtime);
        }

        return options;
    }

    public void Dispose()
    {
        _services.Dispose();
        GitHub.Dispose();
        GitLab.Dispose();
        Bitbucket.Dispose();
    }
}
