// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>
/// The names of the <see cref="System.Net.Http.IHttpClientFactory"/> clients the inspectors use, so that hosts can add
/// their own handlers (proxy, custom CA, resilience): <c>services.AddHttpClient(GitTokenScopesHttpClientNames.GitHub)…</c>.
/// </summary>
public static class GitTokenScopesHttpClientNames
{
    /// <summary>The client used for GitHub and GitHub Enterprise.</summary>
    public const string GitHub = "GitTokenScopes.GitHub";
}
