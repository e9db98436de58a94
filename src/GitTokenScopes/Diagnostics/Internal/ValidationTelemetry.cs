// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GitTokenScopes.Diagnostics.Internal;

/// <summary>The validator's instruments; the meter comes from the host's <see cref="IMeterFactory"/> when there is one.</summary>
internal sealed class ValidationTelemetry : IDisposable
{
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
        _duration = _meter.CreateHistogram<double>(GitTokenScopesDiagnostics.ValidationDurationHistogram, "s", "Duration of token validations.");
        _inspections = _meter.CreateCounter<long>(GitTokenScopesDiagnostics.InspectionsCounter, "{inspection}", "Provider inspections by status.");
        _requests = _meter.CreateCounter<long>(GitTokenScopesDiagnostics.ProviderRequestsCounter, "{request}", "HTTP requests sent to providers.");
        _cacheLookups = _meter.CreateCounter<long>(GitTokenScopesDiagnostics.CacheLookupsCounter, "{lookup}", "Inspection cache lookups by result.");
    }

    public void Validated(GitProvider provider, TokenKind kind, ValidationVerdict verdict)
        => _validations.Add(1, new("provider", provider.ToWireName()), new("token.kind", kind.ToWireName()), new("verdict", verdict.ToWireName()));

    /// <summary>Records one call's duration (a call for several runtimes is one call), labelled with its worst verdict.</summary>
    public void Completed(GitProvider provider, ValidationVerdict worst, TimeSpan elapsed)
        => _duration.Record(elapsed.TotalSeconds, new("provider", provider.ToWireName()), new("verdict", worst.ToWireName()));

    public void Inspected(GitProvider provider, InspectionStatus status, int requestCount)
    {
        var providerName = provider.ToWireName();
        _inspections.Add(1, new("provider", providerName), new("status", status.ToWireName()));
        if (requestCount > 0)
        {
            _requests.Add(requestCount, new KeyValuePair<string, object?>("provider", providerName));
        }
    }

    public void CacheLookup(bool hit) => _cacheLookups.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
