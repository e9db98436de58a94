// Licensed under the MIT License. See LICENSE in the repository root.

using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.DependencyInjection.Internal;

/// <summary>
/// Registered once per service collection so that calling AddGitTokenScopes again adds nothing twice. It remembers the
/// bound sections (binding one twice would append its lists twice) and the last one's path, so errors name its keys.
/// </summary>
internal sealed class GitTokenScopesMarker
{
    public HashSet<string> BoundSections { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string? Path { get; set; }
}

internal sealed record GitTokenScopesBuilder(IServiceCollection Services) : IGitTokenScopesBuilder;
