// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.WebApi;

/// <summary>A repository in <see cref="ValidateTokenBody"/>: its full name and the access needed.</summary>
public sealed class RepositoryBody
{
    /// <summary>Gets or sets the repository's full name (<c>owner/repo</c>).</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the access needed: <c>read</c> or <c>read-write</c> (the default).</summary>
    public string? Access { get; set; }
}
