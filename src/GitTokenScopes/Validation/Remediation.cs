// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>How the user fixes a failed token.</summary>
/// <param name="CreateTokenUrl">
/// A token-creation page on the token's own server, pre-filled with exactly the missing scopes where the provider
/// supports that (GitHub classic and fine-grained, GitLab); otherwise <see langword="null"/>.
/// </param>
/// <param name="Steps">Short steps for people, naming the provider's UI labels.</param>
public sealed record Remediation(Uri? CreateTokenUrl, IReadOnlyList<string> Steps)
{
    /// <inheritdoc/>
    public override string ToString() => CreateTokenUrl?.ToString() ?? string.Join(" ", Steps);
}
