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
}
