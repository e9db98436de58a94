// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace GitTokenScopes.Tests.GitHub;

/// <summary>A fake GitHub, the real inspector wired through DI, and a trace-level recording logger.</summary>
public sealed class GitHubInspectorFixture : IDisposable
{
    private readonly ServiceProvider _services;

    public GitHubInspectorFixture()
        : this(new FakeGitHubServerOptions())
    {
    }

    internal GitHubInspectorFixture(FakeGitHubServerOptions options, Action<GitTokenScopes.GitHub.GitHubInspectorOptions>? configure = null, Action<IServiceCollection>? configureServices = null)
    {
        Server = FakeGitHubServer.Start(options);
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        services.AddGitTokenScopes().AddGitHub(configure ?? (_ => { }));
        configureServices?.Invoke(services);
        _services = services.BuildServiceProvider();
        Inspector = _services.GetServices<ITokenInspector>().Single(i => i.Provider == GitProvider.GitHub);
        Logs = _services.GetFakeLogCollector();
    }

    public FakeGitHubServer Server { get; }

    public ITokenInspector Inspector { get; }

    public FakeLogCollector Logs { get; }

    /// <summary>
    /// A fixture whose chosen requests (<see cref="AnswerOverride.Key"/>) are answered by <paramref name="answers"/>
    /// instead of the fake; a <see langword="null"/> answer fails the request as a lost connection. No retries.
    /// </summary>
    internal static GitHubInspectorFixture WithOverrides(params (string Key, Func<HttpResponseMessage>? Answer)[] answers)
        => new(new FakeGitHubServerOptions(), configureServices: services => AnswerOverride.Register(services, GitTokenScopesHttpClientNames.GitHub, answers));

    public static ScopeRequirement Requirement(TokenKind kind, TokenFamily family, ScopeEdition? edition = null)
        => (edition ?? ScopeEditions.Seed)[new ScopeRequirementKey(GitProvider.GitHub, kind, family)];

    public GitCredential Credential(FakeGitHubToken token, bool enterprise = false)
        => enterprise
            ? new GitCredential(GitProvider.GitHub, token.Value, serverUrl: Server.Url)
            : new GitCredential(GitProvider.GitHub, token.Value, apiUrl: Server.ApiUrl);

    public Task<TokenInspection> InspectAsync(FakeGitHubToken token, IEnumerable<RepositoryRequest>? repositories = null, IEnumerable<ScopeRequirement>? requirements = null, bool enterprise = false)
    {
        Server.AddToken(token);
        Server.ResetRequests();
        return Inspector.InspectAsync(new TokenInspectionRequest(Credential(token, enterprise), repositories, requirements));
    }

    public void Dispose()
    {
        _services.Dispose();
        Server.Dispose();
    }
}
