// Licensed under the MIT License. See LICENSE in the repository root.

using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Caching.Hybrid;

namespace GitTokenScopes.Validation.Internal;

/// <summary>Serializes cached inspections for <c>HybridCache</c>'s distributed tier with source-generated JSON (trim- and AOT-safe).</summary>
internal sealed class InspectionSnapshotSerializer : IHybridCacheSerializer<InspectionSnapshot>
{
    public InspectionSnapshot Deserialize(ReadOnlySequence<byte> source)
    {
        var reader = new Utf8JsonReader(source);
        return JsonSerializer.Deserialize(ref reader, SnapshotJsonContext.Default.InspectionSnapshot)
            ?? throw new JsonException("A cached inspection was null.");
    }

    public void Serialize(InspectionSnapshot value, IBufferWriter<byte> target)
    {
        using var writer = new Utf8JsonWriter(target);
        JsonSerializer.Serialize(writer, value, SnapshotJsonContext.Default.InspectionSnapshot);
    }
}
