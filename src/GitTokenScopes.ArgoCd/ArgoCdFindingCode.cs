// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.ArgoCd;

/// <summary>What an Argo CD configuration finding is about. The wire names (see <see cref="ArgoCdFinding.CodeName"/>) are kebab-case.</summary>
public enum ArgoCdFindingCode
{
    /// <summary><c>over-broad-template</c>: a template's URL is a plain string prefix, so it also serves repositories outside the path it names (<c>https://github.com/org</c> serves <c>https://github.com/organization/x</c>).</summary>
    OverBroadTemplate,

    /// <summary><c>ambiguous-template</c>: several templates have the same normalized URL; Argo CD silently takes the first it lists, an order Kubernetes does not promise.</summary>
    AmbiguousTemplate,

    /// <summary><c>duplicate-repository</c>: several repository secrets name the same repository for the same project; Argo CD takes the first it lists.</summary>
    DuplicateRepository,

    /// <summary><c>uncheckable-credential</c>: an SSH key, a GitHub App, a cloud identity: the library cannot tell what it may do.</summary>
    UncheckableCredential,

    /// <summary><c>default-username</c>: a password without a user name; Argo CD sends <c>x-access-token</c>, which GitHub and GitLab accept with a token but Bitbucket does not.</summary>
    DefaultUsername,

    /// <summary><c>project-scoped-repository</c>: a repository secret with a <c>project</c>: only that project's applications use it.</summary>
    ProjectScopedRepository,

    /// <summary><c>no-credential</c>: Argo CD clones the repository anonymously (no credential of its own, no template matches, or an incomplete one).</summary>
    NoCredential,

    /// <summary><c>unknown-provider</c>: the repository's host is not a known provider; map it in the options to validate its token.</summary>
    UnknownProvider,

    /// <summary><c>unused-template</c>: a template serves none of the listed repositories; its token is still validated, without repositories.</summary>
    UnusedTemplate,

    /// <summary><c>invalid-secret</c>: a secret Argo CD cannot use (no URL, a URL with user information, a repository URL with no owner part).</summary>
    InvalidSecret,

    /// <summary><c>not-git</c>: a Helm or OCI repository; its credential is not a Git token and is not validated.</summary>
    NotGit,
}
