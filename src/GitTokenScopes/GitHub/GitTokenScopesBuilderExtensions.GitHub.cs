// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Providers.Internal;
using GitTokenScopes.GitHub;
using GitTokenScopes.GitHub.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes;

/// <summary>Adds provider inspectors and features to <see cref="IGitTokenScopesBuilder"/>.</summary>
public static partial class GitTokenScopesBuilderExtensions
{
    /// <summary>
    /// Adds the GitHub inspector (github.com, GitHub Enterprise Cloud including <c>*.ghe.com</c>, and GitHub Enterprise
    /// Server) and its named HTTP client <see cref="GitTokenScopesHttpClientNames.GitHub"/>. Calling it again adds nothing twice.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The value of <paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static IGitTokenScopesBuilder AddGitHub(this IGitTokenScopesBuilder builder)
        => ProviderRegistration.Add<GitHubInspectorOptions, GitHubTokenInspector>(builder, GitTokenScopesHttpClientNames.GitHub);

    /// <summary>Adds the GitHub inspector and configures its options.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <inheritdoc cref="AddGitHub(IGitTokenScopesBuilder)"/>
    public static IGitTokenScopesBuilder AddGitHub(this IGitTokenScopesBuilder builder, Action<GitHubInspectorOptions> configure)
        => ProviderRegistration.Configure(builder, configure, static b => b.AddGitHub());

    /// <summary>Adds the GitHub inspector and binds its options from a configuration section (unknown keys are errors).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section holding <see cref="GitHubInspectorOptions"/>, for example <c>GitTokenScopes:GitHub</c> (the core section given to <c>AddGitTokenScopes</c> leaves its provider sub-sections to these methods).</param>
    /// <inheritdoc cref="AddGitHub(IGitTokenScopesBuilder)"/>
    /// <exception cref="ArgumentException">Thrown when the section is empty or does not exist.</exception>
    public static IGitTokenScopesBuilder AddGitHub(this IGitTokenScopesBuilder builder, IConfiguration configuration)
        => ProviderRegistration.Bind(builder, configuration, static b => b.AddGitHub(), static (services, section)
            => services.AddOptions<GitHubInspectorOptions>().Bind(section, o => o.ErrorOnUnknownConfiguration = true));
}
