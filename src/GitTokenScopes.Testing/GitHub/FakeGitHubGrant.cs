// Licensed under the MIT License. See LICENSE in the repository root.

using System.Collections.Concurrent;

namespace GitTokenScopes.Testing;

/// <summary>What a token's account may do on one repository (see <see cref="FakeGitHubToken.Repositories"/>).</summary>
public sealed class FakeGitHubGrant
{
    /// <summary>
    /// Gets or sets the account's role on the repository: <c>read</c>, <c>triage</c>, <c>write</c> (the default),
    /// <c>maintain</c> or <c>admin</c> (<c>pull</c> and <c>push</c> are read as <c>read</c> and <c>write</c>). It fills the
    /// <c>permissions</c> object of <c>GET /repos/{owner}/{repo}</c> and bounds what a classic or OAuth token may do.
    /// </summary>
    public string Role { get; set; } = "write";

    /// <summary>
    /// Gets the fine-grained or GitHub App permissions on the repository: permission name (<c>contents</c>,
    /// <c>administration</c>, <c>repository_hooks</c>, <c>statuses</c>, <c>pull_requests</c>, …) to level
    /// (<c>read</c>, <c>write</c> or <c>admin</c>). Names compare case-insensitively. Ignored for classic and OAuth tokens.
    /// </summary>
    public IDictionary<string, string> Permissions { get; } = new ConcurrentDictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a grant with the <c>admin</c> role and the given fine-grained permissions.</summary>
    /// <param name="permissions">The permissions, such as <c>("contents", "write")</c>.</param>
    /// <returns>The grant.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="permissions"/> is <see langword="null"/>.</exception>
    public static FakeGitHubGrant WithPermissions(params (string Name, string Level)[] permissions)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        var grant = new FakeGitHubGrant { Role = "admin" };
        foreach (var (name, level) in permissions)
        {
            grant.Permissions[name] = level;
        }

        return grant;
    }
}
