// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.GitLab.Internal;

/// <summary>
/// A GitLab error body, in either shape GitLab uses (PROVIDERS.md §2.5): Grape's <c>{"message":"401 Unauthorized"}</c>
/// (the message may also be an object of validation errors, flattened here), or rack-oauth2's
/// <c>{"error":"invalid_token","error_description":"…"}</c>, with <c>scope</c> on <c>insufficient_scope</c>.
/// </summary>
internal sealed record GitLabError(string? Message, string? Code, string? Description, IReadOnlyList<string> Scopes);
