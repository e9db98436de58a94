// Licensed under the MIT License. See LICENSE in the repository root.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace GitTokenScopes.DependencyInjection.Internal;

/// <summary>
/// The core section as the core options see it: the providers' own sub-sections (<c>GitHub</c>, <c>GitLab</c>,
/// <c>BitbucketCloud</c>, <c>BitbucketServer</c>) are left out, so that the core binding can reject every other unknown
/// key while hosts keep one <c>GitTokenScopes</c> section with the providers' options inside it.
/// </summary>
internal sealed class ProviderSectionsHidden(IConfiguration inner) : IConfiguration
{
    public static readonly string[] ProviderSections = ["GitHub", "GitLab", "BitbucketCloud", "BitbucketServer"];

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
