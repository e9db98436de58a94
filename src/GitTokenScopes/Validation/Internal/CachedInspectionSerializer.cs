// Licensed under the MIT License. See LICENSE in the repository root.

using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Caching.Hybrid;

namespace GitTokenScopes.Validation.Internal;

/// <summary>
/// Writes cached inspections to <c>HybridCache</c>'s distributed tier as source-generated JSON (trim- and AOT-safe, and
/// HybridCache's reflection-based default serializer is never used). The JSON shape is private to this class.
/// </summary>
internal sealed partial class CachedInspectionSerializer : IHybridCacheSerializer<CachedInspection>
{
    public CachedInspection Deserialize(ReadOnlySequence<byte> source)
    {
        var reader = new Utf8JsonReader(source);
        var entry = JsonSerializer.Deserialize(ref reader, EntryJson.Default.Entry) ?? throw new JsonException("A cached inspection was null.");
        var grant = entry.Granted is { } g ? ScopeVocabulary.For(g.Provider, g.Family) : null;
        var inspection = new TokenInspection
        {
            Provider = entry.Provider,
            ApiUrl = entry.ApiUrl,
            Status = entry.Status,
            CredentialFingerprint = entry.CredentialFingerprint,
            TokenType = entry.TokenType,
            Family = entry.Family,
            Granted = entry.Granted is not { } granted ? null
                : granted.AllOthersUndetermined ? GrantedScopes.CreateUndetermined(grant!, granted.Scopes)
                : GrantedScopes.Create(grant!, granted.Scopes, granted.Undetermined),
            ExpiresAt = entry.ExpiresAt,
            ExpiryKnown = entry.ExpiryKnown,
            Account = entry.Account,
            RateLimit = entry.RateLimit,
            Repositories = entry.Repositories,
            Message = entry.Message,
            ActionUrl = entry.ActionUrl,
            Notes = entry.Notes,
            RequestCount = entry.RequestCount,
        };
        return new CachedInspection(inspection, entry.CheckedAt);
    }

    public void Serialize(CachedInspection value, IBufferWriter<byte> target)
    {
        var inspection = value.Inspection;
        var entry = new Entry(
            inspection.Provider,
            inspection.ApiUrl,
            inspection.Status,
            inspection.CredentialFingerprint,
            inspection.TokenType,
            inspection.Family,
            inspection.Granted is { } g ? new Grant(g.Vocabulary.Provider, g.Vocabulary.Family, g.Scopes, g.Undetermined, g.AllOthersUndetermined) : null,
            inspection.ExpiresAt,
            inspection.ExpiryKnown,
            inspection.Account,
            inspection.RateLimit,
            inspection.Repositories,
            inspection.Message,
            inspection.ActionUrl,
            inspection.Notes,
            inspection.RequestCount,
            value.CheckedAt);
        using var writer = new Utf8JsonWriter(target);
        JsonSerializer.Serialize(writer, entry, EntryJson.Default.Entry);
    }

    internal sealed record Entry(
        GitProvider Provider,
        Uri ApiUrl,
        InspectionStatus Status,
        string CredentialFingerprint,
        TokenType TokenType,
        TokenFamily? Family,
        Grant? Granted,
        DateTimeOffset? ExpiresAt,
        bool ExpiryKnown,
        AccountInfo? Account,
        RateLimitInfo? RateLimit,
        IReadOnlyList<RepositoryAccessResult> Repositories,
        string? Message,
        Uri? ActionUrl,
        IReadOnlyList<string> Notes,
        int RequestCount,
        DateTimeOffset CheckedAt);

    internal sealed record Grant(GitProvider Provider, TokenFamily Family, IReadOnlyList<string> Scopes, IReadOnlyList<string> Undetermined, bool AllOthersUndetermined);

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(Entry))]
    internal sealed partial class EntryJson : JsonSerializerContext;
}
