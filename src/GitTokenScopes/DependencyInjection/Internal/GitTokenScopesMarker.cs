// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.DependencyInjection.Internal;

/// <summary>
/// Registered once per service collection so that calling AddGitTokenScopes again adds nothing twice; it also
/// remembers which configuration sections were bound, because binding a section twice would append its lists twice.
/// </summary>
internal sealed class GitTokenScopesMarker
{
    public HashSet<string> BoundSections { get; } = new(StringComparer.OrdinalIgnoreCase);
}
