// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GitTokenScopes.Tests.Validation;

/// <summary>
/// A failing cache never fails a validation: the token is inspected without it, once, and the failure is logged with its
/// type only. A host's own <see cref="HybridCache"/> (a Redis-backed one, a third-party adapter) may throw where the
/// default one swallows its distributed tier's errors.
/// </summary>
public sealed class TokenValidatorCacheFailureTests
{
    [Fact]
    public async Task CacheThrowingBeforeTheInspection_InspectsWithoutIt()
    {
        var cache = new FailingCache(FailingCache.Failure.BeforeFactory);
        using var harness = new ValidationHarness(services: s => s.AddSingleton<HybridCache>(cache));
        var token = FakeGitHubToken.Classic("repo", "admin:repo_hook");

        var report = await harness.ValidateAsync(token);

        report.Verdict.Should().Be(ValidationVerdict.Pass);
        report.Status.Should().Be(InspectionStatus.Ok);
        harness.Server.Requests.Should().HaveCount(1);
        cache.Calls.Should().Be(1);
        var failure = harness.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Name == "CacheFailed").Subject;
        failure.Level.Should().Be(LogLevel.Warning);
        failure.Message.Should().Contain(nameof(InvalidOperationException)).And.Contain(report.TokenFingerprint)
            .And.NotContain(token.Value).And.NotContain(FailingCache.Secret, "only the exception's type is logged, never its message");
    }

    [Fact]
    public async Task CacheThrowingAfterTheInspection_DoesNotInspectAgain()
    {
        var cache = new FailingCache(FailingCache.Failure.AfterFactory);
        using var harness = new ValidationHarness(services: s => s.AddSingleton<HybridCache>(cache));

        var report = await harness.ValidateAsync(FakeGitHubToken.Classic("repo", "admin:repo_hook"));

        report.Verdict.Should().Be(ValidationVerdict.Pass);
        harness.Server.Requests.Should().HaveCount(1, "the inspection this caller ran is used, not repeated");
        harness.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Name == "CacheFailed");
    }

    [Fact]
    public async Task CacheThrowingOnTheLongerWriteOfACleanPass_KeepsThePass()
    {
        var cache = new FailingCache(FailingCache.Failure.OnSet);
        using var harness = new ValidationHarness(services: s => s.AddSingleton<HybridCache>(cache));

        var report = await harness.ValidateAsync(FakeGitHubToken.Classic("repo", "admin:repo_hook"));

        report.Verdict.Should().Be(ValidationVerdict.Pass);
        cache.Sets.Should().Be(1, "a clean pass is written again for the pass duration");
        harness.Server.Requests.Should().HaveCount(1);
        harness.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Name == "CacheFailed");
    }

    [Fact]
    public async Task CacheTimingOutOnItsOwn_IsACacheFailure_NotTheCallersCancellation()
    {
        var cache = new FailingCache(FailingCache.Failure.OwnTimeout);
        using var harness = new ValidationHarness(services: s => s.AddSingleton<HybridCache>(cache));

        var report = await harness.ValidateAsync(FakeGitHubToken.Classic("repo", "admin:repo_hook"));

        report.Verdict.Should().Be(ValidationVerdict.Pass);
        harness.Server.Requests.Should().HaveCount(1);
        harness.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Name == "CacheFailed").Which.Message.Should().Contain(nameof(TaskCanceledException));
    }

    [Fact]
    public async Task CallerCancellingDuringTheCacheCall_IsNotSwallowed()
    {
        using var caller = new CancellationTokenSource();
        var cache = new FailingCache(FailingCache.Failure.CancelCaller, caller);
        using var harness = new ValidationHarness(services: s => s.AddSingleton<HybridCache>(cache));
        var credential = harness.Credential(FakeGitHubToken.Classic("repo", "admin:repo_hook"));

        var validate = () => harness.Validator.ValidateAsync(new TokenValidationRequest(credential, TokenKind.Runtime), caller.Token);

        await validate.Should().ThrowAsync<OperationCanceledException>();
        harness.Server.Requests.Should().BeEmpty("a caller that gave up is not inspected for");
        harness.Logs.GetSnapshot().Should().NotContain(r => r.Id.Name == "CacheFailed");
    }

    private sealed class FailingCache(FailingCache.Failure failure, CancellationTokenSource? caller = null) : HybridCache
    {
        /// <summary>In every exception message, so that a test can tell the message was not logged.</summary>
        public const string Secret = "cache-internal-detail";

        public enum Failure
        {
            BeforeFactory,
            AfterFactory,
            OnSet,
            OwnTimeout,
            CancelCaller,
        }

        public int Calls { get; private set; }

        public int Sets { get; private set; }

        public override async ValueTask<T> GetOrCreateAsync<TState, T>(
            string key, TState state, Func<TState, CancellationToken, ValueTask<T>> factory, HybridCacheEntryOptions? options = null,
            IEnumerable<string>? tags = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            switch (failure)
            {
                case Failure.BeforeFactory:
                    throw new InvalidOperationException($"The distributed tier is down ({Secret}).");
                case Failure.OwnTimeout:
                    throw new TaskCanceledException($"The cache's own time-out ({Secret}).");
                case Failure.CancelCaller:
                    await caller!.CancelAsync();
                    cancellationToken.ThrowIfCancellationRequested();
                    break;
            }

            var value = await factory(state, cancellationToken);
            return failure == Failure.AfterFactory ? throw new InvalidOperationException($"The entry could not be written ({Secret}).") : value;
        }

        public override ValueTask SetAsync<T>(string key, T value, HybridCacheEntryOptions? options = null, IEnumerable<string>? tags = null, CancellationToken cancellationToken = default)
        {
            Sets++;
            return failure == Failure.OnSet ? throw new InvalidOperationException($"The entry could not be written ({Secret}).") : ValueTask.CompletedTask;
        }

        public override ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public override ValueTask RemoveByTagAsync(string tag, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }
}
