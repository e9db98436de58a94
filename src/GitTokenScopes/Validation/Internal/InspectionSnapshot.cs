// Licensed under the MIT License. See LICENSE in the repository root.

using System.ComponentModel;

namespace GitTokenScopes.Validation.Internal;

/// <summary>
/// What the validator keeps of an inspection, in the cache and across runtimes: everything the reports need and nothing
/// secret (no token, no header). Immutable, so <c>HybridCache</c> hands the same instance to every local hit.
/// </summary>
[ImmutableObject(true)]
internal sealed record InspectionSnapshot
{
    public required GitProvider Provider { get; init; }

    public required Uri ApiUrl { get; init; }

    public required InspectionStatus Status { get; init; }

    public TokenType TokenType { get; init; }

    public TokenFamily? Family { get; init; }

    /// <summary>The granted scopes, or <see langword="null"/> when no grant was learnt.</summary>
    public IReadOnlyList<string>? Scopes { get; init; }

    public IReadOnlyList<string> Undetermined { get; init; } = [];

    public bool AllOthersUndetermined { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public bool ExpiryKnown { get; init; }

    public string? AccountLogin { get; init; }

    public string? AccountType { get; init; }

    public bool? AccountIsBot { get; init; }

    public int? RateLimitRemaining { get; init; }

    public DateTimeOffset? RateLimitResetAt { get; init; }

    public IReadOnlyList<RepositoryAccessResult> Repositories { get; init; } = [];

    public string? Message { get; init; }

    public Uri? ActionUrl { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    public int RequestCount { get; init; }

    public required DateTimeOffset CheckedAt { get; init; }

    public static InspectionSnapshot From(TokenInspection inspection, DateTimeOffset checkedAt)
    {
        var rate = inspection.RateLimit;
        return new InspectionSnapshot
        {
            Provider = inspection.Provider,
            ApiUrl = inspection.ApiUrl,
            Status = inspection.Status,
            TokenType = inspection.TokenType,
            Family = inspection.Family,
            Scopes = inspection.Granted?.Scopes,
            Undetermined = inspection.Granted?.Undetermined ?? [],
            AllOthersUndetermined = inspection.Granted?.AllOthersUndetermined ?? false,
            ExpiresAt = inspection.ExpiresAt,
            ExpiryKnown = inspection.ExpiryKnown,
            AccountLogin = inspection.Account?.Login,
            AccountType = inspection.Account?.Type,
            AccountIsBot = inspection.Account?.IsBot,
            RateLimitRemaining = rate?.Remaining,
            RateLimitResetAt = rate is null ? null : rate.ResetAt ?? (rate.RetryAfter is { } wait ? checkedAt + wait : null),
            Repositories = inspection.Repositories,
            Message = inspection.Message,
            ActionUrl = inspection.ActionUrl,
            Notes = inspection.Notes,
            RequestCount = inspection.RequestCount,
            CheckedAt = checkedAt,
        };
    }

    /// <summary>The grant in the family's vocabulary, or <see langword="null"/> when none was learnt.</summary>
    public GrantedScopes? Grant()
    {
        if (Scopes is null || Family is not { } family || !ScopeVocabulary.TryGet(Provider, family, out var vocabulary))
        {
            return null;
        }

        return AllOthersUndetermined
            ? GrantedScopes.CreateUndetermined(vocabulary, Scopes)
            : GrantedScopes.Create(vocabulary, Scopes, Undetermined);
    }
}
