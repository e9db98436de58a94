// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>One named repository in a report: the access needed and what the provider showed.</summary>
/// <param name="Name">The repository (<c>owner/repo</c>, or a GitLab path with groups).</param>
/// <param name="Needed">The access the token must have.</param>
/// <param name="State">What the provider showed; <see cref="RepositoryAccessState.Unknown"/> when it could not be learnt.</param>
/// <param name="Message">Why the state is what it is, when there is something to say.</param>
public sealed record RepositoryFinding(string Name, RepositoryAccess Needed, RepositoryAccessState State, string? Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Needed.ToWireName()}): {State.ToWireName()}";
}
