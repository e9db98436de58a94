// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using System.Text.Json;
using GitTokenScopes.Testing;

namespace GitTokenScopes.WebApi.Tests;

public sealed class HealthEndpointTests : IDisposable
{
    private readonly WebApiFactory _factory = new();

    [Fact]
    public async Task GoodRuntimeToken_IsHealthy()
    {
        var token = _factory.GoodRuntimeToken();
        _factory.WithRuntimeToken(token);

        var (status, text) = await GetHealthAsync();

        status.Should().Be(HttpStatusCode.OK, text);
        using var health = JsonDocument.Parse(text);
        health.RootElement.GetProperty("status").GetString().Should().Be("Healthy");
        var check = health.RootElement.GetProperty("checks").GetProperty("runtime-token");
        check.GetProperty("data").GetProperty("verdict").GetString().Should().Be("pass");
        check.GetProperty("data").GetProperty("tokenFingerprint").GetString().Should().Be(token.Fingerprint);
        _factory.GitHub.Requests.Should().Contain(r => r.TokenFingerprint == token.Fingerprint && r.Path == "/repos/acme/gitops-config",
            "the check asks about the Shared Configuration Repository from appsettings.json");
        text.Should().NotContain(token.Value);
    }

    [Fact]
    public async Task RuntimeTokenMissingAScope_IsUnhealthyWith503()
    {
        var token = _factory.GitHub.AddToken(FakeGitHubToken.Classic("repo").WithRepository(WebApiFactory.ConfigRepository, new FakeGitHubGrant { Role = "admin" }));
        _factory.WithRuntimeToken(token);

        var (status, text) = await GetHealthAsync();

        status.Should().Be(HttpStatusCode.ServiceUnavailable);
        using var health = JsonDocument.Parse(text);
        health.RootElement.GetProperty("status").GetString().Should().Be("Unhealthy");
        var data = health.RootElement.GetProperty("checks").GetProperty("runtime-token").GetProperty("data");
        data.GetProperty("verdict").GetString().Should().Be("fail");
        data.GetProperty("missingScopes").EnumerateArray().Select(s => s.GetString()).Should().Equal("admin:repo_hook");
        text.Should().NotContain(token.Value);
    }

    [Fact]
    public async Task RateLimitedRuntimeToken_IsDegraded()
    {
        var token = FakeGitHubToken.Classic("repo", "admin:repo_hook");
        token.RateLimit = new FakeGitHubRateLimit { Remaining = 0, ResetAt = DateTimeOffset.UtcNow.AddMinutes(10) };
        _factory.WithRuntimeToken(_factory.GitHub.AddToken(token));

        var (status, text) = await GetHealthAsync();

        status.Should().Be(HttpStatusCode.OK, "ASP.NET Core answers 200 for Degraded by default");
        using var health = JsonDocument.Parse(text);
        health.RootElement.GetProperty("status").GetString().Should().Be("Degraded");
        text.Should().NotContain(token.Value);
    }

    [Fact]
    public async Task NoRuntimeTokenConfigured_IsUnhealthyAndSaysWhy()
    {
        var (status, text) = await GetHealthAsync();

        status.Should().Be(HttpStatusCode.ServiceUnavailable);
        text.Should().Contain("RuntimeToken:Token is not configured");
    }

    public void Dispose() => _factory.Dispose();

    private async Task<(HttpStatusCode Status, string Text)> GetHealthAsync()
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
