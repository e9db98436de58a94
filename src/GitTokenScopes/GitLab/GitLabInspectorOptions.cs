// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.GitLab;

/// <summary>
/// Options of the GitLab token inspector. <see cref="ProviderInspectorOptions.MaxConcurrentRequests"/> defaults to 16
/// (at most 256): <c>/self</c>, <c>/user</c> and one request per named project go out together.
/// </summary>
public sealed class GitLabInspectorOptions : ProviderInspectorOptions
{
    /// <summary>Initializes a new instance of the <see cref="GitLabInspectorOptions"/> class with the defaults.</summary>
    public GitLabInspectorOptions()
        : base(maxConcurrentRequests: 16, maxConcurrentRequestsLimit: 256)
    {
    }
}
