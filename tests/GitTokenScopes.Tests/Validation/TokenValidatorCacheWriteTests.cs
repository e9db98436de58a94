// Licensed under the MIT License. See LICENSE in the repository root.

using System.Buffers;
using GitTokenScopes.Testing;
using GitTokenScopes.Validation.Internal;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.Tests.Validation;

/// <summary>
/// Concurrent callers share one inspection and one cache call writes it; only a clean pass is written a second time,
/// by the inspecting caller, to give it the pass duration.
/// </summary>
public sealed class TokenValidatorCacheWriteTests
{
    [Fact]
    public async Task FreshCleanPass_IsInspectedOnce_AndWrittenAtMostTwice()
    {
        var serializer = new CountingSerializer();
        using var harness = new ValidationHarness(services: s => s.AddSingleton<IHybridCacheSerializer<CachedInspection>>(serializer));
        var credential = harness.Credential(FakeGitHubToken.Classic("repo", "admin:repo_hook"));

        var reports = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => harness.Validator.ValidateAsync(new TokenValidationRequest(credential, TokenKind.Runtime))));
        var again = await harness.Validator.ValidateAsync(new TokenValidationRequest(credential, TokenKind.Runtime));

        reports.Should().OnlyContain(r => r.Verdict == ValidationVerdict.Pass);
        again.CheckedAt.Should().Be(reports[0].CheckedAt, "the later call found the entry");
        harness.Server.Requests.Should().HaveCount(1);
        serializer.Serialized.Should().BeInRange(1, 2);
    }

    private sealed class CountingSerializer : IHybridCacheSerializer<CachedInspection>
    {
        private readonly CachedInspectionSerializer _inner = new();
        private int _serialized;

        public int Serialized => Volatile.Read(ref _serialized);

        public CachedInspection Deserialize(ReadOnlySequence<byte> source) => _inner.Deserialize(source);

        public void Serialize(CachedInspection value, IBufferWriter<byte> target)
        {
            Interlocked.Increment(ref _serialized);
            _inner.Serialize(value, target);
        }
    }
}
