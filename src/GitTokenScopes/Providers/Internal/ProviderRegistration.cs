// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.DependencyInjection.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.Providers.Internal;

/// <summary>The overloads every <c>AddProvider(…)</c> has: configure the options in code, or bind them from a section.</summary>
internal static class ProviderRegistration
{
    public static IGitTokenScopesBuilder Configure<TOptions>(IGitTokenScopesBuilder builder, Action<TOptions> configure, Func<IGitTokenScopesBuilder, IGitTokenScopesBuilder> add)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        add(builder).Services.Configure(configure);
        return builder;
    }

    /// <summary>Binds through <paramref name="bind"/>, so that the configuration binding generator sees the options type at its call site.</summary>
    public static IGitTokenScopesBuilder Bind(IGitTokenScopesBuilder builder, IConfiguration configuration, Func<IGitTokenScopesBuilder, IGitTokenScopesBuilder> add, Action<IServiceCollection, IConfiguration> bind)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        _ = ConfigurationSections.RequireNotEmpty(configuration, nameof(configuration));
        bind(add(builder).Services, configuration);
        return builder;
    }
}
