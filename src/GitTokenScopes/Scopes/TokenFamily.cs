// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json.Serialization;

namespace GitTokenScopes;

/// <summary>
/// A family of tokens that share one scope vocabulary within a provider. The catalogue is keyed by
/// provider, token kind and family, because the same need is spelled differently in each vocabulary.
/// </summary>
/// <remarks>
/// The JSON and configuration names are <c>classic</c>, <c>fine-grained</c>, <c>personal-access-token</c>,
/// <c>app-password</c>, <c>api-token</c> and <c>http-access-token</c>.
/// </remarks>
[JsonConverter(typeof(JsonStringEnumConverter<TokenFamily>))]
public enum TokenFamily
{
    /// <summary>
    /// GitHub tokens that carry OAuth scopes (<c>repo</c>, <c>admin:repo_hook</c>, …): classic personal access
    /// tokens (<c>ghp_</c>, legacy 40-hex) and OAuth app tokens (<c>gho_</c>).
    /// </summary>
    [JsonStringEnumMemberName("classic")]
    Classic,

    /// <summary>
    /// Tokens that carry fine-grained permissions: on GitHub (<c>contents=write</c>, …) fine-grained personal access
    /// tokens (<c>github_pat_</c>) and GitHub App tokens (<c>ghs_</c>, <c>ghu_</c>); on GitLab (<c>download_code</c>, …)
    /// fine-grained personal access tokens (GitLab 18.10 and later, <c>scopes: ["granular"]</c>).
    /// </summary>
    [JsonStringEnumMemberName("fine-grained")]
    FineGrained,

    /// <summary>
    /// GitLab personal, project, group and impersonation access tokens (<c>glpat-</c>), which share GitLab's scopes.
    /// </summary>
    [JsonStringEnumMemberName("personal-access-token")]
    PersonalAccessToken,

    /// <summary>
    /// Bitbucket Cloud credentials that use the classic scope names (<c>repository:write</c>, <c>webhook</c>, …):
    /// app passwords, OAuth consumers and repository, project or workspace access tokens.
    /// </summary>
    [JsonStringEnumMemberName("app-password")]
    AppPassword,

    /// <summary>
    /// Bitbucket Cloud Atlassian API tokens with scopes (<c>read:repository:bitbucket</c>, …).
    /// </summary>
    [JsonStringEnumMemberName("api-token")]
    ApiToken,

    /// <summary>
    /// Bitbucket Server and Data Center HTTP access tokens (personal, project or repository), which hold
    /// <c>PROJECT_*</c> and <c>REPO_*</c> permissions.
    /// </summary>
    [JsonStringEnumMemberName("http-access-token")]
    HttpAccessToken,
}
