// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.GitLab;

/// <summary>
/// Options of the GitLab token inspector (GitLab.com, GitLab Dedicated and self-managed GitLab).
/// <see cref="ProviderInspectorOptions.MaxConcurrentRequests"/> defaults to 16 (at most 256): an inspection sends
/// <c>GET /personal_access_tokens/self</c> and <c>GET /user</c> together, plus one <c>GET /projects/:id</c> per named
/// project, all concurrently up to the cap.
/// </summary>
public sealed class GitLabInspectorOptions : ProviderInspectorOptions
{
    /// <summary>Initializes a new instance of the <see cref="GitLabInspectorOptions"/> class with the defaults.</summary>
    public GitLabInspectorOptions()
        : base(maxConcurrentRequests: 16, maxConcurrentRequestsLimit: 256)
    {
    }
}
