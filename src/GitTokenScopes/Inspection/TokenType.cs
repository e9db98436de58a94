// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json.Serialization;

namespace GitTokenScopes;

/// <summary>The kind of token the provider issued, as recognized from its prefix and the provider's answers.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TokenType>))]
public enum TokenType
{
    /// <summary>Not recognized.</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,

    /// <summary>GitHub classic personal access token (<c>ghp_</c>, or a legacy 40-hexadecimal token).</summary>
    [JsonStringEnumMemberName("github-classic")]
    GitHubClassic,

    /// <summary>GitHub fine-grained personal access token (<c>github_pat_</c>).</summary>
    [JsonStringEnumMemberName("github-fine-grained")]
    GitHubFineGrained,

    /// <summary>GitHub OAuth app user token (<c>gho_</c>); carries classic scopes.</summary>
    [JsonStringEnumMemberName("github-oauth")]
    GitHubOAuth,

    /// <summary>GitHub App user-to-server token (<c>ghu_</c>); carries fine-grained permissions.</summary>
    [JsonStringEnumMemberName("github-app-user")]
    GitHubAppUser,

    /// <summary>GitHub App installation token (<c>ghs_</c>, also Actions' <c>GITHUB_TOKEN</c>); carries fine-grained permissions.</summary>
    [JsonStringEnumMemberName("github-app-installation")]
    GitHubAppInstallation,

    /// <summary>GitHub App refresh token (<c>ghr_</c>); it cannot call the API.</summary>
    [JsonStringEnumMemberName("github-refresh")]
    GitHubRefresh,

    /// <summary>GitLab personal access token (<c>glpat-</c>) owned by a human user.</summary>
    [JsonStringEnumMemberName("gitlab-personal")]
    GitLabPersonal,

    /// <summary>GitLab project access token (<c>glpat-</c>), owned by a <c>project_…_bot…</c> user.</summary>
    [JsonStringEnumMemberName("gitlab-project")]
    GitLabProject,

    /// <summary>GitLab group access token (<c>glpat-</c>), owned by a <c>group_…_bot…</c> user.</summary>
    [JsonStringEnumMemberName("gitlab-group")]
    GitLabGroup,

    /// <summary>GitLab impersonation token, created by an administrator on behalf of a user.</summary>
    [JsonStringEnumMemberName("gitlab-impersonation")]
    GitLabImpersonation,

    /// <summary>A GitLab token that is not an access token (deploy <c>gldt-</c>, runner <c>glrt-</c>, CI job <c>glcbt-</c>, OAuth, …); it is not meant for this use.</summary>
    [JsonStringEnumMemberName("gitlab-other")]
    GitLabOther,

    /// <summary>Bitbucket Cloud app password (Basic authentication with the Bitbucket username); removed by Atlassian on 2026-07-28.</summary>
    [JsonStringEnumMemberName("bitbucket-app-password")]
    BitbucketAppPassword,

    /// <summary>Atlassian API token with Bitbucket scopes (Basic authentication with the Atlassian e-mail address).</summary>
    [JsonStringEnumMemberName("bitbucket-api-token")]
    BitbucketApiToken,

    /// <summary>Bitbucket Cloud repository access token (Bearer).</summary>
    [JsonStringEnumMemberName("bitbucket-repository-access-token")]
    BitbucketRepositoryAccessToken,

    /// <summary>Bitbucket Cloud project access token (Bearer).</summary>
    [JsonStringEnumMemberName("bitbucket-project-access-token")]
    BitbucketProjectAccessToken,

    /// <summary>Bitbucket Cloud workspace access token (Bearer).</summary>
    [JsonStringEnumMemberName("bitbucket-workspace-access-token")]
    BitbucketWorkspaceAccessToken,

    /// <summary>Bitbucket Cloud OAuth access token (Bearer).</summary>
    [JsonStringEnumMemberName("bitbucket-oauth")]
    BitbucketOAuth,

    /// <summary>Bitbucket Server or Data Center personal HTTP access token.</summary>
    [JsonStringEnumMemberName("bitbucket-server-personal")]
    BitbucketServerPersonal,

    /// <summary>Bitbucket Server or Data Center project HTTP access token.</summary>
    [JsonStringEnumMemberName("bitbucket-server-project")]
    BitbucketServerProject,

    /// <summary>Bitbucket Server or Data Center repository HTTP access token.</summary>
    [JsonStringEnumMemberName("bitbucket-server-repository")]
    BitbucketServerRepository,

    /// <summary>A Bitbucket Server or Data Center HTTP access token whose scope (personal, project or repository) could not be determined.</summary>
    [JsonStringEnumMemberName("bitbucket-server-http-access-token")]
    BitbucketServerHttpAccessToken,

    /// <summary>A GitLab personal access token (<c>glpat-</c>) of a service account (a <c>bot</c> user that is not a project or group bot).</summary>
    [JsonStringEnumMemberName("gitlab-service-account")]
    GitLabServiceAccount,
}
