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

/// <summary>Checks a provider inspector's options at startup; messages state the rule, then the actual value.</summary>
internal sealed class ProviderInspectorOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : ProviderInspectorOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromMinutes(5))
        {
            builder.AddError($"RequestTimeout must be positive and at most 5 minutes. Actual: {options.RequestTimeout}.", nameof(options.RequestTimeout));
        }

        if (options.MaxResponseBodySize is < 1024 or > 64 * 1024 * 1024)
        {
            builder.AddError($"MaxResponseBodySize must be between 1 KiB and 64 MiB. Actual: {options.MaxResponseBodySize}.", nameof(options.MaxResponseBodySize));
        }

        var limit = options.MaxConcurrentRequestsLimit;
        if (options.MaxConcurrentRequests < 1 || options.MaxConcurrentRequests > limit)
        {
            builder.AddError($"MaxConcurrentRequests must be between 1 and {limit}. Actual: {options.MaxConcurrentRequests}.", nameof(options.MaxConcurrentRequests));
        }

        if (string.IsNullOrWhiteSpace(options.UserAgentProduct) || options.UserAgentProduct.Any(c => char.IsWhiteSpace(c) || c is '/' or '(' or ')'))
        {
            builder.AddError($"UserAgentProduct must be a product token (no spaces, slashes or parentheses). Actual: '{options.UserAgentProduct}'.", nameof(options.UserAgentProduct));
        }

        return builder.Build();
    }
}
