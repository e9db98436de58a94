// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GitTokenScopes.DependencyInjection.Internal;

/// <summary>What every <c>AddProvider()</c> registers, once however often it is called: the core, the inspector's options
/// (validated at startup), the inspector and its named HTTP client.</summary>
internal static class InspectorRegistration
{
    public static IGitTokenScopesBuilder Add<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TOptionsValidator,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TInspector>(IGitTokenScopesBuilder builder, string clientName)
        where TOptions : class
        where TOptionsValidator : class, IValidateOptions<TOptions>
        where TInspector : class, ITokenInspector
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddGitTokenScopes();
        services.AddOptions<TOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITokenInspector, TInspector>());
        _ = LibraryHttpClients.AddOnce(services, clientName);
        return builder;
    }
}
