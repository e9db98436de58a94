// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;
using GitTokenScopes.Tests.Schemas;
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

    internal GitLabInspectorFixture(FakeGitLabServerOptions options, Action<GitTokenScopes.GitLab.GitLabInspectorOptions>? configure = null, Action<IServiceCollection>? configureServices = null)
    {
        Server = FakeGitLabServer.Start(options);
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        services.AddGitTokenScopes().AddGitLab(configure ?? (_ => { }));
        configureServices?.Invoke(services);
        _services = services.BuildServiceProvider();
        Inspector = _services.GetServices<ITokenInspector>().Single(i => i.Provider == GitProvider.GitLab);
        Requirements = _services.GetRequiredService<IScopeRequirements>();
        Logs = _services.GetFakeLogCollector();
    }

    public FakeGitLabServer Server { get; }

    public ITokenInspector Inspector { get; }

    public IScopeRequirements Requirements { get; }

    public FakeLogCollector Logs { get; }

    /// <summary>The validator over the same inspector, every report checked against the shipped schema.</summary>
    public ITokenValidator Validator => _services.GetSchemaCheckedValidator();

    /// <summary>
    /// A fixture whose GitLab client answers the requests keyed in <paramref name="answers"/> itself (see
    /// <see cref="AnswerOverride"/>, keyed by <see cref="GitLabAnswers.KeyOf"/>; a <see langword="null"/> answer is a lost connection), without retries, so
    /// each answer reaches the inspector once; every other request goes to the fake.
    /// </summary>
    internal static GitLabInspectorFixture WithAnswers(FakeGitLabServerOptions options, params (string Key, Func<HttpResponseMessage>? Answer)[] answers)
        => new(options, configureServices: services => AnswerOverride.Register(services, GitTokenScopesHttpClientNames.GitLab, answers, GitLabAnswers.KeyOf));

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
