// Licensed under the MIT License. See LICENSE in the repository root.

using BenchmarkDotNet.Attributes;
using GitTokenScopes.Benchmarks.Loopback;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace GitTokenScopes.Benchmarks.Inspection;

/// <summary>
/// Which part of a resilience pipeline costs what: one Bitbucket Server inspection (one GET through the shared
/// send-and-read path) with the library's client pipeline replaced by hand-built variants, from none to the three
/// strategies with Polly's telemetry. The variants are built here, not by the library, so that they keep measuring the
/// same thing whatever the library's default becomes.
/// </summary>
[MemoryDiagnoser]
public class PipelineVariantBenchmarks
{
    private LoopbackProvider _server = null!;
    private TokenInspectionRequest _inspection = null!;
    private readonly Dictionary<string, (ValidatorHost Host, ITokenInspector Inspector)> _hosts = [];

    public static IReadOnlyList<string> Variants { get; } = ["none", "attempt", "retry+attempt", "total+retry+attempt", "total+retry+attempt, telemetry off", "retry+attempt, telemetry off"];

    [ParamsSource(nameof(Variants))]
    public string Pipeline { get; set; } = "none";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await LoopbackProvider.StartAsync().ConfigureAwait(false);
        _inspection = new TokenInspectionRequest(BenchCredentials.BitbucketServer(_server, 1));
        var host = new ValidatorHost(o => o.Validation.CacheEnabled = false, services => Replace(services, Pipeline));
        _hosts[Pipeline] = (host, host.Inspector(GitProvider.BitbucketServer));
        var inspection = await Inspect().ConfigureAwait(false);
        if (inspection.Status != InspectionStatus.Ok)
        {
            throw new InvalidOperationException($"{Pipeline}: {inspection.Status}: {inspection.Message}");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        foreach (var (host, _) in _hosts.Values)
        {
            await host.DisposeAsync().ConfigureAwait(false);
        }

        await _server.DisposeAsync().ConfigureAwait(false);
    }

    [Benchmark(Description = "Bitbucket Server InspectAsync")]
    public Task<TokenInspection> Inspect() => _hosts[Pipeline].Inspector.InspectAsync(_inspection);

    /// <summary>Replaces the Bitbucket Server client's pipeline with <paramref name="variant"/>.</summary>
    public static void Replace(IServiceCollection services, string variant)
    {
#pragma warning disable EXTEXP0001 // Experimental in Microsoft.Extensions.Http.Resilience; used only to swap the pipeline.
        var client = services.AddHttpClient(GitTokenScopesHttpClientNames.BitbucketServer).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        if (variant == "none")
        {
            return;
        }

        client.AddResilienceHandler("variant", builder =>
        {
            if (variant.Contains("total", StringComparison.Ordinal))
            {
                builder.AddTimeout(TimeSpan.FromSeconds(25));
            }

            if (variant.Contains("retry", StringComparison.Ordinal))
            {
                builder.AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 2, UseJitter = true, ShouldRetryAfterHeader = false });
            }

            builder.AddTimeout(TimeSpan.FromSeconds(10));
            if (variant.EndsWith("telemetry off", StringComparison.Ordinal))
            {
                builder.TelemetryListener = null;
            }
        });
    }
}
