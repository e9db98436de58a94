// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing;

/// <summary>A repository that exists on a <see cref="FakeBitbucketServer"/> (see <see cref="FakeBitbucketServer.AddRepository(FakeBitbucketServerRepository)"/>).</summary>
public sealed class FakeBitbucketServerRepository
{
    /// <summary>Gets the repository's full name, <c>PROJECT/slug</c>; compared case-insensitively.</summary>
    public required string FullName { get; init; }

    /// <summary>Gets the project key part of <see cref="FullName"/>.</summary>
    public string ProjectKey => FullName[..Math.Max(FullName.IndexOf('/', StringComparison.Ordinal), 0)];

    /// <summary>Gets the slug part of <see cref="FullName"/>.</summary>
    public string Slug => FullName[(FullName.IndexOf('/', StringComparison.Ordinal) + 1)..];
}
