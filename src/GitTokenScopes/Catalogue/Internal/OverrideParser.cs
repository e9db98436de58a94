// Licensed under the MIT License. See LICENSE in the repository root.

using System.Globalization;

namespace GitTokenScopes.Catalogue.Internal;

/// <summary>
/// Turns the host's override options into validated overrides, or into errors that each name the offending
/// configuration key (for example <c>GitTokenScopes:Overrides:1:Clauses:0:AnyOf:2</c>).
/// </summary>
internal static class OverrideParser
{
    public const string DefaultPath = "GitTokenScopes";

    public static (IReadOnlyList<ParsedOverride> Overrides, IReadOnlyList<string> Errors) Parse(GitTokenScopesOptions options, string path)
    {
        var errors = new List<string>();
        var parsed = new List<ParsedOverride>();
        if (!ScopeEditions.TryGet(options.Edition, out var edition))
        {
            errors.Add($"{path}:Edition: '{options.Edition}' is not a known catalogue edition. Known editions: {string.Join(", ", ScopeEditions.All.Select(e => e.Name))}.");
        }

        // Labels an override adds may be removed by a more specific override, so they count as known labels.
        var addedLabels = options.Overrides
            .SelectMany(o => o?.Clauses ?? [])
            .Select(c => c?.Label?.Trim())
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        for (var i = 0; i < options.Overrides.Count; i++)
        {
            var name = Key(path, "Overrides", i);
            if (options.Overrides[i] is not { } item)
            {
                errors.Add($"{name}: the override is empty.");
                continue;
            }

            if (TryParse(item, name, edition, addedLabels, errors) is { } result)
            {
                parsed.Add(result);
            }
        }

        return (parsed, errors);
    }

    private static ParsedOverride? TryParse(ScopeRequirementOverride item, string name, ScopeEdition? edition, HashSet<string> addedLabels, List<string> errors)
    {
        var errorCount = errors.Count;
        var hasProvider = Require(item.Provider, $"{name}:Provider", "provider", errors, out GitProvider provider);
        Require(item.Kind, $"{name}:Kind", "token kind", errors, out TokenKind kind);
        var hasFamily = Require(item.TokenFamily, $"{name}:TokenFamily", "token family", errors, out TokenFamily family);
        ScopeVocabulary? vocabulary = null;
        if (hasProvider && hasFamily && !ScopeVocabulary.TryGet(provider, family, out vocabulary))
        {
            errors.Add($"{name}:TokenFamily: '{item.TokenFamily}' is not a token family of {provider.ToWireName()}. Use one of: {string.Join(", ", ScopeVocabulary.FamiliesOf(provider).Select(f => f.ToWireName()))}.");
        }

        if (item.Runtime is not null && string.IsNullOrWhiteSpace(item.Runtime))
        {
            errors.Add($"{name}:Runtime: must not be blank; leave it out to apply to every runtime.");
        }

        if (item.Repository is not null && RepositoryName.Normalize(item.Repository) is null)
        {
            errors.Add($"{name}:Repository: must name a repository (for example org/repo); leave it out to apply to every repository.");
        }

        var modeError = item.Mode switch
        {
            OverrideMode.Replace when item.Clauses.Count == 0 => $"{name}:Clauses: a Replace override needs at least one clause.",
            OverrideMode.Replace when item.RemoveClauses.Count > 0 => $"{name}:RemoveClauses: only an Amend override removes clauses; a Replace override replaces them all.",
            OverrideMode.Amend when item.Clauses.Count == 0 && item.RemoveClauses.Count == 0 => $"{name}: an Amend override must add clauses or remove some.",
            OverrideMode.Replace or OverrideMode.Amend => null,
            _ => $"{name}:Mode: '{item.Mode}' is not Replace or Amend.",
        };
        if (modeError is not null)
        {
            errors.Add(modeError);
        }

        // The edition's requirement that the override changes, when both are known.
        var beneath = vocabulary is not null && edition is not null ? edition[new(provider, kind, family)] : null;
        var clauses = ParseClauses(item, name, vocabulary, errors);
        var removeLabels = ParseRemovals(item, name, beneath, addedLabels, errors);
        if (errors.Count > errorCount || vocabulary is null)
        {
            return null;
        }

        var parsed = new ParsedOverride(
            name,
            new(provider, kind, family),
            string.IsNullOrWhiteSpace(item.Runtime) ? null : item.Runtime.Trim(),
            RepositoryName.Normalize(item.Repository),
            item.Mode,
            clauses,
            removeLabels);

        if (beneath is not null && !parsed.ApplyTo(beneath.Clauses).Any())
        {
            errors.Add($"{name}:RemoveClauses: removing these clauses leaves the requirement for {parsed.Key} with none; use a Replace override instead.");
            return null;
        }

        return parsed;
    }

