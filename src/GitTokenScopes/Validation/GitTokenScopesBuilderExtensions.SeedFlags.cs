// Licensed under the MIT License. See LICENSE in the repository root.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes;

/// <summary>Reads the seed's skip flags from a values.yaml-shaped configuration.</summary>
public static partial class GitTokenScopesBuilderExtensions
{
    /// <summary>The key of the seed's <c>installer.skipValidation</c> flag.</summary>
    public const string InstallerSkipValidationKey = "installer:skipValidation";

    /// <summary>The key of the seed's <c>app-proxy.config.skipGitPermissionValidation</c> flag.</summary>
    public const string AppProxySkipGitPermissionValidationKey = "app-proxy:config:skipGitPermissionValidation";

    /// <summary>
    /// Applies the seed's flags as Codefresh's values.yaml writes them: <c>installer.skipValidation</c> skips validation
    /// of Runtime tokens, and <c>app-proxy.config.skipGitPermissionValidation</c> skips the scope checks of User tokens
    /// (validity and repository access are still checked). Both accept <c>true</c>/<c>false</c> and the strings
    /// <c>"true"</c>/<c>"false"</c> in any case; absent flags change nothing; any other value fails at startup.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="values">The configuration root that holds <c>installer</c> and <c>app-proxy</c> (for example a values file).</param>
    /// <returns>The value of <paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static IGitTokenScopesBuilder UseSeedSkipFlags(this IGitTokenScopesBuilder builder, IConfiguration values)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(values);
        builder.Services.Configure<GitTokenScopesOptions>(options =>
        {
            if (Flag(values, InstallerSkipValidationKey, "installer.skipValidation") is { } skip)
            {
                options.Validation.Runtime.SkipValidation = skip;
            }

            if (Flag(values, AppProxySkipGitPermissionValidationKey, "app-proxy.config.skipGitPermissionValidation") is { } skipPermissions)
            {
                options.Validation.User.SkipGitPermissionValidation = skipPermissions;
            }
        });
        return builder;
    }

    private static bool? Flag(IConfiguration values, string key, string name)
        => values[key] switch
        {
            null => null,
            var value when bool.TryParse(value.Trim(), out var flag) => flag,
            var value => throw new InvalidOperationException($"{name} must be true or false (a boolean or the string \"true\"); found '{value}'."),
        };
}
