// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.Tests.Validation;

public sealed class TokenValidatorCacheTests
{
    [Fact]
    public async Task SecondValidation_ComesFromTheCache()
    {
        using var harness = new ValidationHarness();
        var token = FakeGitHubToken.Classic("repo", "admin:repo_hook");

        var first = await harness.ValidateAsync(token);
        var second = await harness.ValidateAsync(token);

        harness.Server.Requests.Should().HaveCount(1);
        second.Verdict.Should().Be(first.Verdict);
        second.CheckedAt.Should().Be(first.CheckedAt, "the second report describes the same inspection");
        harness.CacheLookups.GetMeasurementSnapshot().Select(m => m.Tags["result"]).Should().Equal("miss", "hit");
        harness.ProviderRequests.GetMeasurementSnapshot().Sum(m => m.Value).Should().Be(1);
    }

    [Fact]
    public async Task DifferentRepositories_AreDifferentQuestions()
    {
        using var harness = new ValidationHarness();
        harness.Server.AddRepository(new FakeGitHubRepository { FullName = "acme/config" });
        var token = FakeGitHubToken.Classic("repo", "admin:repo_hook").WithRepository("acme/config", new FakeGitHubGrant { Role = "write" });

        await harness.ValidateAsync(token);
        await harness.ValidateAsync(token, repositories: [new RepositoryRequest("acme/config")]);

        harness.Server.Requests.Should().HaveCount(3, "one inspection without repositories, then one with the repository (user + repo)");
    }

    [Fact]
    public async Task Invalidate_ForgetsTheToken()
    {
        using var harness = new ValidationHarness();
        var token = FakeGitHubToken.Classic("repo");
        var credential = harness.Credential(token);

        var before = await harness.Validator.ValidateAsync(new TokenValidationRequest(credential, TokenKind.Runtime));
        token.Scopes.Add("admin:repo_hook");
        var cached = await harness.Validator.ValidateAsync(new TokenValidationRequest(credential, TokenKind.Runtime));
        await harness.Validator.InvalidateAsync(credential);
        var after = await harness.Validator.ValidateAsync(new TokenValidationRequest(credential, TokenKind.Runtime));

        before.Verdict.Should().Be(ValidationVerdict.Fail);
        cached.Verdict.Should().Be(ValidationVerdict.Fail, "within the failure duration the cached inspection answers");
        after.Verdict.Should().Be(ValidationVerdict.Pass, "the owner fixed the token and the host forgot the old inspection");
        harness.Server.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Invalidate_LeavesOtherTokensCached()
    {
        using var harness = new ValidationHarness();
        var one = FakeGitHubToken.Classic("repo");
        var other = FakeGitHubToken.Classic("repo");

        await harness.ValidateAsync(one, TokenKind.User);
        await harness.ValidateAsync(other, TokenKind.User);
        await harness.Validator.InvalidateAsync(harness.Credential(one));
        await harness.ValidateAsync(other, TokenKind.User);

        harness.Server.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Failures_LiveForTheShorterDuration()
    {
        using var harness = new ValidationHarness(o =>
        {
            o.Validation.PassCacheDuration = TimeSpan.FromHours(1);
            o.Validation.FailCacheDuration = TimeSpan.FromMilliseconds(1);
        });
        var passing = FakeGitHubToken.Classic("repo", "admin:repo_hook");
        var failing = FakeGitHubToken.Classic("repo");

        await harness.ValidateAsync(passing);
        await harness.ValidateAsync(failing);
        await Task.Delay(50);
        await harness.ValidateAsync(passing);
        await harness.ValidateAsync(failing);

        harness.Server.Requests.Count(r => r.TokenFingerprint == passing.Fingerprint).Should().Be(1);
        harness.Server.Requests.Count(r => r.TokenFingerprint == failing.Fingerprint).Should().Be(2);
    }

    [Fact]
    public async Task CacheDisabled_AsksEveryTime()
    {
        using var harness = new ValidationHarness(o => o.Validation.CacheEnabled = false);
        var token = FakeGitHubToken.Classic("repo", "admin:repo_hook");

        await harness.ValidateAsync(token);
        await harness.ValidateAsync(token);

        harness.Server.Requests.Should().HaveCount(2);
        harness.CacheLookups.GetMeasurementSnapshot().Should().BeEmpty();
    }

    [Fact]
    public async Task Stampede_ThousandConcurrentValidations_OneInspection()
    {
        using var harness = new ValidationHarness();
        var token = FakeGitHubToken.Classic("repo", "admin:repo_hook");
        token.Delay = TimeSpan.FromMilliseconds(300);
        var credential = harness.Credential(token);
        using var start = new ManualResetEventSlim();

        var validations = Enumerable.Range(0, 1000).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await harness.Validator.ValidateAsync(new TokenValidationRequest(credential, TokenKind.Runtime));
        })).ToArray();
        start.Set();
        var reports = await Task.WhenAll(validations);

