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
        harness.CacheLookups.GetMeasurementSnapshot().Select(m => m.Tags["gittokenscopes.cache.result"]).Should().Equal("miss", "hit");
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
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Async callers released together by one gate: no thread is blocked, so all of them overlap the inspection.
        var validations = Enumerable.Range(0, 1000).Select(async _ =>
        {
            await start.Task;
            return await harness.Validator.ValidateAsync(new TokenValidationRequest(credential, TokenKind.Runtime));
        }).ToArray();
        start.SetResult();
        var reports = await Task.WhenAll(validations);

        reports.Should().OnlyContain(r => r.Verdict == ValidationVerdict.Pass);
        harness.Server.Requests.Should().HaveCount(1);
        harness.CacheLookups.GetMeasurementSnapshot().Count(m => (string?)m.Tags["gittokenscopes.cache.result"] == "miss").Should().Be(1, "one call inspected; the others joined it");
    }

    [Fact]
    public async Task CallerThatInspectedAndGaveUp_LeavesNoLongLivedFailure()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fake = new FakeTokenInspector(GitProvider.GitLab).Answer(async (request, _) =>
        {
            await release.Task;
            return new TokenInspection
            {
                Provider = GitProvider.GitLab,
                ApiUrl = new Uri("https://gitlab.example.com/api/v4/"),
                Status = InspectionStatus.RateLimited,
                CredentialFingerprint = request.Credential.Fingerprint,
            };
        });
        using var harness = new ValidationHarness(
            o =>
            {
                o.Validation.PassCacheDuration = TimeSpan.FromHours(1);
                o.Validation.FailCacheDuration = TimeSpan.FromMilliseconds(1);
            },
            s => s.AddSingleton<ITokenInspector>(fake));
        var request = new TokenValidationRequest(new GitCredential(GitProvider.GitLab, "glpat-cancelled"), TokenKind.User);
        using var cancellation = new CancellationTokenSource();

        var first = harness.Validator.ValidateAsync(request, cancellation.Token);
        var second = harness.Validator.ValidateAsync(request);
        await cancellation.CancelAsync();
        release.SetResult();
        var act = () => first;
        await act.Should().ThrowAsync<OperationCanceledException>();
        (await second).Verdict.Should().Be(ValidationVerdict.Indeterminate);
        await Task.Delay(50);
        await harness.Validator.ValidateAsync(request);

        fake.CallCount.Should().Be(2, "the rate-limited answer was not kept for the pass duration");
    }

    [Fact]
    public async Task EntryDuration_DoesNotDependOnTheFirstCallersPolicy()
    {
        using var harness = new ValidationHarness(o =>
        {
            o.Validation.PassCacheDuration = TimeSpan.FromHours(1);
            o.Validation.FailCacheDuration = TimeSpan.FromMilliseconds(1);
        });
        var token = FakeGitHubToken.Classic("repo");

        var lenient = await harness.ValidateAsync(token, skipPermissions: true);
        await Task.Delay(50);
        var strict = await harness.ValidateAsync(token);

        lenient.Verdict.Should().Be(ValidationVerdict.Pass);
        strict.Verdict.Should().Be(ValidationVerdict.Fail);
        harness.Server.Requests.Should().HaveCount(2, "an inspection with a missing scope lives only for the failure duration, whoever asked first");
    }

    [Fact]
    public async Task RepositoryGrantedOnlyForAWeakerNeed_FailsAndLivesForTheShorterDuration()
    {
        // A host's inspector that judged read access where read and write were asked: the report does not take the
        // grant as proof of write access, and neither does the cache.
        var fake = new FakeTokenInspector(GitProvider.GitHub).Answer(request => new TokenInspection
        {
            Provider = GitProvider.GitHub,
            ApiUrl = FakeTokenInspector.ApiUrlOf(request),
            Status = InspectionStatus.Ok,
            CredentialFingerprint = request.Credential.Fingerprint,
            Family = TokenFamily.Classic,
            Granted = GrantedScopes.Create(ScopeVocabulary.For(GitProvider.GitHub, TokenFamily.Classic), ["repo", "admin:repo_hook"]),
            Repositories = [new RepositoryAccessResult("acme/config", RepositoryAccess.Read, RepositoryAccessState.Granted, true, false, "Read.")],
        });
        using var harness = new ValidationHarness(
            o =>
            {
                o.Validation.PassCacheDuration = TimeSpan.FromHours(1);
                o.Validation.FailCacheDuration = TimeSpan.FromMilliseconds(1);
            },
            s => s.AddSingleton<ITokenInspector>(fake));
        var request = new TokenValidationRequest(new GitCredential(GitProvider.GitHub, "ghp_" + new string('e', 36)), TokenKind.Runtime, repositories: [new RepositoryRequest("acme/config")]);

        var first = await harness.Validator.ValidateAsync(request);
        await Task.Delay(50);
        await harness.Validator.ValidateAsync(request);

        first.Verdict.Should().Be(ValidationVerdict.Fail);
        first.Repositories.Should().ContainSingle().Which.State.Should().Be(RepositoryAccessState.Insufficient);
        fake.CallCount.Should().Be(2, "an inspection whose report fails is not kept for the pass duration");
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

    [Fact]
    public async Task EntryAnotherInstanceWrote_IsReadFromTheDistributedTierOnce_ThenServedLocally()
    {
        var distributed = new RecordingDistributedCache();
        var fake = new FakeTokenInspector(GitProvider.GitLab).Grant(TokenFamily.PersonalAccessToken, "api", "write_repository");
        void Shared(IServiceCollection services) => services.AddSingleton<Microsoft.Extensions.Caching.Distributed.IDistributedCache>(distributed).AddSingleton<ITokenInspector>(fake);
        using var first = new ValidationHarness(services: Shared);
        using var second = new ValidationHarness(services: Shared);
        var credential = new GitCredential(GitProvider.GitLab, "glpat-shared-between-instances");

        var written = await first.Validator.ValidateAsync(new TokenValidationRequest(credential, TokenKind.User));
        await WaitForAsync(() => distributed.Writes.Any(w => IsInspectionKey(w.Key)));
        var readsBefore = distributed.Reads.Count(IsInspectionKey);
        var reports = new List<TokenValidationReport>();
        for (var i = 0; i < 5; i++)
        {
            reports.Add(await second.Validator.ValidateAsync(new TokenValidationRequest(credential, TokenKind.User)));
        }

        written.Verdict.Should().Be(ValidationVerdict.Pass);
        reports.Should().OnlyContain(r => r.Verdict == ValidationVerdict.Pass && r.CheckedAt == written.CheckedAt);
        fake.CallCount.Should().Be(1, "the second instance found the first one's inspection in the distributed tier");
        (distributed.Reads.Count(IsInspectionKey) - readsBefore).Should().Be(1, "the entry read from the distributed tier is kept in the second instance's local tier");
        second.CacheLookups.GetMeasurementSnapshot().Should().HaveCount(5).And.OnlyContain(m => (string?)m.Tags["gittokenscopes.cache.result"] == "hit");

        static bool IsInspectionKey(string key) => key.StartsWith("gts", StringComparison.Ordinal) && key.Contains(":gitlab:", StringComparison.Ordinal);
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
        second.CacheLookups.GetMeasurementSnapshot().Single().Tags["gittokenscopes.cache.result"].Should().Be("hit");
    }

    [RedisFact]
    public async Task RedisSecondTier_InvalidationReachesAnotherServiceProviderThatHoldsTheEntry()
    {
        using var server = FakeGitHubServer.Start(new FakeGitHubServerOptions());
        var instance = $"gts-test-{Guid.NewGuid():N}:";
        void Redis(IServiceCollection services) => services.AddStackExchangeRedisCache(o =>
        {
            o.Configuration = RedisFactAttribute.Configuration;
            o.InstanceName = instance;
        });
        void Quick(GitTokenScopesOptions o) => o.Validation.InvalidationPropagationTime = TimeSpan.FromMilliseconds(200);
        using var first = new ValidationHarness(Quick, Redis, server);
        using var second = new ValidationHarness(Quick, Redis, server);
        var token = FakeGitHubToken.Classic("repo", "admin:repo_hook");

        await first.ValidateAsync(token);
        await WaitForRedisEntriesAsync(instance);
        await second.ValidateAsync(token);
        server.Requests.Should().HaveCount(1, "the second provider now holds the entry in its own memory");

        await first.Validator.InvalidateAsync(first.Credential(token));
        await Task.Delay(500);
        await second.ValidateAsync(token);

        server.Requests.Should().HaveCount(2, "the invalidation reached the other provider within the propagation time");
    }

    /// <summary>HybridCache may write its second tier after answering the caller.</summary>
    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 100 && !condition(); attempt++)
        {
            await Task.Delay(50);
        }

        condition().Should().BeTrue("HybridCache wrote the entry to the distributed tier within 5 seconds");
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
