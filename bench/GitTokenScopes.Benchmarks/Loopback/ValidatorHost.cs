// Licensed under the MIT License. See LICENSE in the repository root.

using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.Benchmarks.Loopback;

/// <summary>
/// A service provider with the library as a host would register it (all four providers, no logging providers), with
/// options a measurement may change: the cache, and the resilience pipeline where retries would distort a measurement.
/// </summary>
internal sealed class ValidatorHost : IDisposable, IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public ValidatorHost(Action<GitTokenScopesOptions>? configure = null, Action<IServiceCollection>? configureServices = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGitTokenScopes(options => configure?.Invoke(options))
            .AddGitHub()
            .AddGitLab()
            .AddBitbucketCloud()
            .AddBitbucketServer();
        configureServices?.Invoke(services);
        _services = services.BuildServiceProvider();
        Validator = _services.GetRequiredService<ITokenValidator>();
    }

    public ITokenValidator Validator { get; }

    public IServiceProvider Services => _services;

    public ITokenInspector Inspector(GitProvider provider)
        => _services.GetServices<ITokenInspector>().Last(i => i.Provider == provider);

    public void Dispose() => _services.Dispose();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
