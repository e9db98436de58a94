// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.ArgoCd;

/// <summary>
/// What Argo CD authenticates a repository with, in the order Argo CD tries them: a password or bearer token first,
/// then an SSH key, a GitHub App, a Google Cloud service account key, and Azure workload identity.
/// </summary>
public enum ArgoCdCredentialKind
{
    /// <summary>No credential: Argo CD clones anonymously (fine for a public repository).</summary>
    None,

    /// <summary>HTTPS with a user name (default <c>x-access-token</c>) and a password or access token. The library can check it.</summary>
    Password,

    /// <summary>HTTPS with a bearer token (Bitbucket Data Center HTTP access tokens). The library can check it.</summary>
    BearerToken,

    /// <summary>An SSH private key: the library cannot check what it may do.</summary>
    SshPrivateKey,

    /// <summary>A GitHub App (application ID, installation ID and private key): Argo CD mints installation tokens; the library cannot check it.</summary>
    GitHubApp,

    /// <summary>A Google Cloud service account key (Cloud Source Repositories): the library cannot check it.</summary>
    GoogleCloud,

    /// <summary>Azure workload identity (Azure DevOps): the pod's identity, no secret to check.</summary>
    AzureWorkloadIdentity,
}
