// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>
/// The catalogue of what each token must hold. The default implementation serves the configured edition with the
/// host's overrides applied (repository over runtime over default); hosts may register their own.
/// </summary>
public interface IScopeRequirements
{
    /// <summary>Gets the requirement for a key, with the overrides that apply to a runtime and a repository.</summary>
    /// <param name="key">The provider, token kind and token family.</param>
    /// <param name="runtimeName">The runtime the token serves, if any; selects per-runtime overrides.</param>
    /// <param name="repository">The repository the token must reach (for example <c>org/repo</c>), if any; selects per-repository overrides.</param>
    /// <returns>The requirement.</returns>
    ScopeRequirement GetRequirement(ScopeRequirementKey key, string? runtimeName = null, string? repository = null);
}
