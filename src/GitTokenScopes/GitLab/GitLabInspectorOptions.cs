// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.GitLab;

/// <summary>Options of the GitLab token inspector (GitLab.com, GitLab Dedicated and self-managed GitLab).</summary>
public sealed class GitLabInspectorOptions
{
    /// <summary>Gets or sets how long one request to GitLab may take before it counts as unreachable.</summary>
    /// <value>The default value is 30 seconds. It must be positive and at most 5 minutes.</value>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets how many requests one inspection may have in flight at once. An inspection sends
    /// <c>GET /personal_access_tokens/self</c> and <c>GET /user</c> together, plus one <c>GET /projects/:id</c> per
    /// named project, all concurrently up to this cap.
    /// </summary>
    /// <value>The default value is 16. It must be between 1 and 256.</value>
    public int MaxConcurrentRequests { get; set; } = 16;

    /// <summary>Gets or sets the product name sent in the <c>User-Agent</c> header.</summary>
    /// <value>The default value is <c>GitTokenScopes</c>.</value>
    public string UserAgentProduct { get; set; } = "GitTokenScopes";
}
