// Licensed under the MIT License. See LICENSE in the repository root.

using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.Cli.Validation;

/// <summary>
/// The library wired as a host would wire it: <c>AddGitTokenScopes()</c> with every provider's inspector, so each
/// command validates through the real validator, catalogue and inspectors.
/// </summary>
internal sealed class ValidatorHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ValidatorHost(ServiceProvider services)
    {
        _services = services;
        Validator = services.GetRequiredService<ITokenValidator>();
    }

    /// <summary>Gets the validator.</summary>
    public ITokenValidator Validator { get; }

    /// <summary>Gets the services, for the tests.</summary>
    internal IServiceProvider Services => _services;

    /// <summary>Builds the services.</summary>
    /// <param name="edition">The catalogue edition; <see langword="null"/> for the default.</param>
    /// <param name="seedValues">A values.yaml-shaped configuration whose skip flags apply, or <see langword="null"/>.</param>
    /// <param name="configure">Further options (the demo turns retries off).</param>
    public static ValidatorHost Create(string? edition = null, IConfiguration? seedValues = null, Action<GitTokenScopesOptions>? configure = null)
        // Not validated on build: that resolves every registration, open generics included, which costs the native
        // executable about a fifth of its start-up; the tests validate the same collection (ValidatorHostTests).
        => new(CreateServices(edition, seedValues, configure).BuildServiceProvider());

    /// <summary>The services <see cref="Create"/> builds.</summary>
    /// <param name="edition">The catalogue edition; <see langword="null"/> for the default.</param>
    /// <param name="seedValues">A values.yaml-shaped configuration whose skip flags apply, or <see langword="null"/>.</param>
    /// <param name="configure">Further options.</param>
    internal static ServiceCollection CreateServices(string? edition = null, IConfiguration? seedValues = null, Action<GitTokenScopesOptions>? configure = null)
    {
        var services = new ServiceCollection();

        // No logging providers: a command's output is its report, and the library's logs never add to it.
        services.AddLogging();

        // Before AddGitTokenScopes: its AddHybridCache() then keeps this factory instead of the reflection-JSON default.
        services.AddSingleton<IHybridCacheSerializerFactory, NoFallbackSerializerFactory>();
        var builder = services.AddGitTokenScopes(options =>
            {
                if (edition is not null)
                {
                    options.Edition = edition;
                }

                configure?.Invoke(options);
            })
            .AddGitHub()
            .AddGitLab()
            .AddBitbucketCloud()
            .AddBitbucketServer();
        if (seedValues is not null)
        {
            builder.UseSeedSkipFlags(seedValues);
        }

        return services;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
