// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics.Metrics;
using GitTokenScopes.BitbucketCloud.Internal;
using GitTokenScopes.BitbucketServer.Internal;
using GitTokenScopes.Catalogue.Internal;
using GitTokenScopes.DependencyInjection.Internal;
using GitTokenScopes.Diagnostics.Internal;
using GitTokenScopes.GitHub.Internal;
using GitTokenScopes.GitLab.Internal;
using GitTokenScopes.Validation.Internal;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitTokenScopes;

/// <summary>Registers GitTokenScopes in a service collection.</summary>
public static class GitTokenScopesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the library core: the requirements catalogue (<see cref="IScopeRequirements"/>), its options, their
    /// validation at startup, and <see cref="TimeProvider.System"/> unless one is registered. Calling it again adds nothing twice.
    /// </summary>
    /// <returns>A builder on which providers and features chain.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="services"/> is <see langword="null"/>.</exception>
    public static IGitTokenScopesBuilder AddGitTokenScopes(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _ = GetOrAddCore(services);
        return new GitTokenScopesBuilder(services);
    }

    /// <summary>Registers the library core and configures its options in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options (edition, overrides).</param>
    /// <returns>A builder on which providers and features chain.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static IGitTokenScopesBuilder AddGitTokenScopes(this IServiceCollection services, Action<GitTokenScopesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        _ = GetOrAddCore(services);
        services.Configure(configure);
        return new GitTokenScopesBuilder(services);
    }

    /// <summary>
    /// Registers the library core and binds its options from a configuration section, for example
    /// <c>configuration.GetSection("GitTokenScopes")</c>. A missing or empty section leaves the defaults, as
    /// <c>Configure&lt;T&gt;(section)</c> does; unknown keys fail at startup, and validation errors name the section's own
    /// keys. Binding the same section again adds nothing.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding <see cref="GitTokenScopesOptions"/>.</param>
    /// <returns>A builder on which providers and features chain.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static IGitTokenScopesBuilder AddGitTokenScopes(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration is IConfigurationSection section ? section.Path : string.Empty;

        var marker = GetOrAddCore(services);
        if (marker.BoundSections.Add(path))
        {
            // Providers' sub-sections (GitTokenScopes:GitHub, …) belong to AddGitHub(section) and friends.
            services.AddOptions<GitTokenScopesOptions>().Bind(new ProviderSectionsHidden(configuration), o => o.ErrorOnUnknownConfiguration = true);
            if (path.Length > 0)
            {
                marker.Path = path;
            }
        }

        return new GitTokenScopesBuilder(services);
    }

    private static GitTokenScopesMarker GetOrAddCore(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(GitTokenScopesMarker))?.ImplementationInstance is GitTokenScopesMarker existing)
        {
            return existing;
        }

        var marker = new GitTokenScopesMarker();
        services.AddSingleton(marker);
        services.AddOptions<GitTokenScopesOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GitTokenScopesOptions>, GitTokenScopesOptionsValidator>());
        services.TryAddSingleton<IScopeRequirements, ConfiguredScopeRequirements>();
        services.TryAddSingleton(TimeProvider.System);

        // HybridCache: in-process by default; a distributed L2 when the host registers an IDistributedCache. A host's
        // own AddHybridCache(...) registration is kept.
        services.AddHybridCache();
        services.TryAddSingleton<IHybridCacheSerializer<CachedInspection>, CachedInspectionSerializer>();
        services.TryAddSingleton(sp => new ValidationTelemetry(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton(sp => new TokenGenerations(sp.GetService<IDistributedCache>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TokenGenerations>>()));
        services.TryAddSingleton<ITokenValidator, TokenValidator>();

        // Every provider's guide, whichever inspectors the host adds: a host with only a fake still gets links and steps.
        services.TryAddEnumerable(
        [
            ServiceDescriptor.Singleton<IProviderGuide, GitHubGuide>(),
            ServiceDescriptor.Singleton<IProviderGuide, GitLabGuide>(),
            ServiceDescriptor.Singleton<IProviderGuide, BitbucketCloudGuide>(),
            ServiceDescriptor.Singleton<IProviderGuide, BitbucketServerGuide>(),
        ]);
        return marker;
    }
}
