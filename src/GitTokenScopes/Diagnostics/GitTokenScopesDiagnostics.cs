// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>
/// The names under which the library publishes metrics and traces, for <c>AddMeter</c> and <c>AddSource</c> in a host's
/// OpenTelemetry setup. Metric attributes and span attributes share their names (<c>gittokenscopes.provider</c>,
/// <c>gittokenscopes.token.kind</c>, <c>gittokenscopes.verdict</c>, <c>gittokenscopes.status</c>). Tags never carry a token;
/// a token appears only as its fingerprint, on traces. A validation span has status Error when the provider could not
/// answer for the token (<c>unreachable</c>, <c>provider-error</c>, <c>rate-limited</c>); a failing verdict is not an error.
/// </summary>
public static class GitTokenScopesDiagnostics
{
    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string MeterName = "GitTokenScopes";

    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/>.</summary>
    public const string ActivitySourceName = "GitTokenScopes";

    /// <summary>Counter of reports (one per runtime of a call), tagged <c>gittokenscopes.provider</c>, <c>gittokenscopes.token.kind</c> and <c>gittokenscopes.verdict</c>.</summary>
    public const string ValidationsCounter = "gittokenscopes.validations";

    /// <summary>
    /// Histogram of call durations in seconds (one per call, whatever its runtimes), tagged <c>gittokenscopes.provider</c>
    /// and the worst <c>gittokenscopes.verdict</c>; its bucket advice runs from 1 ms to 30 s.
    /// </summary>
    public const string ValidationDurationHistogram = "gittokenscopes.validation.duration";

    /// <summary>Counter of inspections (calls to a provider inspector), tagged <c>gittokenscopes.provider</c> and <c>gittokenscopes.status</c>.</summary>
    public const string InspectionsCounter = "gittokenscopes.inspections";

    /// <summary>Counter of HTTP requests sent to providers, tagged <c>gittokenscopes.provider</c>.</summary>
    public const string ProviderRequestsCounter = "gittokenscopes.provider.requests";

    /// <summary>
    /// Counter of cache lookups, tagged <c>gittokenscopes.cache.result</c>: <c>miss</c> when the call ran an inspection, <c>hit</c> when it did
    /// not (served from the cache, or joined an inspection another call was running).
    /// </summary>
    public const string CacheLookupsCounter = "gittokenscopes.cache.lookups";
}
