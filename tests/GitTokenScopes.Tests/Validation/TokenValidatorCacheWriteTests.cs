// Licensed under the MIT License. See LICENSE in the repository root.

using System.Buffers;
using GitTokenScopes.Testing;
using GitTokenScopes.Validation.Internal;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.Tests.Validation;

/// <summary>
/// HybridCache serializes a value on every write (to size it for the local tier), so an inspection is written once:
/// by the inspecting caller, inside the shared call, with its final duration.
/// </summary>
public sealed class TokenValidatorCacheWriteTests
{
    [Fact]
    public async Task FreshInspection_IsWrittenOnce_AndConcurrentCallersShareIt()
    {
        var serializer = new CountingSerializer();
        using var harness = new ValidationHarness(services: s => s.AddSingleton<IHybridCacheSerializer<InspectionSnapshot>>(serializer));
        var credential = harness.Credential(FakeGitHubToken.Classic("repo", "admin:repo_hook"));

        var reports = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => harness.Validator.ValidateAsync(new TokenValidationRequest(credential, TokenKind.Runtime))));
        var again = await harness.Validator.ValidateAsync(new TokenValidationRequest(credential, TokenKind.Runtime));

        reports.Should().OnlyContain(r => r.Verdict == ValidationVerdict.Pass);
        again.CheckedAt.Should().Be(reports[0].CheckedAt, "the later call found the entry");
        harness.Server.Requests.Should().HaveCount(1);
        serializer.Serialized.Should().Be(1);
    }

    private sealed class CountingSerializer : IHybridCacheSerializer<InspectionSnapshot>
    {
        private readonly InspectionSnapshotSerializer _inner = new();
        private int _serialized;

        public int Serialized => Volatile.Read(ref _serialized);

        public InspectionSnapshot Deserialize(ReadOnlySequence<byte> source) => _inner.Deserialize(source);

        public void Serialize(InspectionSnapshot value, IBufferWriter<byte> target)
        {
            Interlocked.Increment(ref _serialized);
            _inner.Serialize(value, target);
        }
    }
}
