// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.ArgoCd;

/// <summary>
/// The role of an Argo CD Secret, from its <c>argocd.argoproj.io/secret-type</c> label. Argo CD reads with
/// <see cref="Repository"/> and <see cref="RepoCreds"/> secrets and writes (source hydration) with
/// <see cref="RepositoryWrite"/> and <see cref="RepoWriteCreds"/> secrets; the two sets never mix.
/// </summary>
public enum ArgoCdSecretType
{
    /// <summary><c>repository</c>: one repository, by URL, optionally with its own credential and a project.</summary>
    Repository,

    /// <summary><c>repo-creds</c>: a credential template, used by every repository whose URL starts with its URL.</summary>
    RepoCreds,

    /// <summary><c>repository-write</c>: a repository Argo CD pushes to, optionally with its own credential.</summary>
    RepositoryWrite,

    /// <summary><c>repo-write-creds</c>: a credential template for pushing.</summary>
    RepoWriteCreds,
}
