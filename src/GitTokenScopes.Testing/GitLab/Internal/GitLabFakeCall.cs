// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing.GitLab.Internal;

/// <summary>A request as the router sees it: method, raw (still escaped) path from the server root, raw query, the token presented, body.</summary>
internal sealed record GitLabFakeCall(string Method, string RawPath, string Query, string? Token, string? Body);
