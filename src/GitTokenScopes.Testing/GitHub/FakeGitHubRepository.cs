// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing;

/// <summary>A repository that exists on a <see cref="FakeGitHubServer"/> (see <see cref="FakeGitHubServer.AddRepository(FakeGitHubRepository)"/>).</summary>
public sealed class FakeGitHubRepository
{
    /// <summary>Gets the repository's full name, <c>owner/name</c>; compared case-insensitively, as GitHub does.</summary>
    public required string FullName { get; init; }

    /// <summary>Gets or sets a value indicating whether the repository is private (the default) or public.</summary>
    public bool Private { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether the repository has no commits: <c>GET …/commits</c> then answers 409.</summary>
    public bool Empty { get; set; }

    /// <summary>Gets or sets the repository's numeric id; 0 (the default) is replaced by a unique id when the repository is added.</summary>
    public long Id { get; set; }

    /// <summary>Gets the owner part of <see cref="FullName"/>.</summary>
    public string Owner => FullName[..Math.Max(FullName.IndexOf('/', StringComparison.Ordinal), 0)];

    /// <summary>Gets the name part of <see cref="FullName"/>.</summary>
    public string Name => FullName[(FullName.IndexOf('/', StringComparison.Ordinal) + 1)..];
}
