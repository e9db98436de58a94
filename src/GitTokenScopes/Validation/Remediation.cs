// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>How the user fixes a failed token.</summary>
/// <param name="CreateTokenUrl">
/// A token-creation page on the token's own server where the provider supports pre-filled ones (GitHub classic and
/// fine-grained on github.com and GHE.com, GitLab), pre-filled with exactly the requirement — one scope per clause —
/// because the new token replaces the old one and must stand alone; <see cref="Steps"/> name what was missing.
/// <see langword="null"/> where the provider has no such page or the fix is not a new token (repository access).
/// </param>
/// <param name="Steps">Short steps for people, naming the provider's UI labels.</param>
public sealed record Remediation(Uri? CreateTokenUrl, IReadOnlyList<string> Steps)
{
    /// <inheritdoc/>
    public override string ToString() => CreateTokenUrl?.ToString() ?? string.Join(" ", Steps);
}
