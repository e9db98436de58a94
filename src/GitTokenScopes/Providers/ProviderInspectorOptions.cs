// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>What every provider inspector's options share: one request's time and size budget, requests in flight, the <c>User-Agent</c>.</summary>
public abstract class ProviderInspectorOptions
{
    private protected ProviderInspectorOptions(int maxConcurrentRequests, int maxConcurrentRequestsLimit)
    {
        MaxConcurrentRequests = maxConcurrentRequests;
        MaxConcurrentRequestsLimit = maxConcurrentRequestsLimit;
    }

    /// <summary>
    /// Gets or sets the budget of one request: connecting, the pipeline's attempts and back-off
    /// (<see cref="GitTokenScopesResilienceOptions"/>) and the body. A request past it is unreachable.
    /// </summary>
    /// <value>The default value is 30 seconds. It must be positive and at most 5 minutes.</value>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets the largest answer body read, in bytes. A larger one (by its <c>Content-Length</c>, or once reading
    /// passes the limit) is abandoned and the inspection is <see cref="InspectionStatus.ProviderError"/>, so a hostile or
    /// broken server cannot exhaust memory.
    /// </summary>
    /// <value>The default value is 1 MiB, far above any real answer. It must be between 1 KiB and 64 MiB.</value>
    public long MaxResponseBodySize { get; set; } = 1024 * 1024;

    /// <summary>Gets or sets how many requests one inspection may have in flight at once; the rest wait their turn.</summary>
    /// <value>The default value and the upper bound depend on the provider (see the derived class); the lower bound is 1.</value>
    public int MaxConcurrentRequests { get; set; }

    /// <summary>Gets or sets the product name sent in the <c>User-Agent</c> header.</summary>
    /// <value>The default value is <c>GitTokenScopes</c>.</value>
    public string UserAgentProduct { get; set; } = "GitTokenScopes";

    /// <summary>Gets the highest <see cref="MaxConcurrentRequests"/> the provider allows.</summary>
    internal int MaxConcurrentRequestsLimit { get; }
}
