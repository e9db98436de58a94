// Licensed under the MIT License. See LICENSE in the repository root.

using System.Globalization;

namespace GitTokenScopes;

/// <summary>
/// The provider's rate-limit state as its last answer reported it. In a report, <see cref="ResetAt"/> is also set when
/// the provider only said how long to wait. Two values are equal when every property is.
/// </summary>
/// <param name="Limit">Requests allowed in the window, if reported.</param>
/// <param name="Remaining">Requests left in the window, if reported.</param>
/// <param name="ResetAt">When the window resets (or when to retry), if reported.</param>
/// <param name="RetryAfter">How long the provider asked to wait (<c>Retry-After</c>), if it did.</param>
/// <param name="Resource">The rate-limited resource (GitHub: <c>core</c>, <c>search</c>, …), if reported.</param>
public sealed record RateLimitInfo(int? Limit, int? Remaining, DateTimeOffset? ResetAt, TimeSpan? RetryAfter, string? Resource)
{
    /// <inheritdoc/>
    public override string ToString()
        => $"remaining {Remaining?.ToString(CultureInfo.InvariantCulture) ?? "?"}, resets {ResetAt?.ToString("O", CultureInfo.InvariantCulture) ?? "?"}";
}