        reports.Should().OnlyContain(r => r.Verdict == ValidationVerdict.Pass);
        harness.Server.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task HostsOwnHybridCacheRegistration_IsKept()
    {
        using var harness = new ValidationHarness(services: s => s.AddHybridCache(o => o.MaximumKeyLength = 2048));

        var options = harness.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.Extensions.Caching.Hybrid.HybridCacheOptions>>().Value;
        var report = await harness.ValidateAsync(FakeGitHubToken.Classic("repo", "admin:repo_hook"));

        options.MaximumKeyLength.Should().Be(2048);
        report.Verdict.Should().Be(ValidationVerdict.Pass);
    }

    [RedisFact]
    public async Task RedisSecondTier_IsSharedAcrossServiceProviders()
    {
        using var server = FakeGitHubServer.Start(new FakeGitHubServerOptions());
        var instance = $"gts-test-{Guid.NewGuid():N}:";
        void Redis(IServiceCollection services) => services.AddStackExchangeRedisCache(o =>
        {
            o.Configuration = RedisFactAttribute.Configuration;
            o.InstanceName = instance;
        });
        using var first = new ValidationHarness(services: Redis, server: server);
        using var second = new ValidationHarness(services: Redis, server: server);
        var token = FakeGitHubToken.Classic("repo", "admin:repo_hook");

        var a = await first.ValidateAsync(token);
        await WaitForRedisEntriesAsync(instance);
        var b = await second.ValidateAsync(token);

        server.Requests.Should().HaveCount(1, "the second service provider found the inspection in Redis");
        b.Verdict.Should().Be(ValidationVerdict.Pass);
        b.CheckedAt.Should().Be(a.CheckedAt);
        b.GrantedScopes.Should().Equal(a.GrantedScopes);
        second.CacheLookups.GetMeasurementSnapshot().Single().Tags["result"].Should().Be("hit");
    }

    [RedisFact]
    public async Task RedisSecondTier_InvalidationReachesTheOtherServiceProvider()
    {
        using var server = FakeGitHubServer.Start(new FakeGitHubServerOptions());
        var instance = $"gts-test-{Guid.NewGuid():N}:";
        void Redis(IServiceCollection services) => services.AddStackExchangeRedisCache(o =>
        {
            o.Configuration = RedisFactAttribute.Configuration;
            o.InstanceName = instance;
        });
        using var first = new ValidationHarness(services: Redis, server: server);
        using var second = new ValidationHarness(services: Redis, server: server);
        var token = FakeGitHubToken.Classic("repo", "admin:repo_hook");

        await first.ValidateAsync(token);
        await WaitForRedisEntriesAsync(instance);
        await first.Validator.InvalidateAsync(first.Credential(token));
        await second.ValidateAsync(token);

        server.Requests.Should().HaveCount(2, "the invalidation recorded in Redis made the entry stale for every provider");
    }

    /// <summary>HybridCache writes its second tier after answering the caller; wait until the entry is in Redis.</summary>
    private static async Task WaitForRedisEntriesAsync(string instance)
    {
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(RedisFactAttribute.Configuration);
        var server = redis.GetServers().Single();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (server.Keys(pattern: instance + "*").Any())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("HybridCache wrote nothing to Redis within 5 seconds.");
    }
}
