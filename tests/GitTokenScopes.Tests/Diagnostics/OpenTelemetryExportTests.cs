// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics;
using GitTokenScopes.Testing;
using GitTokenScopes.Tests.Validation;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace GitTokenScopes.Tests.Diagnostics;

/// <summary>
/// What a host's OpenTelemetry SDK exports, read back with the in-memory exporter: the duration histogram's buckets tell
/// a cached validation from a round trip, metric and span attributes share their names, and a span is an error only when
/// the provider could not answer for the token.
/// </summary>
[Collection(OpenTelemetryCollection.Name)]
public sealed class OpenTelemetryExportTests
{
    [Fact]
    public async Task DurationHistogram_HasBucketsFromOneMillisecondToThirtySeconds()
    {
        var metrics = new List<Metric>();
        using var harness = new ValidationHarness();
        using (var meterProvider = Sdk.CreateMeterProviderBuilder().AddMeter(GitTokenScopesDiagnostics.MeterName).AddInMemoryExporter(metrics).Build())
        {
            await harness.ValidateAsync(FakeGitHubToken.Classic("repo", "admin:repo_hook"));
            meterProvider.ForceFlush();
        }

        // Meters of other tests' service providers that are not disposed yet export streams of their own, without points.
        var bounds = new List<double>();
        foreach (var histogram in metrics.Where(m => m.Name == GitTokenScopesDiagnostics.ValidationDurationHistogram))
        {
            foreach (ref readonly var point in histogram.GetMetricPoints())
            {
                foreach (var bucket in point.GetHistogramBuckets())
                {
                    bounds.Add(bucket.ExplicitBound);
                }
            }
        }

        bounds.Should().Contain([0.001, 0.005, 0.05, 0.1, 0.5, 1, 10, 30], "2 ms and 440 ms must fall in different buckets")
            .And.NotContain(b => b < 0.001 || (b > 30 && !double.IsPositiveInfinity(b)));
        bounds.Count(b => b > 0.002 && b <= 0.44).Should().BeGreaterThan(3);
    }

    [Fact]
    public async Task MetricAttributes_AreNamespacedLikeTheSpanAttributes()
    {
        var metrics = new List<Metric>();
        using var harness = new ValidationHarness();
        using (var meterProvider = Sdk.CreateMeterProviderBuilder().AddMeter(GitTokenScopesDiagnostics.MeterName).AddInMemoryExporter(metrics).Build())
        {
            await harness.ValidateAsync(FakeGitHubToken.Classic("repo", "admin:repo_hook"));
            meterProvider.ForceFlush();
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var metric in metrics)
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                foreach (var tag in point.Tags)
                {
                    keys.Add(tag.Key);
                }
            }
        }

        keys.Should().BeEquivalentTo(["gittokenscopes.provider", "gittokenscopes.token.kind", "gittokenscopes.verdict", "gittokenscopes.status", "gittokenscopes.cache.result"]);
    }

    [Theory]
    [InlineData("rate-limited", ActivityStatusCode.Error)]
    [InlineData("unreachable", ActivityStatusCode.Error)]
    [InlineData("fail", ActivityStatusCode.Unset)]
    [InlineData("pass", ActivityStatusCode.Unset)]
    public async Task ValidationSpan_IsAnErrorOnlyWhenTheProviderCouldNotAnswer(string scenario, ActivityStatusCode expected)
    {
        var spans = new List<Activity>();
        using var harness = new ValidationHarness();
        var token = FakeGitHubToken.Classic("repo", "admin:repo_hook");
        if (scenario == "fail")
        {
            token = FakeGitHubToken.Classic("repo");
        }
        else if (scenario == "rate-limited")
        {
            token.RateLimit = new FakeGitHubRateLimit { Remaining = 0, ResetAt = DateTimeOffset.UtcNow.AddMinutes(5) };
        }

        using (var tracerProvider = Sdk.CreateTracerProviderBuilder().AddSource(GitTokenScopesDiagnostics.ActivitySourceName).AddInMemoryExporter(spans).Build())
        {
            var credential = scenario == "unreachable"
                ? new GitCredential(GitProvider.GitHub, token.Value, apiUrl: new Uri("http://127.0.0.1:1/"))
                : harness.Credential(token);
            await harness.Validator.ValidateAsync(new TokenValidationRequest(credential, TokenKind.Runtime));
            tracerProvider.ForceFlush();
        }

        var span = spans.Single(s => s.OperationName == "GitTokenScopes.Validate");
        span.Status.Should().Be(expected);
        span.GetTagItem("gittokenscopes.verdict").Should().Be(scenario is "pass" or "fail" ? scenario : "indeterminate");
        span.TagObjects.Select(t => t.Value?.ToString()).Should().NotContain(token.Value, "a span never carries the token");
    }
}

/// <summary>The SDK's providers listen to every instance of the library's meter and source: these tests run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OpenTelemetryCollection
{
    public const string Name = "OpenTelemetry";
}
