// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics.CodeAnalysis;
using GitTokenScopes.DependencyInjection.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GitTokenScopes.Providers.Internal;

/// <summary>The three overloads every <c>AddProvider(…)</c> has: register, configure in code, bind from a section.</summary>
internal static class ProviderRegistration
{
    /// <summary>
    /// Registers, once however often it is called: the core, the inspector's options (validated at startup), the
    /// inspector and its named HTTP client.
    /// </summary>
    public static IGitTokenScopesBuilder Add<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TInspector>(IGitTokenScopesBuilder builder, string clientName)
        where TOptions : ProviderInspectorOptions
        where TInspector : class, ITokenInspector
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddGitTokenScopes();
        services.AddOptions<TOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, ProviderInspectorOptionsValidator<TOptions>>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITokenInspector, TInspector>());
        _ = LibraryHttpClients.AddOnce(services, clientName);
        return builder;
    }

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
