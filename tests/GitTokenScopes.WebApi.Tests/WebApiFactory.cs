// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using GitTokenScopes.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.WebApi.Tests;

/// <summary>
/// The sample host in the test server, with its own appsettings.json, and fake GitHub and GitLab servers on 127.0.0.1.
/// The Runtime token reaches it as configuration, as <c>RuntimeToken__Token</c> would from the environment. The fakes are
/// on the endpoint's allow-list unless the constructor is told otherwise (then the public default applies). The runtimes
/// of appsettings.json (production and staging on GitHub, edge on GitLab) point at the fakes, by their index there.
/// </summary>
public sealed class WebApiFactory : WebApplicationFactory<Program>
{
    public const string ConfigRepository = "acme/gitops-config";

    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private readonly bool _allowFakes;

    public WebApiFactory(bool allowFakes = true)
    {
        _allowFakes = allowFakes;
        GitHub.AddRepository(new FakeGitHubRepository { FullName = ConfigRepository, Private = true });
        GitLab.AddProject(new FakeGitLabProject { PathWithNamespace = ConfigRepository });
    }

    /// <summary>The runtimes appsettings.json declares, in its order.</summary>
    public static IReadOnlyList<string> Runtimes { get; } = ["production", "staging", "edge"];

    public FakeGitHubServer GitHub { get; } = FakeGitHubServer.Start();

    public FakeGitLabServer GitLab { get; } = FakeGitLabServer.Start();

    /// <summary>Replaces services after the sample registered its own (for example a validator that throws).</summary>
    public Action<IServiceCollection>? TestServices { get; set; }

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

    /// <summary>
    /// Starts the host on Kestrel at 127.0.0.1 on a free port, for a real browser, and returns its address;
    /// <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/> then talks to that port too.
    /// </summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    /// <summary>A classic User token with <paramref name="scopes"/> and write access to the Shared Configuration Repository.</summary>
    public FakeGitHubToken UserToken(params string[] scopes)
    {
        var token = FakeGitHubToken.Classic(scopes).WithRepository(ConfigRepository, new FakeGitHubGrant { Role = "write" });
        token.ExpiresAt = DateTimeOffset.UtcNow.AddDays(90);
        return GitHub.AddToken(token);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Runtimes:0:ApiUrl", GitHub.ApiUrl.AbsoluteUri);
        builder.UseSetting("Runtimes:1:ApiUrl", GitHub.ApiUrl.AbsoluteUri);
        builder.UseSetting("Runtimes:2:ApiUrl", GitLab.ApiUrl.AbsoluteUri);
        if (_allowFakes)
        {
            builder.UseSetting("TokenEndpoint:AllowedServers:0", GitHub.Url.AbsoluteUri);
            builder.UseSetting("TokenEndpoint:AllowedServers:1", GitLab.Url.AbsoluteUri);
        }

        builder.ConfigureTestServices(services => TestServices?.Invoke(services));
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
