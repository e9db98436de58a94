// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.ConsumerTests;

/// <summary>
/// No HTTP at all: <see cref="FakeTokenInspector"/> stands in for GitHub and answers whatever the test needs, including
/// answers a fake server makes awkward (an outage at exactly the wrong moment).
/// </summary>
public sealed class RuntimeInstallerUnitTests
{
    [Fact]
    public async Task RateLimitedProvider_AsksToRetryRatherThanRefusing()
    {
        var github = new FakeTokenInspector(GitProvider.GitHub).Answer(request => new TokenInspection
        {
            Provider = GitProvider.GitHub,
            ApiUrl = FakeTokenInspector.ApiUrlOf(request),
            Status = InspectionStatus.RateLimited,
            CredentialFingerprint = request.Credential.Fingerprint,
            Message = "GitHub's rate limit was reached.",
        });
        using var services = Build(github);

        var decision = await services.GetRequiredService<RuntimeInstaller>()
            .CheckAsync(new GitCredential(GitProvider.GitHub, "ghp_" + new string('0', 36)), "production", "acme/gitops-config");

        decision.Should().Be(new InstallDecision(false, true, "GitHub's rate limit was reached."));
        github.Requests.Should().ContainSingle().Which.Repositories.Single().Name.Should().Be("acme/gitops-config");
    }

    [Fact]
    public async Task SkipValidationPolicy_ProceedsWithoutAskingTheProvider()
    {
        var github = new FakeTokenInspector(GitProvider.GitHub);
        using var services = Build(github, o => o.Validation.Runtime.SkipValidation = true);

        var decision = await services.GetRequiredService<RuntimeInstaller>()
            .CheckAsync(new GitCredential(GitProvider.GitHub, "ghp_" + new string('1', 36)), "production", "acme/gitops-config");

        decision.Proceed.Should().BeTrue();
        github.CallCount.Should().Be(0);
    }

    private static ServiceProvider Build(FakeTokenInspector inspector, Action<GitTokenScopesOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGitTokenScopes(o => configure?.Invoke(o));
        services.AddSingleton<ITokenInspector>(inspector);
        services.AddSingleton<RuntimeInstaller>();
        return services.BuildServiceProvider();
    }
}
