// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing;

/// <summary>The kinds of HTTP access token a <see cref="FakeBitbucketServer"/> understands.</summary>
public enum FakeBitbucketServerTokenKind
{
    /// <summary>A personal token: acts as its owner, capped by one project and one repository permission; Bearer or Basic.</summary>
    Personal,

    /// <summary>A project token: one project permission on its project's repositories; Bearer only.</summary>
    Project,

    /// <summary>A repository token: one repository permission on its repository; Bearer only.</summary>
    Repository,
}
