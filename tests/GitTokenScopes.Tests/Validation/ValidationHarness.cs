// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;
using GitTokenScopes.Tests.Schemas;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace GitTokenScopes.Tests.Validation;

/// <summary>
/// The whole library wired through DI against a fake GitHub (and any scripted inspectors), with trace-level recording
/// logs and a metric collector. One per test: caches and counters start empty.
/// </summary>
internal sealed class ValidationHarness : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly bool _ownsServer;

    public ValidationHarness(
        Action<GitTokenScopesOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        FakeGitHubServer? server = null,
        FakeGitHubServerOptions? serverOptions = null)
    {
        _ownsServer = server is null;
        Server = server ?? FakeGitHubServer.Start(serverOptions ?? new FakeGitHubServerOptions());
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        collection.AddMetrics();
        collection.AddGitTokenScopes(o =>
        {
            // Retries would only slow the failure tests down; the pipeline has tests of its own.
            o.Resilience.MaxRetryAttempts = 0;
            configure?.Invoke(o);
        }).AddGitHub();
        services?.Invoke(collection);
        _services = collection.BuildServiceProvider();
        Validator = _services.GetSchemaCheckedValidator();
        Logs = _services.GetFakeLogCollector();
        var meters = _services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        Validations = new MetricCollector<long>(meters, GitTokenScopesDiagnostics.MeterName, GitTokenScopesDiagnostics.ValidationsCounter);
        CacheLookups = new MetricCollector<long>(meters, GitTokenScopesDiagnostics.MeterName, GitTokenScopesDiagnostics.CacheLookupsCounter);
        ProviderRequests = new MetricCollector<long>(meters, GitTokenScopesDiagnostics.MeterName, GitTokenScopesDiagnostics.ProviderRequestsCounter);
    }

    public FakeGitHubServer Server { get; }

    public ITokenValidator Validator { get; }

    public FakeLogCollector Logs { get; }

    public MetricCollector<long> Validations { get; }

    public MetricCollector<long> CacheLookups { get; }

    public MetricCollector<long> ProviderRequests { get; }

    public IServiceProvider Services => _services;

    public GitCredential Credential(FakeGitHubToken token, bool enterprise = false)
    {
        Server.AddToken(token);
        return enterprise
            ? new GitCredential(GitProvider.GitHub, token.Value, serverUrl: Server.Url)
            : new GitCredential(GitProvider.GitHub, token.Value, apiUrl: Server.ApiUrl);
    }

    public Task<TokenValidationReport> ValidateAsync(
        FakeGitHubToken token,
        TokenKind kind = TokenKind.Runtime,
        string? runtime = null,
        IEnumerable<RepositoryRequest>? repositories = null,
        bool? skipValidation = null,
        bool? skipPermissions = null)
        => Validator.ValidateAsync(new TokenValidationRequest(Credential(token), kind, runtime, repositories)
        {
            SkipValidation = skipValidation,
            SkipGitPermissionValidation = skipPermissions,
        });

    public void Dispose()
    {
        Validations.Dispose();
        CacheLookups.Dispose();
        ProviderRequests.Dispose();
        _services.Dispose();
        if (_ownsServer)
        {
            Server.Dispose();
        }
    }
}
