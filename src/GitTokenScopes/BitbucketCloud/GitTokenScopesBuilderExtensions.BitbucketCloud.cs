// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.BitbucketCloud;
using GitTokenScopes.BitbucketCloud.Internal;
using GitTokenScopes.Providers.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes;

public static partial class GitTokenScopesBuilderExtensions
{
    /// <summary>
    /// Adds the Bitbucket Cloud inspector (app passwords, Atlassian API tokens, repository, project and workspace access
    /// tokens, OAuth tokens) and its named HTTP client <see cref="GitTokenScopesHttpClientNames.BitbucketCloud"/>.
    /// Calling it again adds nothing twice.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The value of <paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static IGitTokenScopesBuilder AddBitbucketCloud(this IGitTokenScopesBuilder builder)
        => ProviderRegistration.Add<BitbucketCloudInspectorOptions, BitbucketCloudTokenInspector>(builder, GitTokenScopesHttpClientNames.BitbucketCloud);

    /// <summary>Adds the Bitbucket Cloud inspector and configures its options.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <inheritdoc cref="AddBitbucketCloud(IGitTokenScopesBuilder)"/>
    public static IGitTokenScopesBuilder AddBitbucketCloud(this IGitTokenScopesBuilder builder, Action<BitbucketCloudInspectorOptions> configure)
        => ProviderRegistration.Configure(builder, configure, static b => b.AddBitbucketCloud());

    /// <summary>Adds the Bitbucket Cloud inspector and binds its options from a configuration section (unknown keys are errors).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section holding <see cref="BitbucketCloudInspectorOptions"/>, for example <c>GitTokenScopes:BitbucketCloud</c> (the core section given to <c>AddGitTokenScopes</c> leaves its provider sub-sections to these methods).</param>
    /// <inheritdoc cref="AddBitbucketCloud(IGitTokenScopesBuilder)"/>
    /// <exception cref="ArgumentException">Thrown when the section is empty or does not exist.</exception>
    public static IGitTokenScopesBuilder AddBitbucketCloud(this IGitTokenScopesBuilder builder, IConfiguration configuration)
        => ProviderRegistration.Bind(builder, configuration, static b => b.AddBitbucketCloud(), static (services, section)
            => services.AddOptions<BitbucketCloudInspectorOptions>().Bind(section, o => o.ErrorOnUnknownConfiguration = true));
}
