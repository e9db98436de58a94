// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing;

/// <summary>
/// One item of a fine-grained <see cref="FakeGitLabToken"/>'s grant, listed by <c>/personal_access_tokens/self</c> in
/// <c>granular_scopes</c> as GitLab 19.5 does: <c>{access, permissions, project_id, group_id}</c>.
/// </summary>
public sealed class FakeGitLabGranularScope
{
    /// <summary>Gets the access boundary: <c>user</c>, <c>instance</c>, <c>all_memberships</c>, <c>personal_projects</c> or <c>selected_memberships</c>.</summary>
    public required string Access { get; init; }

    /// <summary>Gets the permissions held at the boundary (<c>download_code</c>, <c>push_code</c>, <c>read_project</c>, …).</summary>
    public IList<string> Permissions { get; init; } = [];

    /// <summary>Gets the project id, for <c>selected_memberships</c> on one project.</summary>
    public long? ProjectId { get; init; }

    /// <summary>Gets the group id, for <c>selected_memberships</c> on one group (and the projects under it).</summary>
    public long? GroupId { get; init; }
}
