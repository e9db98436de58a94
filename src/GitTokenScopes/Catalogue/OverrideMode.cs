// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>How an override changes the requirement beneath it.</summary>
public enum OverrideMode
{
    /// <summary>The override's clauses replace the requirement's clauses.</summary>
    Replace,

    /// <summary>The override removes the clauses named in <see cref="ScopeRequirementOverride.RemoveClauses"/>, then adds its own.</summary>
    Amend,
}
