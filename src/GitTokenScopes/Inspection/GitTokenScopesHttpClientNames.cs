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

    /// <summary>The client used for GitLab.com, GitLab Dedicated and self-managed GitLab.</summary>
    public const string GitLab = "GitTokenScopes.GitLab";

    /// <summary>The client used for Bitbucket Cloud.</summary>
    public const string BitbucketCloud = "GitTokenScopes.BitbucketCloud";

    /// <summary>The client used for Bitbucket Server and Data Center.</summary>
    public const string BitbucketServer = "GitTokenScopes.BitbucketServer";
}
