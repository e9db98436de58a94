// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GitTokenScopes.Tests.Validation;

public sealed class TokenValidationHealthCheckTests
{
    [Fact]
    public async Task PassingToken_IsHealthy()
    {
        var report = await CheckAsync(FakeGitHubToken.Classic("repo", "admin:repo_hook"));

        report.Status.Should().Be(HealthStatus.Healthy);
        report.Entries["runtime-token"].Data["verdict"].Should().Be("pass");
    }

    [Fact]
    public async Task ExpiringToken_IsDegraded()
    {
        var token = FakeGitHubToken.Classic("repo", "admin:repo_hook");
        token.ExpiresAt = DateTimeOffset.UtcNow.AddDays(2);

        var report = await CheckAsync(token);

        report.Status.Should().Be(HealthStatus.Degraded);
        ((string[])report.Entries["runtime-token"].Data["warnings"]).Should().Contain("token-expiring");
    }

    [Fact]
    public async Task FailingToken_IsUnhealthy_AndSaysWhatIsMissing()
    {
        var report = await CheckAsync(FakeGitHubToken.Classic("repo"));

        var entry = report.Entries["runtime-token"];
        report.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().Contain("missing admin:repo_hook");
        ((IReadOnlyList<string>)entry.Data["missingScopes"]).Should().Equal("admin:repo_hook");
    }

    [Fact]
    public async Task FailingToken_UsesTheRegisteredFailureStatus()
    {
        var report = await CheckAsync(FakeGitHubToken.Classic("repo"), HealthStatus.Degraded);

        report.Status.Should().Be(HealthStatus.Degraded);
    }

    [Fact]
    public async Task ProviderOutage_IsDegraded_NotUnhealthy()
    {
        var token = FakeGitHubToken.Classic("repo", "admin:repo_hook");
        token.ServerErrorStatus = 503;

        var report = await CheckAsync(token);

        report.Status.Should().Be(HealthStatus.Degraded);
        report.Entries["runtime-token"].Data["verdict"].Should().Be("indeterminate");
    }

    private static async Task<HealthReport> CheckAsync(FakeGitHubToken token, HealthStatus? failureStatus = null)
    {
        using var server = FakeGitHubServer.Start(new FakeGitHubServerOptions());
        server.AddToken(token);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGitTokenScopes(o => o.Resilience.MaxRetryAttempts = 0).AddGitHub();
        services.AddHealthChecks().AddGitTokenScopesCheck(
            "runtime-token",
            _ => new TokenValidationRequest(new GitCredential(GitProvider.GitHub, token.Value, apiUrl: server.ApiUrl), TokenKind.Runtime),
            failureStatus);
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        report.Entries["runtime-token"].Description.Should().NotContain(token.Value);
        return report;
    }
}
