// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing;

/// <summary>How the <see cref="FakeGitHubServer"/> sends a classic or OAuth token's scope header.</summary>
public enum FakeGitHubScopeHeader
{
    /// <summary>The header is sent with the token's scopes (or <see cref="FakeGitHubToken.RawScopesHeaderValue"/>).</summary>
    Present,

    /// <summary>The header is sent with an empty value (<c>X-OAuth-Scopes: </c>), as GitHub may do for a token without scopes.</summary>
    Empty,

    /// <summary>The header is not sent at all.</summary>
    Absent,
}
