// Licensed under the MIT License. See LICENSE in the repository root.

using BenchmarkDotNet.Attributes;
using GitTokenScopes.Benchmarks.Loopback;

namespace GitTokenScopes.Benchmarks.Inspection;

/// <summary>
/// One inspection per provider against the loopback provider answering as fast as it can, against a bare
/// <see cref="HttpClient"/> sending the same requests (same URLs, same headers, a pooled connection). The inspector
/// rows run with the library's default resilience pipeline and without it, to separate its share; the validation row
/// (cache off) adds requirements, evaluation and the report.
/// </summary>
[MemoryDiagnoser]
public class InspectionOverheadBenchmarks
{
    private LoopbackProvider _server = null!;
    private BareRequests _bare = null!;
    private ValidatorHost _defaults = null!;
    private ValidatorHost _noResilience = null!;
    private GitCredential _credential = null!;
    private TokenInspectionRequest _inspection = null!;
    private TokenValidationRequest _validation = null!;
    private ITokenInspector _inspector = null!;
    private ITokenInspector _bareInspector = null!;

    [Params(GitProvider.GitHub, GitProvider.GitLab, GitProvider.BitbucketCloud, GitProvider.BitbucketServer)]
    public GitProvider Provider { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await LoopbackProvider.StartAsync().ConfigureAwait(false);
        _bare = new BareRequests(_server);
        _defaults = new ValidatorHost(o => o.Validation.CacheEnabled = false);
        _noResilience = new ValidatorHost(o =>
        {
            o.Validation.CacheEnabled = false;
            o.Resilience.Enabled = false;
        });
        _credential = BenchCredentials.For(Provider, _server, 1);
        _inspection = new TokenInspectionRequest(_credential);
        _validation = new TokenValidationRequest(_credential, TokenKind.Runtime);
        _inspector = _defaults.Inspector(Provider);
        _bareInspector = _noResilience.Inspector(Provider);
        var inspection = await _inspector.InspectAsync(_inspection).ConfigureAwait(false);
        if (inspection.Status != InspectionStatus.Ok)
        {
            throw new InvalidOperationException($"{Provider}: the loopback provider's answers gave {inspection.Status}: {inspection.Message}");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _bare.Dispose();
        await _defaults.DisposeAsync().ConfigureAwait(false);
        await _noResilience.DisposeAsync().ConfigureAwait(false);
        await _server.DisposeAsync().ConfigureAwait(false);
    }

    [Benchmark(Baseline = true, Description = "bare HttpClient, same requests")]
    public Task<int> Bare() => _bare.ForAsync(_credential);

    [Benchmark(Description = "ITokenInspector.InspectAsync (default resilience)")]
    public Task<TokenInspection> Inspect() => _inspector.InspectAsync(_inspection);

    [Benchmark(Description = "ITokenInspector.InspectAsync (resilience off)")]
    public Task<TokenInspection> InspectWithoutResilience() => _bareInspector.InspectAsync(_inspection);

    [Benchmark(Description = "ITokenValidator.ValidateAsync (cache off)")]
    public Task<TokenValidationReport> Validate() => _defaults.Validator.ValidateAsync(_validation);
}
