// Licensed under the MIT License. See LICENSE in the repository root.

using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.Benchmarks.Micro;

/// <summary>
/// What the validator itself costs on a cache miss, without any network: a new token on every call, inspected by an
/// in-process inspector that answers at once. Baseline: that inspector alone. The rows show the validator's share of
/// an audit (requirements, cache lookup and write, snapshot, evaluation, report), with the cache off and on.
/// </summary>
[MemoryDiagnoser]
public class ValidationMissBenchmarks
{
    private readonly InstantInspector _inspector = new();
    private ServiceProvider _uncached = null!;
    private ServiceProvider _cached = null!;
    private ITokenValidator _uncachedValidator = null!;
    private ITokenValidator _cachedValidator = null!;
    private long _serial;

    [GlobalSetup]
    public void Setup()
    {
        _uncached = Build(cache: false);
        _cached = Build(cache: true);
        _uncachedValidator = _uncached.GetRequiredService<ITokenValidator>();
        _cachedValidator = _cached.GetRequiredService<ITokenValidator>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _uncached.Dispose();
        _cached.Dispose();
    }

    [Benchmark(Baseline = true, Description = "in-process inspector alone, new token")]
    public Task<TokenInspection> InspectorAlone() => _inspector.InspectAsync(new TokenInspectionRequest(NextCredential()));

    [Benchmark(Description = "ITokenValidator.ValidateAsync, cache off, new token")]
    public Task<TokenValidationReport> ValidateUncached() => _uncachedValidator.ValidateAsync(new TokenValidationRequest(NextCredential(), TokenKind.Runtime));

    [Benchmark(Description = "ITokenValidator.ValidateAsync, cache miss, new token")]
    public Task<TokenValidationReport> ValidateMiss() => _cachedValidator.ValidateAsync(new TokenValidationRequest(NextCredential(), TokenKind.Runtime));

    private GitCredential NextCredential()
        => new(GitProvider.GitHub, "ghp_" + Interlocked.Increment(ref _serial).ToString("x", CultureInfo.InvariantCulture).PadLeft(36, 'a'));

    private ServiceProvider Build(bool cache)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGitTokenScopes(o =>
        {
            o.Validation.CacheEnabled = cache;

            // Every call is a new token: short lives and a frequent scan keep the local tier from growing for the whole run.
            o.Validation.PassCacheDuration = TimeSpan.FromSeconds(1);
            o.Validation.FailCacheDuration = TimeSpan.FromSeconds(1);
        });
        services.Configure<MemoryCacheOptions>(o => o.ExpirationScanFrequency = TimeSpan.FromSeconds(1));
        services.AddSingleton<ITokenInspector>(_inspector);
        return services.BuildServiceProvider();
    }

    /// <summary>Answers every GitHub token at once as a classic token holding the Runtime scopes, as an inspection of one <c>GET /user</c> would.</summary>
    private sealed class InstantInspector : ITokenInspector
    {
        private static readonly Uri ApiUrl = new("https://api.github.com/");
        private static readonly ScopeVocabulary Classic = ScopeVocabulary.For(GitProvider.GitHub, TokenFamily.Classic);

        public GitProvider Provider => GitProvider.GitHub;

        public Task<TokenInspection> InspectAsync(TokenInspectionRequest request, CancellationToken cancellationToken = default)
            => Task.FromResult(new TokenInspection
            {
                Provider = GitProvider.GitHub,
                ApiUrl = ApiUrl,
                Status = InspectionStatus.Ok,
                CredentialFingerprint = request.Credential.Fingerprint,
                TokenType = TokenType.GitHubClassic,
                Family = TokenFamily.Classic,
                Granted = GrantedScopes.Create(Classic, ["repo", "admin:repo_hook"]),
                Account = new AccountInfo("bench-bot", "Bot", IsBot: true),
                ExpiryKnown = true,
                RequestCount = 1,
            });
    }
}
