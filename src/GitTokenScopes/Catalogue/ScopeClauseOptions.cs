// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>A clause declared by a host's override: any one of its scopes satisfies it.</summary>
public sealed class ScopeClauseOptions
{
    /// <summary>Gets or sets the human label shown in reports. Required.</summary>
    public string? Label { get; set; }

    /// <summary>Gets the scopes that satisfy the clause, the preferred one first. At least one is required.</summary>
    public IList<string> AnyOf { get; } = [];

    /// <summary>Gets or sets why the clause is needed.</summary>
    /// <value>The default value is <see langword="null"/>, reported as "Required by the host's override".</value>
    public string? Purpose { get; set; }
}
