// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.GitLab.Internal;

/// <summary>What <c>GET /personal_access_tokens/self</c> tells about the token.</summary>
/// <param name="Name">The token's name, as its owner wrote it.</param>
/// <param name="Scopes">The scopes, as GitLab lists them (GitLab does not normalize: no implied scope is added).</param>
/// <param name="ExpiresAt">When the token stops working; <see langword="null"/> when it never expires or the value could not be read.</param>
/// <param name="ExpiryReadable">Whether <c>expires_at</c> could be read (JSON <c>null</c> counts as readable: never expires).</param>
/// <param name="Revoked">The <c>revoked</c> flag.</param>
/// <param name="Active">The <c>active</c> flag.</param>
/// <param name="UserId">The owner's user id.</param>
/// <param name="GranularScopes">Fine-grained (granular) scopes, as text; empty for a legacy-scope token.</param>
/// <param name="Impersonation">The <c>impersonation</c> flag, when GitLab sends it.</param>
internal sealed record GitLabTokenInfo(
    string? Name,
    IReadOnlyList<string> Scopes,
    DateTimeOffset? ExpiresAt,
    bool ExpiryReadable,
    bool? Revoked,
    bool? Active,
    long? UserId,
    IReadOnlyList<string> GranularScopes,
    bool? Impersonation);
