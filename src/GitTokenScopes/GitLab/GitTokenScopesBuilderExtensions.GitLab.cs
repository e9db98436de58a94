// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Providers.Internal;
using GitTokenScopes.GitLab;
using GitTokenScopes.GitLab.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes;

public static partial class GitTokenScopesBuilderExtensions
{
    /// <summary>
    /// Adds the GitLab inspector (GitLab.com, GitLab Dedicated and self-managed GitLab, with or without a relative URL
    /// root) and its named HTTP client <see cref="GitTokenScopesHttpClientNames.GitLab"/>. Calling it again adds nothing twice.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The value of <paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static IGitTokenScopesBuilder AddGitLab(this IGitTokenScopesBuilder builder)
        => ProviderRegistration.Add<GitLabInspectorOptions, GitLabTokenInspector>(builder, GitTokenScopesHttpClientNames.GitLab);

    /// <summary>Adds the GitLab inspector and configures its options.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <inheritdoc cref="AddGitLab(IGitTokenScopesBuilder)"/>
    public static IGitTokenScopesBuilder AddGitLab(this IGitTokenScopesBuilder builder, Action<GitLabInspectorOptions> configure)
        => ProviderRegistration.Configure(builder, configure, static b => b.AddGitLab());

    /// <summary>Adds the GitLab inspector and binds its options from a configuration section (unknown keys are errors).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section holding <see cref="GitLabInspectorOptions"/>, for example <c>GitTokenScopes:GitLab</c> (the core section given to <c>AddGitTokenScopes</c> leaves its provider sub-sections to these methods).</param>
    /// <inheritdoc cref="AddGitLab(IGitTokenScopesBuilder)"/>
    /// <exception cref="ArgumentException">Thrown when the section is empty or does not exist.</exception>
    public static IGitTokenScopesBuilder AddGitLab(this IGitTokenScopesBuilder builder, IConfiguration configuration)
        => ProviderRegistration.Bind(builder, configuration, static b => b.AddGitLab(), static (services, section)
            => services.AddOptions<GitLabInspectorOptions>().Bind(section, o => o.ErrorOnUnknownConfiguration = true));
}
