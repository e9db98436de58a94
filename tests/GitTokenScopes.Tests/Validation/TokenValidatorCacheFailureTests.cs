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
    [Theory]
    [InlineData(FailingCache.Failure.BeforeFactory, nameof(InvalidOperationException), 0)]
    [InlineData(FailingCache.Failure.AfterFactory, nameof(InvalidOperationException), 0)]
    [InlineData(FailingCache.Failure.OnSet, nameof(InvalidOperationException), 1)]
    [InlineData(FailingCache.Failure.OwnTimeout, nameof(TaskCanceledException), 0)]
    public async Task CacheThatThrows_GivesTheVerdictFromOneInspection_AndLogsOnlyTheExceptionType(FailingCache.Failure failure, string exceptionType, int longerWrites)
    {
        // Before the inspection, after it (this caller's inspection is used, not repeated), on a clean pass's longer
        // write, or with a time-out of its own (not the caller's cancellation).
        var cache = new FailingCache(failure);
        using var harness = new ValidationHarness(services: s => s.AddSingleton<HybridCache>(cache));
        var token = FakeGitHubToken.Classic("repo", "admin:repo_hook");

        var report = await harness.ValidateAsync(token);

        report.Verdict.Should().Be(ValidationVerdict.Pass);
        report.Status.Should().Be(InspectionStatus.Ok);
        harness.Server.Requests.Should().HaveCount(1);
        cache.Sets.Should().Be(longerWrites, "a clean pass is written again for the pass duration once the cache call returned");
        var logged = harness.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Name == "CacheFailed").Subject;
        logged.Level.Should().Be(LogLevel.Warning);
        logged.Message.Should().Contain(exceptionType).And.Contain(report.TokenFingerprint)
            .And.NotContain(token.Value).And.NotContain(FailingCache.Secret, "only the exception's type is logged, never its message");
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

    public sealed class FailingCache(FailingCache.Failure failure, CancellationTokenSource? caller = null) : HybridCache
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
