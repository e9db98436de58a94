// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing;

/// <summary>The kinds of Bitbucket Cloud credential a <see cref="FakeBitbucketCloudServer"/> understands.</summary>
public enum FakeBitbucketCloudCredentialKind
{
    /// <summary>An app password: Basic with the Bitbucket username; classic scopes; <c>x-credential-type: app_password</c>.</summary>
    AppPassword,

    /// <summary>An Atlassian API token with scopes: Basic with the Atlassian e-mail address; granular <c>…:bitbucket</c> scopes; <c>x-credential-type: api_token</c>.</summary>
    ApiToken,

    /// <summary>A repository access token: Bearer; classic scopes; <c>x-credential-type: repo_access_token</c>.</summary>
    RepositoryAccessToken,

    /// <summary>A project access token: Bearer; classic scopes; <c>x-credential-type: project_access_token</c>.</summary>
    ProjectAccessToken,

    /// <summary>A workspace access token: Bearer; classic scopes; <c>x-credential-type: workspace_access_token</c>.</summary>
    WorkspaceAccessToken,

    /// <summary>An OAuth 2 access token of a consumer: Bearer; classic scopes; <c>x-credential-type: oauth2</c>.</summary>
    OAuth,
}
