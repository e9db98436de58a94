// Licensed under the MIT License. See LICENSE in the repository root.

using System.Buffers;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Caching.Hybrid;

namespace GitTokenScopes.Validation.Internal;

/// <summary>
/// An inspection as the cache keeps it, with when it was made. Immutable, so that <c>HybridCache</c>'s local tier hands
/// the same instance to every hit.
/// </summary>
[ImmutableObject(true)]
internal sealed record CachedInspection(TokenInspection Inspection, DateTimeOffset CheckedAt)
{
    /// <summary>
    /// The grant in the vocabulary of the inspection's family, or <see langword="null"/> when no grant was learnt or the
    /// family is unknown. A host's inspector may write its grant in another vocabulary; it is then read in the family's.
    /// </summary>
    public GrantedScopes? Grant()
    {
        var inspection = Inspection;
        if (inspection.Granted is not { } granted || inspection.Family is not { } family || !ScopeVocabulary.TryGet(inspection.Provider, family, out var vocabulary))
        {
            return null;
        }

        return ReferenceEquals(granted.Vocabulary, vocabulary) ? granted
            : granted.AllOthersUndetermined ? GrantedScopes.CreateUndetermined(vocabulary, granted.Scopes)
            : GrantedScopes.Create(vocabulary, granted.Scopes, granted.Undetermined);
    }
}

/// <summary>
/// Writes cached inspections to <c>HybridCache</c>'s distributed tier as source-generated JSON (trim- and AOT-safe;
/// HybridCache's reflection-based default is never used). A grant is written by its vocabulary's provider and family.
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

/// <summary>
/// Cache keys. A token enters them only as <see cref="GitCredential.CacheKeyHash"/>, a full SHA-256 that cannot be
/// reversed and differs between two Bitbucket users who happen to share an app password.
/// </summary>
internal static class ValidationCacheKeys
{
    // Changes whenever the cached entry's shape changes, so that two versions sharing a distributed cache never read each other's entries.
    private const string Version = "gts4";

    public static string Generation(string tokenHash) => $"{Version}:generation:{tokenHash}";

    /// <summary>One inspection's key: provider, the API base as given, the token hash, the token's generation, and the question's digest.</summary>
    public static string Inspection(GitCredential credential, string generation, string questionDigest)
    {
        var apiBase = (credential.ApiUrl ?? credential.ServerUrl)?.AbsoluteUri ?? "default";
        return $"{Version}:{credential.Provider.ToWireName()}:{apiBase}:{credential.CacheKeyHash}:{generation}:{questionDigest}";
    }
}
