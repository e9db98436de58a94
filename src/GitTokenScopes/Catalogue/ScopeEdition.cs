// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics.CodeAnalysis;

namespace GitTokenScopes;

/// <summary>
/// One complete, named set of requirements: a requirement for every <see cref="ScopeRequirementKey"/>, all taken
/// from one source document.
/// </summary>
public sealed class ScopeEdition
{
    private readonly Dictionary<ScopeRequirementKey, ScopeRequirement> _byKey;

    /// <summary>Initializes a new instance of the <see cref="ScopeEdition"/> class.</summary>
    /// <param name="name">The edition's name; hosts select editions by it.</param>
    /// <param name="description">What the edition is, in a sentence.</param>
    /// <param name="requirements">The requirements: exactly one per key in <see cref="ScopeRequirementKey.All"/>, each naming this edition.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="requirements"/> or one of them is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when a name is blank, a key is repeated or missing, or a requirement names another edition.</exception>
    public ScopeEdition(string name, string description, IEnumerable<ScopeRequirement> requirements)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(requirements);
        _byKey = [];
        foreach (var requirement in requirements)
        {
            ArgumentNullException.ThrowIfNull(requirement, nameof(requirements));
            if (!string.Equals(requirement.Edition, name, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The requirement for {requirement.Key} belongs to edition '{requirement.Edition}', not '{name}'.", nameof(requirements));
            }

            if (!_byKey.TryAdd(requirement.Key, requirement))
            {
                throw new ArgumentException($"Edition '{name}' has two requirements for {requirement.Key}.", nameof(requirements));
            }
        }

        var missing = ScopeRequirementKey.All.Where(k => !_byKey.ContainsKey(k)).ToArray();
        if (missing.Length > 0)
        {
            throw new ArgumentException($"Edition '{name}' has no requirement for {string.Join(", ", missing)}.", nameof(requirements));
        }

        Name = name;
        Description = description;
        Requirements = [.. ScopeRequirementKey.All.Select(k => _byKey[k])];
    }

    /// <summary>Gets the edition's name.</summary>
    public string Name { get; }

    /// <summary>Gets what the edition is, in a sentence.</summary>
    public string Description { get; }

    /// <summary>Gets every requirement, in the order of <see cref="ScopeRequirementKey.All"/>.</summary>
    public IReadOnlyList<ScopeRequirement> Requirements { get; }

    /// <summary>Gets the requirement for a key.</summary>
    public ScopeRequirement this[ScopeRequirementKey key] => _byKey[key];

    /// <summary>Gets the requirement for a key, if the edition has one.</summary>
    /// <returns><see langword="true"/> when found; always for a key built through the public constructor.</returns>
    public bool TryGet(ScopeRequirementKey key, [NotNullWhen(true)] out ScopeRequirement? requirement) => _byKey.TryGetValue(key, out requirement);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
