// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.ArgoCd;

/// <summary>The stable kebab-case names of the package's enumerations, for tables, JSON and logs.</summary>
public static class ArgoCdNames
{
    /// <summary>Gets the name of a credential kind (<c>password</c>, <c>ssh-private-key</c>, <c>github-app</c>, …).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="kind"/> is not a defined value.</exception>
    public static string Of(ArgoCdCredentialKind kind) => kind switch
    {
        ArgoCdCredentialKind.None => "none",
        ArgoCdCredentialKind.Password => "password",
        ArgoCdCredentialKind.BearerToken => "bearer-token",
        ArgoCdCredentialKind.SshPrivateKey => "ssh-private-key",
        ArgoCdCredentialKind.GitHubApp => "github-app",
        ArgoCdCredentialKind.GoogleCloud => "gcp-service-account",
        ArgoCdCredentialKind.AzureWorkloadIdentity => "azure-workload-identity",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a defined ArgoCdCredentialKind value."),
    };

    /// <summary>Gets the name of a finding code (<c>over-broad-template</c>, …).</summary>
    /// <param name="code">The code.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="code"/> is not a defined value.</exception>
    public static string Of(ArgoCdFindingCode code) => code switch
    {
        ArgoCdFindingCode.OverBroadTemplate => "over-broad-template",
        ArgoCdFindingCode.AmbiguousTemplate => "ambiguous-template",
        ArgoCdFindingCode.DuplicateRepository => "duplicate-repository",
        ArgoCdFindingCode.UncheckableCredential => "uncheckable-credential",
        ArgoCdFindingCode.DefaultUsername => "default-username",
        ArgoCdFindingCode.ProjectScopedRepository => "project-scoped-repository",
        ArgoCdFindingCode.NoCredential => "no-credential",
        ArgoCdFindingCode.UnknownProvider => "unknown-provider",
        ArgoCdFindingCode.UnusedTemplate => "unused-template",
        ArgoCdFindingCode.InvalidSecret => "invalid-secret",
        ArgoCdFindingCode.NotGit => "not-git",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not a defined ArgoCdFindingCode value."),
    };

    /// <summary>Gets the label value of a secret type (<c>repository</c>, <c>repo-creds</c>, <c>repository-write</c>, <c>repo-write-creds</c>).</summary>
    /// <param name="type">The type.</param>
    /// <returns>The label value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="type"/> is not a defined value.</exception>
    public static string Of(ArgoCdSecretType type) => type switch
    {
        ArgoCdSecretType.Repository => "repository",
        ArgoCdSecretType.RepoCreds => "repo-creds",
        ArgoCdSecretType.RepositoryWrite => "repository-write",
        ArgoCdSecretType.RepoWriteCreds => "repo-write-creds",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a defined ArgoCdSecretType value."),
    };
}
