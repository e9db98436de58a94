// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing;

/// <summary>A repository that exists on a <see cref="FakeBitbucketCloudServer"/> (see <see cref="FakeBitbucketCloudServer.AddRepository(FakeBitbucketCloudRepository)"/>).</summary>
public sealed class FakeBitbucketCloudRepository
{
    /// <summary>Gets the repository's full name, <c>workspace/repo_slug</c>; compared case-insensitively.</summary>
    public required string FullName { get; init; }

    /// <summary>Gets or sets a value indicating whether the repository is private (the default) or public.</summary>
    public bool Private { get; set; } = true;

    /// <summary>Gets or sets the key of the project the repository belongs to. Defaults to <c>PROJ</c>.</summary>
    public string ProjectKey { get; set; } = "PROJ";
}
