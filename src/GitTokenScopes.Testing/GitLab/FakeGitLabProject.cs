// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing;

/// <summary>A project that exists on a <see cref="FakeGitLabServer"/> (see <see cref="FakeGitLabServer.AddProject(FakeGitLabProject)"/>).</summary>
public sealed class FakeGitLabProject
{
    /// <summary>Gets the project's full path, <c>group/subgroup/project</c>; compared case-insensitively, as GitLab does.</summary>
    public required string PathWithNamespace { get; init; }

    /// <summary>Gets or sets the visibility: <c>private</c> (the default), <c>internal</c> or <c>public</c>.</summary>
    public string Visibility { get; set; } = "private";

    /// <summary>Gets or sets the numeric id; 0 (the default) is replaced by a unique id when the project is added.</summary>
    public long Id { get; set; }

    /// <summary>Gets the namespace part of <see cref="PathWithNamespace"/> (everything before the last slash).</summary>
    public string Namespace => PathWithNamespace[..Math.Max(PathWithNamespace.LastIndexOf('/'), 0)];

    /// <summary>Gets the last part of <see cref="PathWithNamespace"/>.</summary>
    public string Path => PathWithNamespace[(PathWithNamespace.LastIndexOf('/') + 1)..];
}
