// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json;

namespace GitTokenScopes.GitLab.Internal;

/// <summary>The shapes of the GitLab bodies the inspector reads, for <see cref="GitLabJsonContext"/>; every member is optional.</summary>
internal static class GitLabWire
{
    /// <summary><c>GET /personal_access_tokens/self</c> (PROVIDERS.md §2.1).</summary>
    internal sealed class TokenSelf
    {
        public long? Id { get; set; }

        public string? Name { get; set; }

        public bool? Revoked { get; set; }

        public bool? Active { get; set; }

        public List<string?>? Scopes { get; set; }

        public long? UserId { get; set; }

        public string? ExpiresAt { get; set; }

        /// <summary>Fine-grained tokens (GitLab 18.4+); the shape is not documented yet, so it is read as raw JSON.</summary>
        public JsonElement? GranularScopes { get; set; }

        /// <summary>Sent by GitLab's impersonation-token entity; not documented for <c>/self</c>, read when present.</summary>
        public bool? Impersonation { get; set; }
    }

    /// <summary><c>GET /user</c> (PROVIDERS.md §2.4).</summary>
    internal sealed class User
    {
        public long? Id { get; set; }

        public string? Username { get; set; }

        public bool? Bot { get; set; }
    }

    /// <summary><c>GET /projects/:id</c> with the caller's <c>permissions</c>.</summary>
    internal sealed class Project
    {
        public long? Id { get; set; }

        public string? PathWithNamespace { get; set; }

        public string? Visibility { get; set; }

        public Permissions? Permissions { get; set; }
    }

    internal sealed class Permissions
    {
        public Access? ProjectAccess { get; set; }

        public Access? GroupAccess { get; set; }
    }

    internal sealed class Access
    {
        public int? AccessLevel { get; set; }
    }

    /// <summary>Either error shape; <c>message</c> may be a string or an object of validation errors.</summary>
    internal sealed class ErrorBody
    {
        public JsonElement? Message { get; set; }

        public JsonElement? Error { get; set; }

        public string? ErrorDescription { get; set; }

        public JsonElement? Scope { get; set; }
    }
}