    private static List<ScopeClause> ParseClauses(ScopeRequirementOverride item, string name, ScopeVocabulary? vocabulary, List<string> errors)
    {
        var clauses = new List<ScopeClause>();
        for (var j = 0; j < item.Clauses.Count; j++)
        {
            var clauseName = Key(name, "Clauses", j);
            if (item.Clauses[j] is not { } clause)
            {
                errors.Add($"{clauseName}: the clause is empty.");
                continue;
            }

            var errorCount = errors.Count;
            if (string.IsNullOrWhiteSpace(clause.Label))
            {
                errors.Add($"{clauseName}:Label: is required.");
            }

            if (clause.AnyOf.Count == 0)
            {
                errors.Add($"{clauseName}:AnyOf: the clause is empty; list at least one scope.");
            }

            for (var k = 0; k < clause.AnyOf.Count; k++)
            {
                var scope = clause.AnyOf[k];
                if (string.IsNullOrWhiteSpace(scope))
                {
                    errors.Add($"{Key(clauseName, "AnyOf", k)}: the scope is blank.");
                }
                else if (vocabulary is not null && !vocabulary.IsWellFormed(scope))
                {
                    errors.Add($"{Key(clauseName, "AnyOf", k)}: '{scope}' is not a well-formed scope in the {vocabulary.Description} vocabulary.");
                }
            }

            if (errors.Count == errorCount && vocabulary is not null)
            {
                var purpose = string.IsNullOrWhiteSpace(clause.Purpose) ? "Required by the host's override" : clause.Purpose;
                clauses.Add(new ScopeClause(clause.Label!, clause.AnyOf.Select(vocabulary.Normalize), purpose));
            }
        }

        return clauses;
    }

    private static string[] ParseRemovals(ScopeRequirementOverride item, string name, ScopeRequirement? beneath, HashSet<string> addedLabels, List<string> errors)
    {
        // Catch typos: a label must exist in the edition's requirement or be added by some override.
        var labels = new List<string>();
        for (var j = 0; j < item.RemoveClauses.Count; j++)
        {
            var label = item.RemoveClauses[j];
            if (string.IsNullOrWhiteSpace(label))
            {
                errors.Add($"{Key(name, "RemoveClauses", j)}: the label is blank.");
            }
            else if (beneath is not null
                && !beneath.Clauses.Any(c => string.Equals(c.Label, label.Trim(), StringComparison.OrdinalIgnoreCase))
                && !addedLabels.Contains(label.Trim()))
            {
                errors.Add($"{Key(name, "RemoveClauses", j)}: no clause of {beneath.Key} in edition '{beneath.Edition}' is labelled '{label}'. Labels: {string.Join("; ", beneath.Clauses.Select(c => c.Label).Distinct())}.");
            }
            else
            {
                labels.Add(label.Trim());
            }
        }

        return [.. labels];
    }

    private static bool Require<T>(string? value, string key, string what, List<string> errors, out T result)
        where T : struct, Enum
    {
        if (WireNames.TryParseName(value, out result))
        {
            return true;
        }

        var names = string.Join(", ", WireNames.NamesOf<T>());
        errors.Add(string.IsNullOrWhiteSpace(value) ? $"{key}: is required. Use one of: {names}." : $"{key}: '{value}' is not a known {what}. Use one of: {names}.");
        return false;
    }

    private static string Key(string parent, string property, int index)
        => string.Create(CultureInfo.InvariantCulture, $"{parent}:{property}:{index}");
}

/// <summary>A validated <see cref="ScopeRequirementOverride"/>, named by where it was declared.</summary>
internal sealed record ParsedOverride(
    string Name,
    ScopeRequirementKey Key,
    string? Runtime,
    string? Repository,
    OverrideMode Mode,
    IReadOnlyList<ScopeClause> Clauses,
    IReadOnlyList<string> RemoveLabels)
{
    /// <summary>Gets the rank used to apply overrides from least to most specific: default, runtime, repository, both.</summary>
    public int Specificity => (Runtime is null ? 0 : 1) + (Repository is null ? 0 : 2);

    public bool AppliesTo(string? runtimeName, string? repository)
        => (Runtime is null || string.Equals(Runtime, runtimeName?.Trim(), StringComparison.OrdinalIgnoreCase))
            && (Repository is null || string.Equals(Repository, RepositoryName.Normalize(repository), StringComparison.OrdinalIgnoreCase));

    public IEnumerable<ScopeClause> ApplyTo(IReadOnlyList<ScopeClause> clauses)
        => Mode == OverrideMode.Replace
            ? Clauses
            : clauses.Where(c => !RemoveLabels.Contains(c.Label, StringComparer.OrdinalIgnoreCase)).Concat(Clauses);
}
