// Licensed under the MIT License. See LICENSE in the repository root.

using BenchmarkDotNet.Attributes;
using GitTokenScopes.BitbucketCloud.Internal;
using GitTokenScopes.GitHub.Internal;
using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.Benchmarks.Micro;

/// <summary>
/// The header parsers an inspection runs on each answer, against a bare <see cref="string.Split(char, StringSplitOptions)"/>
/// of the same scope header (the least any parser must do).
/// </summary>
[MemoryDiagnoser]
public class HeaderParsingBenchmarks
{
    private const string ClassicScopes = "repo, admin:repo_hook, read:org, workflow";
    private ProviderAnswer _gitHub = null!;
    private ProviderAnswer _bitbucket = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Header names as HttpClient hands them over; the parsers look them up case-insensitively.
        _gitHub = new ProviderAnswer(200, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-OAuth-Scopes"] = ClassicScopes,
            ["github-authentication-token-expiration"] = "2030-01-01 00:00:00 UTC",
            ["x-ratelimit-limit"] = "5000",
            ["x-ratelimit-remaining"] = "4999",
            ["x-ratelimit-reset"] = "1900000000",
            ["x-ratelimit-resource"] = "core",
            ["Content-Type"] = "application/json; charset=utf-8",
        }, "{}");
        _bitbucket = new ProviderAnswer(200, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["x-oauth-scopes"] = "account, team, project, repository, repository:write, repository:admin, webhook, pullrequest, pullrequest:write, pipeline",
            ["x-credential-type"] = "app_password",
        }, "{}");
    }

    [Benchmark(Baseline = true, Description = "string.Split of X-OAuth-Scopes")]
    public string[] SplitOnly() => ClassicScopes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    [Benchmark(Description = "GitHubHeaders.Scopes")]
    public IReadOnlyList<string>? GitHubScopes() => GitHubHeaders.Scopes(_gitHub);

    [Benchmark(Description = "GitHubHeaders.Expiration")]
    public DateTimeOffset? GitHubExpiration() => GitHubHeaders.Expiration(_gitHub);

    [Benchmark(Description = "GitHubHeaders.RateLimit")]
    public RateLimitInfo? GitHubRateLimit() => GitHubHeaders.RateLimit(_gitHub, TimeProvider.System);

    [Benchmark(Description = "BitbucketCloudHeaders.Scopes + Credential")]
    public int BitbucketScopes() => BitbucketCloudHeaders.Scopes(_bitbucket)!.Count + (BitbucketCloudHeaders.Credential(_bitbucket)?.Length ?? 0);
}
