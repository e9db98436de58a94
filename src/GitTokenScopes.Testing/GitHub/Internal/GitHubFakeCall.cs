// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing.GitHub.Internal;

/// <summary>A request as the router sees it: method, URL-decoded path from the server root, raw query, the token read from <c>Authorization</c>, body.</summary>
internal sealed record GitHubFakeCall(string Method, string Path, string Query, string? Token, string? Body)
{
    public bool IsHead => string.Equals(Method, "HEAD", StringComparison.OrdinalIgnoreCase);
}
