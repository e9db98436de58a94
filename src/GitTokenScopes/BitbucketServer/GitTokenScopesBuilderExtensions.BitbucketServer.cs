// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.BitbucketServer;
using GitTokenScopes.BitbucketServer.Internal;
using GitTokenScopes.Providers.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes;

public static partial class GitTokenScopesBuilderExtensions
{
    /// <summary>
    /// Adds the Bitbucket Server and Data Center inspector (personal, project and repository HTTP access tokens)
    /// and its named HTTP client <see cref="GitTokenScopesHttpClientNames.BitbucketServer"/>.
    /// Calling it again adds nothing twice.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The value of <paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static IGitTokenScopesBuilder AddBitbucketServer(this IGitTokenScopesBuilder builder)
        => ProviderRegistration.Add<BitbucketServerInspectorOptions, BitbucketServerTokenInspector>(builder, GitTokenScopesHttpClientNames.BitbucketServer);

    /// <summary>Adds the Bitbucket Server and Data Center inspector and configures its options.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <inheritdoc cref="AddBitbucketServer(IGitTokenScopesBuilder)"/>
    public static IGitTokenScopesBuilder AddBitbucketServer(this IGitTokenScopesBuilder builder, Action<BitbucketServerInspectorOptions> configure)
        => ProviderRegistration.Configure(builder, configure, static b => b.AddBitbucketServer());

    /// <summary>Adds the Bitbucket Server and Data Center inspector and binds its options from a configuration section (unknown keys are errors).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section holding <see cref="BitbucketServerInspectorOptions"/>, for example <c>GitTokenScopes:BitbucketServer</c> (the core section given to <c>AddGitTokenScopes</c> leaves its provider sub-sections to these methods).</param>
    /// <inheritdoc cref="AddBitbucketServer(IGitTokenScopesBuilder)"/>
    /// <exception cref="ArgumentException">Thrown when the section is empty or does not exist.</exception>
    public static IGitTokenScopesBuilder AddBitbucketServer(this IGitTokenScopesBuilder builder, IConfiguration configuration)
        => ProviderRegistration.Bind(builder, configuration, static b => b.AddBitbucketServer(), static (services, section)
            => services.AddOptions<BitbucketServerInspectorOptions>().Bind(section, o => o.ErrorOnUnknownConfiguration = true));
}
