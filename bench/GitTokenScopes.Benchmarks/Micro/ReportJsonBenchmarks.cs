// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json;
using BenchmarkDotNet.Attributes;
using GitTokenScopes.Benchmarks.Loopback;

namespace GitTokenScopes.Benchmarks.Micro;

/// <summary>
/// Serializing a real report (a fine-grained token over five repositories, from the loopback provider) with
/// <see cref="TokenValidationReport.ToJson"/>, against the same source-generated contract written straight to UTF-8
/// bytes (what <c>ToJson</c> costs beyond the serializer itself: the UTF-16 string).
/// </summary>
[MemoryDiagnoser]
public class ReportJsonBenchmarks
{
    private TokenValidationReport _report = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        await using var server = await LoopbackProvider.StartAsync().ConfigureAwait(false);
        await using var host = new ValidatorHost(o => o.Validation.CacheEnabled = false);
        _report = await host.Validator.ValidateAsync(ValidationScenario(server)).ConfigureAwait(false);
    }

    [Benchmark(Baseline = true, Description = "JsonSerializer.SerializeToUtf8Bytes(report, JsonTypeInfo)")]
    public byte[] Utf8Bytes() => JsonSerializer.SerializeToUtf8Bytes(_report, TokenValidationReport.JsonTypeInfo);

    [Benchmark(Description = "report.ToJson()")]
    public string ToJson() => _report.ToJson();

    [Benchmark(Description = "report.ToJson(indented: true)")]
    public string ToJsonIndented() => _report.ToJson(indented: true);

    private static TokenValidationRequest ValidationScenario(LoopbackProvider server)
        => new(BenchCredentials.GitHubFineGrained(server, 1), TokenKind.Runtime, "bench-runtime", BenchCredentials.Repositories(5));
}
