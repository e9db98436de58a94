// Licensed under the MIT License. See LICENSE in the repository root.

using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Caching.Hybrid;

namespace GitTokenScopes.Validation.Internal;

/// <summary>
/// Writes cached inspections to <c>HybridCache</c>'s distributed tier as source-generated JSON (trim- and AOT-safe, and
/// HybridCache's reflection-based default serializer is never used). The JSON shape is private to this class; a grant
/// is written by its vocabulary's provider and family, and read back in that built-in vocabulary.
/// </summary>
internal sealed partial class CachedInspectionSerializer : IHybridCacheSerializer<CachedInspection>
{
    public CachedInspection Deserialize(ReadOnlySequence<byte> source)
    {
        var reader = new Utf8JsonReader(source);
        return JsonSerializer.Deserialize(ref reader, EntryJson.Default.CachedInspection) ?? throw new JsonException("A cached inspection was null.");
    }

    public void Serialize(CachedInspection value, IBufferWriter<byte> target)
    {
        using var writer = new Utf8JsonWriter(target);
        JsonSerializer.Serialize(writer, value, EntryJson.Default.CachedInspection);
    }

    internal sealed record Grant(GitProvider Provider, TokenFamily Family, IReadOnlyList<string> Scopes, IReadOnlyList<string> Undetermined, bool AllOthersUndetermined);

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(GrantConverter)])]
    [JsonSerializable(typeof(CachedInspection))]
    [JsonSerializable(typeof(Grant))]
    internal sealed partial class EntryJson : JsonSerializerContext;

    private sealed class GrantConverter : JsonConverter<GrantedScopes>
    {
        public override GrantedScopes Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var grant = JsonSerializer.Deserialize(ref reader, EntryJson.Default.Grant) ?? throw new JsonException("A cached grant was null.");
            var vocabulary = ScopeVocabulary.For(grant.Provider, grant.Family);
            return grant.AllOthersUndetermined ? GrantedScopes.CreateUndetermined(vocabulary, grant.Scopes) : GrantedScopes.Create(vocabulary, grant.Scopes, grant.Undetermined);
        }

        public override void Write(Utf8JsonWriter writer, GrantedScopes value, JsonSerializerOptions options)
            => JsonSerializer.Serialize(writer, new Grant(value.Vocabulary.Provider, value.Vocabulary.Family, value.Scopes, value.Undetermined, value.AllOthersUndetermined), EntryJson.Default.Grant);
    }
}
