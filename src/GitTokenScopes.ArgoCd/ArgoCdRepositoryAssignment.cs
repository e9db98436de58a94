// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.ArgoCd;

/// <summary>
/// One repository (for one project, for reading or for writing) and the credential Argo CD uses for it, with where
/// that credential comes from: the repository's own secret or a template.
/// </summary>
public sealed class ArgoCdRepositoryAssignment
{
    internal ArgoCdRepositoryAssignment(
        string url,
        string normalizedUrl,
        string? project,
        bool isWrite,
        string? repositorySecretName,
        string? templateSecretName,
        ArgoCdCredential credential,
        string? host,
        ArgoCdGitServer? server,
        string? repositoryName,
        bool isTemplateOnly = false)
    {
        Url = url;
        NormalizedUrl = normalizedUrl;
        Project = project;
        IsWrite = isWrite;
        RepositorySecretName = repositorySecretName;
        TemplateSecretName = templateSecretName;
        Credential = credential;
        Host = host;
        Server = server;
        RepositoryName = repositoryName;
        IsTemplateOnly = isTemplateOnly;
    }

    /// <summary>Gets the repository URL as written (without user information).</summary>
    public string Url { get; }

    /// <summary>Gets the URL as Argo CD compares it (lower-case, no <c>.git</c>, <c>git@host/path</c>).</summary>
    public string NormalizedUrl { get; }

    /// <summary>Gets the project whose applications this row is about, or <see langword="null"/> for every project without a secret of its own.</summary>
    public string? Project { get; }

    /// <summary>Gets a value indicating whether this is Argo CD's write access (<c>repository-write</c>, <c>repo-write-creds</c>) rather than its read access.</summary>
    public bool IsWrite { get; }

    /// <summary>Gets the repository secret Argo CD picks for the repository, or <see langword="null"/> when there is none.</summary>
    public string? RepositorySecretName { get; }

    /// <summary>Gets the template whose credential Argo CD copies (the repository secret has none), or <see langword="null"/>.</summary>
    public string? TemplateSecretName { get; }

    /// <summary>Gets the credential Argo CD uses.</summary>
    public ArgoCdCredential Credential { get; }

    /// <summary>Gets the repository's host (<c>github.com</c>, <c>host:port</c>), or <see langword="null"/> when the URL names none.</summary>
    public string? Host { get; }

    /// <summary>Gets the provider and server the host maps to, or <see langword="null"/> when the host is not known.</summary>
    public ArgoCdGitServer? Server { get; }

    /// <summary>Gets the repository's full name at its provider (<c>owner/repo</c>), or <see langword="null"/> when the URL has none.</summary>
    public string? RepositoryName { get; }

    /// <summary>Gets a value indicating whether the row stands for a template that serves none of the listed repositories (its token is still validated).</summary>
    public bool IsTemplateOnly { get; }

    /// <summary>Describes the row without a secret.</summary>
    /// <returns>For example <c>https://github.com/acme/app (read) → password sha256:… from 'github-acme'</c>.</returns>
    public override string ToString()
        => $"{Url}{(Project is null ? string.Empty : $" [project {Project}]")} ({(IsWrite ? "write" : "read")}) → {Credential}";
}
