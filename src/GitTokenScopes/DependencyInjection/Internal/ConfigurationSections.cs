// Licensed under the MIT License. See LICENSE in the repository root.

using Microsoft.Extensions.Configuration;

namespace GitTokenScopes.DependencyInjection.Internal;

/// <summary>Guards the configuration overloads: a missing or empty section is almost always a typo in its name.</summary>
internal static class ConfigurationSections
{
    /// <summary>Returns the section's path; throws when the section is empty or does not exist.</summary>
    public static string RequireNotEmpty(IConfiguration configuration, string parameterName)
    {
        var path = configuration is IConfigurationSection section ? section.Path : string.Empty;
        if (!configuration.GetChildren().Any())
        {
            throw new ArgumentException($"Configuration section '{path}' is empty or does not exist.", parameterName);
        }

        return path;
    }
}
