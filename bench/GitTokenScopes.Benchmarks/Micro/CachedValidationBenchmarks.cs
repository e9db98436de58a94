// Licensed under the MIT License. See LICENSE in the repository root.

using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using GitTokenScopes.Benchmarks.Loopback;
using GitTokenScopes.GitHub.Internal;
using GitTokenScopes.Validation.Internal;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.Benchmarks.Micro;

/// <summary>
/// A cached validation (HybridCache L1 hit, token fingerprint included) against a <see cref="ConcurrentDictionary{TKey, TValue}"/>
/// lookup of a precomputed key. The other rows take the cached path apart, step by step, to show where its time and
/// allocations go: the token hash, the inspection key, the HybridCache hit on a known key, and the report build.
/// </summary>
[MemoryDiagnoser]
public class CachedValidationBenchmarks
{
    private readonly ConcurrentDictionary<string, TokenValidationReport> _dictionary = new(StringComparer.Ordinal);
    private LoopbackProvider _server = null!;
    private ValidatorHost _host = null!;
    private HybridCache _cache = null!;
    private IScopeRequirements _requirements = null!;
    private TokenValidationRequest _request = null!;
    private string _key = string.Empty;
    private CachedInspection _snapshot = null!;
    private ScopeRequirement _requirement = null!;
    private GitTokenScopesOptions _options = null!;
    private readonly GitHubGuide _guide = new();

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await LoopbackProvider.StartAsync().ConfigureAwait(false);
        _host = new ValidatorHost();
        _request = new TokenValidationRequest(BenchCredentials.GitHubClassic(_server, 1), TokenKind.Runtime);
        var report = await _host.Validator.ValidateAsync(_request).ConfigureAwait(false);
        _cache = _host.Services.GetRequiredService<HybridCache>();
        _requirements = _host.Services.GetRequiredService<IScopeRequirements>();
        _options = new GitTokenScopesOptions();
        _key = InspectionKey();
        _dictionary[_key] = report;
        _snapshot = await HybridCacheHitAsync().ConfigureAwait(false);
        _requirement = ValidationQuestion.Resolve(_requirements, new ScopeRequirementKey(GitProvider.GitHub, TokenKind.Runtime, TokenFamily.Classic), null, _request.Repositories);
        if (_server.ResetCount() != 1)
        {
            throw new InvalidOperationException("The cached path reached the provider more than once.");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _host.DisposeAsync().ConfigureAwait(false);
        await _server.DisposeAsync().ConfigureAwait(false);
    }

    [Benchmark(Baseline = true, Description = "ConcurrentDictionary.TryGetValue(precomputed key)")]
    public TokenValidationReport? DictionaryHit() => _dictionary.TryGetValue(_key, out var report) ? report : null;

    [Benchmark(Description = "ITokenValidator.ValidateAsync, cached")]
    public Task<TokenValidationReport> CachedValidation() => _host.Validator.ValidateAsync(_request);

    // What a host that builds a new request (and credential) for every call pays: the question is resolved and the
    // token hashed again, while the inspection itself still comes from the cache.
    [Benchmark(Description = "ITokenValidator.ValidateAsync, cached, new request and credential per call")]
    public Task<TokenValidationReport> CachedValidationNewRequest()
        => _host.Validator.ValidateAsync(new TokenValidationRequest(CopyOf(_request.Credential), TokenKind.Runtime));

    [Benchmark(Description = "step: token hash (SHA-256), new credential")]
    public string TokenHash() => CopyOf(_request.Credential).CacheKeyHash;

    [Benchmark(Description = "step: question and inspection key (requirements + SHA-256)")]
    public string InspectionKey() => ValidationCacheKeys.Inspection(_request.Credential, "0", new ValidationQuestion(_requirements, _request, [null]).Digest);

    // The snapshot type is internal; an async wrapper adds no allocation when the hit completes synchronously.
    [Benchmark(Description = "step: HybridCache.GetOrCreateAsync hit, known key")]
    public async ValueTask<object> HybridCacheHit() => await HybridCacheHitAsync().ConfigureAwait(false);

    private ValueTask<CachedInspection> HybridCacheHitAsync()
        => _cache.GetOrCreateAsync(_key, static _ => ValueTask.FromResult<CachedInspection>(null!));

    private static GitCredential CopyOf(GitCredential credential) => new(credential.Provider, credential.Token, apiUrl: credential.ApiUrl);

    [Benchmark(Description = "step: ReportBuilder.Build from the cached inspection")]
    public TokenValidationReport ReportBuild()
        => ReportBuilder.Build(_request, null, _snapshot, _guide, _requirement, _options.Validation, DateTimeOffset.UtcNow);
}
