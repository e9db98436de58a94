// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.BitbucketServer;
using GitTokenScopes.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace GitTokenScopes.Tests.BitbucketServer;

/// <summary>A fake Bitbucket Server under <c>/bitbucket</c>, the real inspector wired through DI, and a trace-level recording logger.</summary>
public sealed class BitbucketServerInspectorFixture : IDisposable
{
    private readonly ServiceProvider _services;

    public BitbucketServerInspectorFixture()
        : this(new FakeBitbucketServerOptions { ContextPath = "/bitbucket" })
    {
    }

    internal BitbucketServerInspectorFixture(FakeBitbucketServerOptions options, Action<BitbucketServerInspectorOptions>? configure = null, Action<IServiceCollection>? configureServices = null)
    {
        Server = FakeBitbucketServer.Start(options);
        foreach (var name in new[] { "CF/config", "CF/apps", "OTHER/secret" })
        {
            Server.AddRepository(new FakeBitbucketServerRepository { FullName = name });
        }

        var services = new ServiceCollection();
        services.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        services.AddGitTokenScopes().AddBitbucketServer(configure ?? (_ => { }));
        configureServices?.Invoke(services);
        _services = services.BuildServiceProvider();
        Inspector = _services.GetServices<ITokenInspector>().Single(i => i.Provider == GitProvider.BitbucketServer);
        Logs = _services.GetFakeLogCollector();
    }

    public FakeBitbucketServer Server { get; }

    public ITokenInspector Inspector { get; }

    public FakeLogCollector Logs { get; }

    /// <summary>
    /// A fixture whose chosen requests (<see cref="AnswerOverride.Key"/>) are answered by
    /// <paramref name="answers"/> instead of the fake; a <see langword="null"/> answer fails the request as a lost
    /// connection. No retries. <paramref name="metadataReadable"/> <see langword="false"/> makes the permissions probed.
    /// </summary>
    internal static BitbucketServerInspectorFixture WithOverrides(bool metadataReadable, params (string Key, Func<HttpResponseMessage>? Answer)[] answers)
        => new(
            new FakeBitbucketServerOptions { ContextPath = "/bitbucket", AccessTokenMetadataReadable = metadataReadable },
            configureServices: services => AnswerOverride.Register(services, GitTokenScopesHttpClientNames.BitbucketServer, answers));

    public static ScopeRequirement Requirement(TokenKind kind = TokenKind.Runtime)
        => ScopeEditions.Seed[new ScopeRequirementKey(GitProvider.BitbucketServer, kind, TokenFamily.HttpAccessToken)];

    public static ScopeEvaluation Evaluate(TokenInspection inspection, TokenKind kind = TokenKind.Runtime)
        => ScopeEvaluator.Evaluate(Requirement(kind), inspection.Granted!);

    /// <summary>The credential as a host writes it: the server URL with its context path; the inspector derives the rest.</summary>
    public GitCredential Credential(FakeBitbucketServerToken token)
        => new(GitProvider.BitbucketServer, token.Value, serverUrl: new Uri(Server.Url.ToString().TrimEnd('/')));

    public Task<TokenInspection> InspectAsync(FakeBitbucketServerToken token, IEnumerable<RepositoryRequest>? repositories = null, TokenKind kind = TokenKind.Runtime, CancellationToken cancellationToken = default)
    {
        Server.AddToken(token);
        Server.ResetRequests();
        return Inspector.InspectAsync(new TokenInspectionRequest(Credential(token), repositories, [Requirement(kind)]), cancellationToken);
    }

    public void Dispose()
    {
        _services.Dispose();
        Server.Dispose();
    }
}

/// <summary>The same, with an instance that does not show tokens their own permissions, so they must be inferred.</summary>
public sealed class BitbucketServerProbingFixture : IDisposable
{
    public BitbucketServerProbingFixture() => Bitbucket = new BitbucketServerInspectorFixture(new FakeBitbucketServerOptions { ContextPath = "/bitbucket", AccessTokenMetadataReadable = false });

    public BitbucketServerInspectorFixture Bitbucket { get; }

    public void Dispose() => Bitbucket.Dispose();
}
