// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing;

/// <summary>GitLab's membership access levels, with GitLab's numeric values (as in <c>permissions.project_access.access_level</c>).</summary>
public enum FakeGitLabAccessLevel
{
    /// <summary>No access (0).</summary>
    None = 0,

    /// <summary>Guest (10).</summary>
    Guest = 10,

    /// <summary>Reporter (20): may clone private projects.</summary>
    Reporter = 20,

    /// <summary>Developer (30): may push to unprotected branches.</summary>
    Developer = 30,

    /// <summary>Maintainer (40).</summary>
    Maintainer = 40,

    /// <summary>Owner (50).</summary>
    Owner = 50,
}
