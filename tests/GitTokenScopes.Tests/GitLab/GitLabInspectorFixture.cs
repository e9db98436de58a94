// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace GitTokenScopes.Tests.GitLab;

/// <summary>A fake GitLab, the real inspector wired through DI, the catalogue, and a trace-level recording logger.</summary>
public sealed class GitLabInspectorFixture : IDisposable
{
    private readonly ServiceProvider _services;

    public GitLabInspectorFixture()
        : this(new FakeGitLabServerOptions())
    {
    }

    internal GitLabInspectorFixture(FakeGitLabServerOptions options, Action<GitTokenScopes.GitLab.GitLabInspectorOptions>? configure = null)
    {
        Server = FakeGitLabServer.Start(options);
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        services.AddGitTokenScopes().AddGitLab(configure ?? (_ => { }));
        _services = services.BuildServiceProvider();
        Inspector = _services.GetServices<ITokenInspector>().Single(i => i.Provider == GitProvider.GitLab);
        Requirements = _services.GetRequiredService<IScopeRequirements>();
        Logs = _services.GetFakeLogCollector();
    }

    public FakeGitLabServer Server { get; }

    public ITokenInspector Inspector { get; }

    public IScopeRequirements Requirements { get; }

    public FakeLogCollector Logs { get; }

    /// <summary>The requirement the configured catalogue (the seed edition by default) holds for a GitLab token kind.</summary>
    public ScopeRequirement Requirement(TokenKind kind)
        => Requirements.GetRequirement(new ScopeRequirementKey(GitProvider.GitLab, kind, TokenFamily.PersonalAccessToken));

    public GitCredential Credential(FakeGitLabToken token) => new(GitProvider.GitLab, token.Value, apiUrl: Server.ApiUrl);

    public Task<TokenInspection> InspectAsync(FakeGitLabToken token, IEnumerable<RepositoryRequest>? repositories = null, GitCredential? credential = null, CancellationToken cancellationToken = default)
    {
        Server.AddToken(token);
        Server.ResetRequests();
        return Inspector.InspectAsync(new TokenInspectionRequest(credential ?? Credential(token), repositories), cancellationToken);
    }

    public void Dispose()
    {
        _services.Dispose();
        Server.Dispose();
    }
}
