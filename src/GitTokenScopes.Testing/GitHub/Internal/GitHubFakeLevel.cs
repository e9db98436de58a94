// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing.GitHub.Internal;

/// <summary>A permission level, ordered: each level satisfies the ones below it.</summary>
internal enum GitHubFakeLevel
{
    None,
    Read,
    Write,
    Admin,
}
