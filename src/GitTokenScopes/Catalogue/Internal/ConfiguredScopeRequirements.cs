// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.DependencyInjection.Internal;
using Microsoft.Extensions.Options;

namespace GitTokenScopes.Catalogue.Internal;

/// <summary>
/// The default <see cref="IScopeRequirements"/>: the configured edition with the host's overrides applied from the
/// least to the most specific (default, runtime, repository, runtime and repository).
/// </summary>
internal sealed class ConfiguredScopeRequirements : IScopeRequirements
{
    private readonly ScopeEdition _edition;
    private readonly Dictionary<ScopeRequirementKey, ParsedOverride[]> _overrides;

    public ConfiguredScopeRequirements(IOptions<GitTokenScopesOptions> options, GitTokenScopesMarker? marker = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (overrides, errors) = OverrideParser.Parse(options.Value, marker?.Path ?? OverrideParser.DefaultPath);
        if (errors.Count > 0)
        {
            // Unreachable through DI (reading IOptions.Value runs the validator first); a guard, not a path.
            throw new OptionsValidationException(Options.DefaultName, typeof(GitTokenScopesOptions), errors);
        }

        _edition = ScopeEditions.Get(options.Value.Edition);
        _overrides = overrides
            .GroupBy(o => o.Key)
            .ToDictionary(g => g.Key, g => g.OrderBy(o => o.Specificity).ToArray()); // OrderBy is stable: declaration order among equals.
    }

    public ScopeRequirement GetRequirement(ScopeRequirementKey key, string? runtimeName = null, string? repository = null)
    {
        var requirement = _edition[key];
        foreach (var candidate in _overrides.GetValueOrDefault(key, []).Where(c => c.AppliesTo(runtimeName, repository)))
        {
            var clauses = candidate.ApplyTo(requirement.Clauses).ToArray();
            if (clauses.Length == 0)
            {
                throw new InvalidOperationException(
                    $"The overrides {string.Join(", ", requirement.AppliedOverrides.Append(candidate.Name))} leave the requirement for {key} with no clause.");
            }

            requirement = requirement.WithClauses(clauses, candidate.Name);
        }

        return requirement;
    }
}
