// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing;

/// <summary>The kinds of GitHub token the <see cref="FakeGitHubServer"/> tells apart.</summary>
/// <remarks>The fake trusts <see cref="FakeGitHubToken.Kind"/>; it never derives the kind from the token's prefix.</remarks>
public enum FakeGitHubTokenKind
{
    /// <summary>A personal access token (classic): <c>ghp_…</c>, or a legacy 40-hex-character token. Answers carry <c>X-OAuth-Scopes</c>.</summary>
    Classic,

    /// <summary>A fine-grained personal access token: <c>github_pat_…</c>. No scope header; permissions are per repository.</summary>
    FineGrained,

    /// <summary>An OAuth app user access token: <c>gho_…</c>. Answers carry <c>X-OAuth-Scopes</c>, like a classic token.</summary>
    OAuth,

    /// <summary>A GitHub App user access token (user-to-server): <c>ghu_…</c>. No scope header; permissions are per repository.</summary>
    AppUser,

    /// <summary>A GitHub App installation access token (server-to-server): <c>ghs_…</c>. Cannot call <c>GET /user</c>.</summary>
    AppInstallation,
}
