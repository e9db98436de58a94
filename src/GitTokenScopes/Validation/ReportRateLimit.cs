// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>The provider's rate limit as of the inspection.</summary>
/// <param name="Remaining">Requests left in the window, when the provider tells.</param>
/// <param name="ResetAt">When the window resets (or when to retry), when the provider tells.</param>
public sealed record ReportRateLimit(int? Remaining, DateTimeOffset? ResetAt)
{
    /// <inheritdoc/>
    public override string ToString() => $"remaining {Remaining?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}, resets {ResetAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "?"}";
}
