// Licensed under the MIT License. See LICENSE in the repository root.

using System.Collections.Concurrent;

namespace GitTokenScopes.Testing;

/// <summary>
/// An <see cref="IScopeRequirements"/> for tests: serves an edition (the seed's by default) with the requirements a
/// test sets, exactly as set (no precedence rules beyond "most specific match wins"), and records every call.
/// Thread-safe.
/// </summary>
public sealed class FakeScopeRequirements : IScopeRequirements
{
    private readonly ScopeEdition _edition;
    private readonly ConcurrentDictionary<(ScopeRequirementKey Key, string? Runtime, string? Repository), ScopeRequirement> _set = new();
    private readonly ConcurrentQueue<RequirementRequest> _requests = new();

    /// <summary>Initializes a new instance of the <see cref="FakeScopeRequirements"/> class.</summary>
    /// <param name="edition">The edition served where no requirement was set; <see cref="ScopeEditions.Default"/> when <see langword="null"/>.</param>
    public FakeScopeRequirements(ScopeEdition? edition = null)
    {
        _edition = edition ?? ScopeEditions.Default;
    }

    /// <summary>Gets every call made so far, in order.</summary>
    public IReadOnlyList<RequirementRequest> Requests => [.. _requests];

    /// <summary>Sets the requirement served for a key, optionally only for one runtime and/or repository.</summary>
    /// <param name="requirement">The requirement to serve; its key decides where.</param>
    /// <param name="runtimeName">The runtime it is limited to, if any (ordinal comparison).</param>
    /// <param name="repository">The repository it is limited to, if any (ordinal comparison).</param>
    /// <returns>This instance, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="requirement"/> is <see langword="null"/>.</exception>
    public FakeScopeRequirements Set(ScopeRequirement requirement, string? runtimeName = null, string? repository = null)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        _set[(requirement.Key, runtimeName, repository)] = requirement;
        return this;
    }

    /// <summary>Sets the clauses served for a key, for every runtime and repository.</summary>
    /// <param name="key">The key.</param>
    /// <param name="clauses">The clauses; at least one.</param>
    /// <returns>This instance, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="clauses"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when there is no clause or a scope is malformed for the key's vocabulary.</exception>
    public FakeScopeRequirements Set(ScopeRequirementKey key, params ScopeClause[] clauses)
        => Set(new ScopeRequirement(key, clauses, _edition.Name, new RequirementSource("Set by a test")));

    /// <inheritdoc/>
    public ScopeRequirement GetRequirement(ScopeRequirementKey key, string? runtimeName = null, string? repository = null)
    {
        _requests.Enqueue(new RequirementRequest(key, runtimeName, repository));
        return _set.TryGetValue((key, runtimeName, repository), out var both) ? both
            : _set.TryGetValue((key, null, repository), out var byRepository) ? byRepository
            : _set.TryGetValue((key, runtimeName, null), out var byRuntime) ? byRuntime
            : _set.TryGetValue((key, null, null), out var byKey) ? byKey
            : _edition[key];
    }

    /// <summary>Forgets the recorded calls (the requirements set stay).</summary>
    public void ClearRequests() => _requests.Clear();
}
