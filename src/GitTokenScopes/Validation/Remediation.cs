// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>How the user fixes a failed token.</summary>
public sealed class Remediation
{
    /// <summary>
    /// Gets a token-creation page on the token's own server where the provider supports pre-filled ones (GitHub classic
    /// and fine-grained on github.com and GHE.com, GitLab), pre-filled with exactly the requirement — one scope per
    /// clause — because the new token replaces the old one and must stand alone; <see cref="Steps"/> name what was
    /// missing. <see langword="null"/> where the provider has no such page or the fix is not a new token (repository access).
    /// </summary>
    public Uri? CreateTokenUrl { get; init; }

    /// <summary>Gets short steps for people, naming the provider's UI labels.</summary>
    public required IReadOnlyList<string> Steps { get; init; }

    /// <inheritdoc/>
    public override string ToString() => CreateTokenUrl?.ToString() ?? string.Join(" ", Steps);
}
