// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics;
using System.Diagnostics.Metrics;
using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.Diagnostics.Internal;

/// <summary>
/// The validator's instruments; the meter comes from the host's <see cref="IMeterFactory"/> when there is one. Metric
/// attributes carry the span attributes' names (<c>gittokenscopes.provider</c>, …), so one query language serves both.
/// </summary>
internal sealed class ValidationTelemetry : IDisposable
{
    public const string ProviderTag = "gittokenscopes.provider";
    public const string TokenKindTag = "gittokenscopes.token.kind";
    public const string VerdictTag = "gittokenscopes.verdict";
    public const string StatusTag = "gittokenscopes.status";

    // A cached validation takes microseconds, one round trip 50-300 ms, a slow provider with retries tens of seconds:
    // buckets from 1 ms to 30 s keep those apart (the default buckets put 2 ms and 440 ms in one).
    private static readonly double[] DurationBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 0.75, 1, 2.5, 5, 10, 30];

    public static readonly ActivitySource ActivitySource = new(GitTokenScopesDiagnostics.ActivitySourceName, typeof(ValidationTelemetry).Assembly.GetName().Version?.ToString());

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _validations;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _inspections;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _cacheLookups;

    public ValidationTelemetry(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(GitTokenScopesDiagnostics.MeterName) ?? new Meter(GitTokenScopesDiagnostics.MeterName);
        _validations = _meter.CreateCounter<long>(GitTokenScopesDiagnostics.ValidationsCounter, "{validation}", "Token validations by verdict.");
        _duration = _meter.CreateHistogram(GitTokenScopesDiagnostics.ValidationDurationHistogram, "s", "Duration of token validations.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _inspections = _meter.CreateCounter<long>(GitTokenScopesDiagnostics.InspectionsCounter, "{inspection}", "Provider inspections by status.");
        _requests = _meter.CreateCounter<long>(GitTokenScopesDiagnostics.ProviderRequestsCounter, "{request}", "HTTP requests sent to providers.");
        _cacheLookups = _meter.CreateCounter<long>(GitTokenScopesDiagnostics.CacheLookupsCounter, "{lookup}", "Inspection cache lookups by result.");
    }

    public void Validated(GitProvider provider, TokenKind kind, ValidationVerdict verdict)
        => _validations.Add(1, new(ProviderTag, provider.ToWireName()), new(TokenKindTag, kind.ToWireName()), new(VerdictTag, verdict.ToWireName()));

    /// <summary>Records one call's duration (a call for several runtimes is one call), labelled with its worst verdict.</summary>
    public void Completed(GitProvider provider, ValidationVerdict worst, TimeSpan elapsed)
        => _duration.Record(elapsed.TotalSeconds, new(ProviderTag, provider.ToWireName()), new(VerdictTag, worst.ToWireName()));

    public void Inspected(GitProvider provider, InspectionStatus status, int requestCount)
    {
        var providerName = provider.ToWireName();
        _inspections.Add(1, new(ProviderTag, providerName), new(StatusTag, status.ToWireName()));
        if (requestCount > 0)
        {
            _requests.Add(requestCount, new KeyValuePair<string, object?>(ProviderTag, providerName));
        }
    }

    /// <summary>Starts the span of one permission probe (a child of the validation's span; the HTTP client's span nests in it).</summary>
    public static Activity? StartProbe(GitProvider provider, PermissionProbe probe, string repository)
    {
        var span = ActivitySource.StartActivity("GitTokenScopes.Probe");
        span?.SetTag(ProviderTag, provider.ToWireName());
        span?.SetTag("gittokenscopes.probe.permission", probe.Scope);
        span?.SetTag("gittokenscopes.repository", repository);
        span?.SetTag("http.request.method", probe.Method.Method);
        return span;
    }

    /// <summary>
    /// Ends a probe's span with what it showed. A probe is built so that its refusal answers the question (a 404 or
    /// 403 says "missing", a 422 to a payload GitHub must reject says "granted"), so a 4xx that settled the permission
    /// is the expected answer: the span says so and is not an error, however the HTTP client's own span reads a 4xx.
    /// Only an answer that settled nothing (unreachable, rate limited, a 5xx, a write that succeeded) is an error.
    /// </summary>
    public static void EndProbe(Activity? span, ProbeResult result)
    {
        if (span is null)
        {
            return;
        }

        var verdict = result.Verdict switch
        {
            ProbeVerdict.Granted => "granted",
            ProbeVerdict.Denied => "denied",
            ProbeVerdict.RateLimited => "rate-limited",
            ProbeVerdict.SsoRequired => "sso-required",
            ProbeVerdict.PolicyForbidden => "policy-forbidden",
            ProbeVerdict.UnexpectedSuccess => "unexpected-success",
            _ => "unknown",
        };
        span.SetTag("gittokenscopes.probe.verdict", verdict);
        if (result.Answer is { } answer)
        {
            span.SetTag("http.response.status_code", answer.StatusCode);
            span.SetTag("gittokenscopes.probe.expected_rejection", answer.StatusCode >= 400 && result.Verdict is ProbeVerdict.Granted or ProbeVerdict.Denied);
        }

        if (result.Verdict is not (ProbeVerdict.Granted or ProbeVerdict.Denied))
        {
            span.SetStatus(ActivityStatusCode.Error, verdict);
        }
    }

    public void CacheLookup(bool hit) => _cacheLookups.Add(1, new KeyValuePair<string, object?>("gittokenscopes.cache.result", hit ? "hit" : "miss"));

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
