// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.ConsumerTests;

/// <summary>
/// End to end: the real library, wired as in production, against a fake GitHub on 127.0.0.1. Use this style to test
/// that your wiring and your handling of each verdict work together.
/// </summary>
public sealed class RuntimeInstallerTests : IDisposable
{
    private readonly FakeGitHubServer _github = FakeGitHubServer.Start();
    private readonly ServiceProvider _services;

    public RuntimeInstallerTests()
    {
        _github.AddRepository(new FakeGitHubRepository { FullName = "acme/gitops-config", Private = true });
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGitTokenScopes().AddGitHub();
        services.AddSingleton<RuntimeInstaller>();
        _services = services.BuildServiceProvider();
    }

    private RuntimeInstaller Installer => _services.GetRequiredService<RuntimeInstaller>();

    [Fact]
    public async Task TokenWithTheSeedScopes_Proceeds()
    {
        var token = _github.AddToken(FakeGitHubToken.Classic("repo", "admin:repo_hook")
            .WithRepository("acme/gitops-config", new FakeGitHubGrant { Role = "admin" }));

        var decision = await Installer.CheckAsync(Credential(token), "production", "acme/gitops-config");

        decision.Proceed.Should().BeTrue(decision.Explanation);
    }

    [Fact]
    public async Task TokenWithoutWebhookScope_IsRefusedWithTheScopeToAdd()
    {
        var token = _github.AddToken(FakeGitHubToken.Classic("repo")
            .WithRepository("acme/gitops-config", new FakeGitHubGrant { Role = "admin" }));

        var decision = await Installer.CheckAsync(Credential(token), "production", "acme/gitops-config");

        decision.Proceed.Should().BeFalse();
        decision.Explanation.Should().StartWith("Missing: admin:repo_hook.");
        _github.Requests.Should().Contain(r => r.Path == "/user", "the library asked the fake, not the internet");
    }

    public void Dispose()
    {
        _services.Dispose();
        _github.Dispose();
    }

    private GitCredential Credential(FakeGitHubToken token) => new(GitProvider.GitHub, token.Value, apiUrl: _github.ApiUrl);
}
