// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing;

/// <summary>How the <see cref="FakeGitHubServer"/> sends a classic or OAuth token's scope header.</summary>
public enum FakeGitHubScopeHeader
{
    /// <summary>The header is sent with the token's scopes (or <see cref="FakeGitHubToken.RawScopesHeaderValue"/>).</summary>
    Present,

    /// <summary>The header is sent with an empty value, as GitHub may do for a token without scopes.</summary>
    /// <remarks>
    /// On the wire the value is a single space: WireMock drops headers whose value is empty, and HTTP parsers (RFC 9110
    /// §5.5) strip the surrounding whitespace, so clients read an empty value.
    /// </remarks>
    Empty,

    /// <summary>The header is not sent at all.</summary>
    Absent,
}
