// Licensed under the MIT License. See LICENSE in the repository root.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

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

/// <summary>
/// The core section without the providers' own sub-sections (<c>GitHub</c>, …), so that the core binding can reject every
/// other unknown key while hosts keep one <c>GitTokenScopes</c> section with the providers' options inside it.
/// </summary>
internal sealed class ProviderSectionsHidden(IConfiguration inner) : IConfiguration
{
    private static readonly string[] ProviderSections = ["GitHub", "GitLab", "BitbucketCloud", "BitbucketServer"];

    public string? this[string key]
    {
        get => inner[key];
        set => inner[key] = value;
    }

    public IEnumerable<IConfigurationSection> GetChildren()
        => inner.GetChildren().Where(c => !ProviderSections.Contains(c.Key, StringComparer.OrdinalIgnoreCase));

    public IChangeToken GetReloadToken() => inner.GetReloadToken();

    public IConfigurationSection GetSection(string key) => inner.GetSection(key);
}
