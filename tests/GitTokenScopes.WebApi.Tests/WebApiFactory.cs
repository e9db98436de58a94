// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GitTokenScopes.WebApi.Tests;

/// <summary>
/// The sample host in the test server, with its own appsettings.json, and fake GitHub and GitLab servers on 127.0.0.1.
/// The Runtime token reaches it as configuration, as <c>RuntimeToken__Token</c> would from the environment.
/// </summary>
public sealed class WebApiFactory : WebApplicationFactory<Program>
{
    public const string ConfigRepository = "acme/gitops-config";

    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);

    public WebApiFactory()
    {
        GitHub.AddRepository(new FakeGitHubRepository { FullName = ConfigRepository, Private = true });
        GitLab.AddProject(new FakeGitLabProject { PathWithNamespace = ConfigRepository });
    }

    public FakeGitHubServer GitHub { get; } = FakeGitHubServer.Start();

    public FakeGitLabServer GitLab { get; } = FakeGitLabServer.Start();

    /// <summary>Sets a configuration value before the host starts (UseSetting reaches the minimal-hosting builder).</summary>
    public WebApiFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Points the health check at the fake GitHub with <paramref name="token"/>.</summary>
    public WebApiFactory WithRuntimeToken(FakeGitHubToken token)
        => With("RuntimeToken:Token", token.Value).With("RuntimeToken:ApiUrl", GitHub.ApiUrl.AbsoluteUri);

    /// <summary>A classic token that passes as a Runtime token: the scopes, admin on the repository, an expiry date.</summary>
    public FakeGitHubToken GoodRuntimeToken()
    {
        var token = FakeGitHubToken.Classic("repo", "admin:repo_hook").WithRepository(ConfigRepository, new FakeGitHubGrant { Role = "admin" });
        token.ExpiresAt = DateTimeOffset.UtcNow.AddDays(90);
        return GitHub.AddToken(token);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            GitHub.Dispose();
            GitLab.Dispose();
        }
    }
}
