// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.BitbucketCloud;
using GitTokenScopes.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace GitTokenScopes.Tests.BitbucketCloud;

/// <summary>A fake Bitbucket Cloud, the real inspector wired through DI, and a trace-level recording logger.</summary>
public sealed class BitbucketCloudInspectorFixture : IDisposable
{
    private readonly ServiceProvider _services;

    public BitbucketCloudInspectorFixture()
        : this(new FakeBitbucketCloudServerOptions())
    {
    }

    internal BitbucketCloudInspectorFixture(FakeBitbucketCloudServerOptions options, Action<BitbucketCloudInspectorOptions>? configure = null, Action<IServiceCollection>? configureServices = null)
    {
        Server = FakeBitbucketCloudServer.Start(options);
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        services.AddGitTokenScopes().AddBitbucketCloud(configure ?? (_ => { }));
        configureServices?.Invoke(services);
        _services = services.BuildServiceProvider();
        Inspector = _services.GetServices<ITokenInspector>().Single(i => i.Provider == GitProvider.BitbucketCloud);
        Logs = _services.GetFakeLogCollector();
    }

    public FakeBitbucketCloudServer Server { get; }

    public ITokenInspector Inspector { get; }

    public FakeLogCollector Logs { get; }

    /// <summary>A fixture whose chosen requests (<see cref="AnswerOverride.Key"/>) are answered by <paramref name="answers"/> instead of the fake. No retries.</summary>
    internal static BitbucketCloudInspectorFixture WithOverrides(params (string Key, Func<HttpResponseMessage>? Answer)[] answers)
        => new(new FakeBitbucketCloudServerOptions(), configureServices: services => AnswerOverride.Register(services, GitTokenScopesHttpClientNames.BitbucketCloud, answers));

    public static ScopeRequirement Requirement(TokenKind kind, TokenFamily family, ScopeEdition? edition = null)
        => (edition ?? ScopeEditions.Seed)[new ScopeRequirementKey(GitProvider.BitbucketCloud, kind, family)];

    /// <summary>Evaluates an inspection against the seed requirement of its own family.</summary>
    public static ScopeEvaluation Evaluate(TokenInspection inspection, TokenKind kind = TokenKind.Runtime)
        => ScopeEvaluator.Evaluate(Requirement(kind, inspection.Family!.Value), inspection.Granted!);

    public GitCredential Credential(FakeBitbucketCloudCredential credential)
        => new(GitProvider.BitbucketCloud, credential.Secret, apiUrl: Server.ApiUrl, username: credential.Username);

    public Task<TokenInspection> InspectAsync(FakeBitbucketCloudCredential credential, IEnumerable<RepositoryRequest>? repositories = null, CancellationToken cancellationToken = default)
    {
        Server.AddCredential(credential);
        Server.ResetRequests();
        return Inspector.InspectAsync(new TokenInspectionRequest(Credential(credential), repositories), cancellationToken);
    }

    public void Dispose()
    {
        _services.Dispose();
        Server.Dispose();
    }
}
