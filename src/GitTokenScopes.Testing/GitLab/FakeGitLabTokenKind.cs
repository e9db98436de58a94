// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing;

/// <summary>The kind of access token a <see cref="FakeGitLabToken"/> is; all use the <c>glpat-</c> prefix, as on GitLab.</summary>
public enum FakeGitLabTokenKind
{
    /// <summary>A personal access token of a human user.</summary>
    Personal,

    /// <summary>A project access token, owned by a <c>project_{id}_bot_{random}</c> bot user.</summary>
    ProjectBot,

    /// <summary>A group access token, owned by a <c>group_{id}_bot_{random}</c> bot user.</summary>
    GroupBot,

    /// <summary>An impersonation token an administrator made for a user; it answers like a personal token of that user.</summary>
    Impersonation,

    /// <summary>A personal access token of a service account, a <c>bot</c> user named <c>service_account_…</c>.</summary>
    ServiceAccount,
}
