// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>
/// A host's change to one requirement, for every token, for one runtime, for one repository, or for one repository of
/// one runtime. The most specific override is applied last, so it wins: repository over runtime over default.
/// </summary>
/// <remarks>
/// <see cref="Provider"/>, <see cref="Kind"/> and <see cref="TokenFamily"/> take the names in <see cref="WireNames"/>
/// (for example <c>bitbucket-cloud</c>, <c>runtime</c>, <c>fine-grained</c>) or the C# member names.
/// </remarks>
public sealed class ScopeRequirementOverride
{
    /// <summary>Gets or sets the provider, for example <c>github</c>. Required.</summary>
    public string? Provider { get; set; }

    /// <summary>Gets or sets the token kind, <c>runtime</c> or <c>user</c>. Required.</summary>
    public string? Kind { get; set; }

    /// <summary>Gets or sets the token family, for example <c>classic</c> or <c>fine-grained</c>. Required.</summary>
    public string? TokenFamily { get; set; }

    /// <summary>Gets or sets the runtime the override is limited to.</summary>
    /// <value>The default value is <see langword="null"/>: every runtime.</value>
    public string? Runtime { get; set; }

    /// <summary>Gets or sets the repository the override is limited to, for example <c>org/repo</c>.</summary>
    /// <value>The default value is <see langword="null"/>: every repository.</value>
    public string? Repository { get; set; }

    /// <summary>Gets or sets how the override changes the requirement beneath it.</summary>
    /// <value>The default value is <see cref="OverrideMode.Replace"/>.</value>
    public OverrideMode Mode { get; set; } = OverrideMode.Replace;

    /// <summary>Gets the clauses to use (<see cref="OverrideMode.Replace"/>) or to add (<see cref="OverrideMode.Amend"/>).</summary>
    public IList<ScopeClauseOptions> Clauses { get; } = [];

    /// <summary>Gets the labels of the clauses to remove; <see cref="OverrideMode.Amend"/> only.</summary>
    public IList<string> RemoveClauses { get; } = [];
}
