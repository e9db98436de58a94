// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>
/// Options of the library core: which catalogue edition to serve and the host's overrides. Bound from the
/// configuration section given to <see cref="GitTokenScopesServiceCollectionExtensions.AddGitTokenScopes(Microsoft.Extensions.DependencyInjection.IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration)"/>
/// and validated at startup.
/// </summary>
public sealed class GitTokenScopesOptions
{
    /// <summary>Gets or sets the name of the catalogue edition (see <see cref="ScopeEditions"/>).</summary>
    /// <value>The default value is <see cref="ScopeEditions.SeedName"/>.</value>
    public string Edition { get; set; } = ScopeEditions.SeedName;

    /// <summary>Gets the host's overrides, applied from the least to the most specific, in declaration order among equals.</summary>
    public IList<ScopeRequirementOverride> Overrides { get; } = [];

    /// <summary>Gets the validator's policies (skip flags, fail-open or fail-closed per token kind), warning window and cache durations.</summary>
    public TokenValidationOptions Validation { get; } = new();

    /// <summary>Gets the resilience pipeline settings of the library's HTTP clients.</summary>
    public GitTokenScopesResilienceOptions Resilience { get; } = new();
}
