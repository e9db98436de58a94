// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>
/// The resilience pipeline on the library's named HTTP clients (<see cref="GitTokenScopesHttpClientNames"/>): attempt and
/// total timeouts, and retries of transient failures (5xx, 408, transport errors) with jittered exponential back-off.
/// <c>Retry-After</c> is honoured up to <see cref="MaxRetryAfter"/>; 401, 403, 404 and 422 are never retried.
/// </summary>
/// <remarks>
/// The named clients' <see cref="HttpClient.Timeout"/> is infinite; this pipeline bounds the attempts until the headers
/// are in, and <see cref="ProviderInspectorOptions.RequestTimeout"/> the whole request, body included.
/// </remarks>
public sealed class GitTokenScopesResilienceOptions
{
    /// <summary>Gets or sets whether the pipeline is applied; the default is <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets how many times a transient failure is retried; the default is 2. Zero disables retries.</summary>
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>Gets or sets the base delay of the exponential back-off (jittered); the default is 200 milliseconds.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Gets or sets the longest <c>Retry-After</c> the pipeline waits for before retrying; the default is 5 seconds.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the timeout of one attempt; the default is 10 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the timeout of a request including its retries; the default is 25 seconds.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(25);
}
