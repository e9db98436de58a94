// Licensed under the MIT License. See LICENSE in the repository root.

using System.Collections.Concurrent;
using System.Security.Cryptography;
using GitTokenScopes.Testing.BitbucketCloud.Internal;

namespace GitTokenScopes.Testing;

/// <summary>
/// A credential a <see cref="FakeBitbucketCloudServer"/> knows (see <see cref="FakeBitbucketCloudServer.AddCredential(FakeBitbucketCloudCredential)"/>),
/// with everything Bitbucket Cloud would answer about it. Its properties may be changed between requests;
/// <see cref="ToString"/> never shows <see cref="Secret"/>.
/// </summary>
public sealed class FakeBitbucketCloudCredential
{
    private const string Alphanumeric = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private string? _fingerprint;

    /// <summary>Gets the secret: the app password or API token (sent as the Basic password) or the Bearer token.</summary>
    public required string Secret { get; init; }

    /// <summary>Gets the Basic user name: the Bitbucket username for an app password, the Atlassian e-mail address for an API token; <see langword="null"/> for Bearer kinds.</summary>
    public string? Username { get; init; }

    /// <summary>Gets the kind of credential; it decides the authentication accepted and the <c>x-credential-type</c> sent.</summary>
    public FakeBitbucketCloudCredentialKind Kind { get; init; }

    /// <summary>Gets the scopes, sent in <c>x-oauth-scopes</c> as <c>a, b</c> and used to decide what the credential may do.</summary>
    public IList<string> Scopes { get; } = [];

    /// <summary>Gets or sets a scope header value sent verbatim instead of <see cref="Scopes"/>, to test spacing variants; what the credential may do is still decided by <see cref="Scopes"/>.</summary>
    public string? RawScopesHeaderValue { get; set; }

    /// <summary>Gets or sets a value indicating whether answers omit <c>x-oauth-scopes</c>.</summary>
    public bool OmitScopesHeader { get; set; }

    /// <summary>Gets or sets an <c>x-credential-type</c> value sent instead of the kind's own; an empty string omits the header.</summary>
    public string? CredentialTypeHeaderValue { get; set; }

    /// <summary>Gets or sets the account's username returned by <c>GET /2.0/user</c>. Defaults to <c>codefresh-bot</c>.</summary>
    public string AccountUsername { get; set; } = "codefresh-bot";

    /// <summary>Gets or sets the account's display name returned by <c>GET /2.0/user</c>. Defaults to <c>Codefresh Bot</c>.</summary>
    public string DisplayName { get; set; } = "Codefresh Bot";

    /// <summary>
    /// Gets the repositories within reach: full name <c>workspace/repo</c> (case-insensitive) to the account's permission
    /// (<c>read</c>, <c>write</c> or <c>admin</c>). For access tokens it lists the repositories of the token's repository,
    /// project or workspace, and the permission is ignored (the scopes decide).
    /// </summary>
    public IDictionary<string, string> Repositories { get; } = new ConcurrentDictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets a value indicating whether the credential was revoked (or expired): every request answers 401 with Bitbucket's plain-text body.</summary>
    public bool Revoked { get; set; }

    /// <summary>Gets or sets a value indicating whether every request answers 429 <c>Rate limit for this resource has been exceeded.</c></summary>
    public bool RateLimited { get; set; }

    /// <summary>Gets or sets a status every request answers (for example 502), with a JSON error body.</summary>
    public int? ServerErrorStatus { get; set; }

    /// <summary>
    /// Gets or sets the status the endpoints CHANGE-2770 removed answer (<c>GET /repositories</c>, <c>/workspaces</c>,
    /// <c>/user/permissions/repositories</c> and <c>/user/permissions/workspaces</c>), with Bitbucket's
    /// <c>CHANGE-2770 - Functionality has been deprecated</c> body: 410 (the default, as Bitbucket first answered) or
    /// 404 (as it answers lately).
    /// </summary>
    public int RemovedEndpointStatus { get; set; } = 410;

    /// <summary>Gets or sets a delay applied to every answer, after authentication, on <see cref="FakeBitbucketCloudServerOptions.TimeProvider"/>.</summary>
    public TimeSpan? Delay { get; set; }

    /// <summary>Gets or sets a value indicating whether successful answers carry a body that is not JSON (a misbehaving proxy).</summary>
    public bool MalformedBodies { get; set; }

    /// <summary>Gets the secret's fingerprint: <c>sha256:</c> and the first 12 lowercase hexadecimal characters of the SHA-256 of <see cref="Secret"/>'s UTF-8 bytes.</summary>
    public string Fingerprint => _fingerprint ??= BitbucketFakeWire.Fingerprint(Secret);

    /// <summary>Creates an app password (20 random alphanumeric characters, as Bitbucket makes them) for a Bitbucket username.</summary>
    /// <param name="username">The Bitbucket username.</param>
    /// <param name="scopes">The classic scopes.</param>
    /// <returns>The credential.</returns>
    public static FakeBitbucketCloudCredential AppPassword(string username, params string[] scopes)
        => WithScopes(new() { Secret = RandomNumberGenerator.GetString(Alphanumeric, 20), Username = username, Kind = FakeBitbucketCloudCredentialKind.AppPassword }, scopes);

    /// <summary>Creates an Atlassian API token (<c>ATATT3x</c> and 185 random characters) for an Atlassian e-mail address.</summary>
    /// <param name="email">The Atlassian account's e-mail address.</param>
    /// <param name="scopes">The granular scopes (<c>read:repository:bitbucket</c>, …).</param>
    /// <returns>The credential.</returns>
    public static FakeBitbucketCloudCredential ApiToken(string email, params string[] scopes)
        => WithScopes(new() { Secret = "ATATT3x" + RandomNumberGenerator.GetString(Alphanumeric, 185), Username = email, Kind = FakeBitbucketCloudCredentialKind.ApiToken }, scopes);

    /// <summary>Creates a repository access token (<c>ATCTT3x</c> and 185 random characters).</summary>
    /// <param name="scopes">The classic scopes.</param>
    /// <returns>The credential.</returns>
    public static FakeBitbucketCloudCredential RepositoryAccessToken(params string[] scopes) => Bearer(FakeBitbucketCloudCredentialKind.RepositoryAccessToken, scopes);

    /// <summary>Creates a project access token (<c>ATCTT3x</c> and 185 random characters).</summary>
    /// <param name="scopes">The classic scopes.</param>
    /// <returns>The credential.</returns>
    public static FakeBitbucketCloudCredential ProjectAccessToken(params string[] scopes) => Bearer(FakeBitbucketCloudCredentialKind.ProjectAccessToken, scopes);

    /// <summary>Creates a workspace access token (<c>ATCTT3x</c> and 185 random characters).</summary>
    /// <param name="scopes">The classic scopes.</param>
    /// <returns>The credential.</returns>
    public static FakeBitbucketCloudCredential WorkspaceAccessToken(params string[] scopes) => Bearer(FakeBitbucketCloudCredentialKind.WorkspaceAccessToken, scopes);

    /// <summary>Creates an OAuth 2 access token of a consumer (120 random characters).</summary>
    /// <param name="scopes">The classic scopes.</param>
    /// <returns>The credential.</returns>
    public static FakeBitbucketCloudCredential OAuth(params string[] scopes)
        => WithScopes(new() { Secret = RandomNumberGenerator.GetString(Alphanumeric, 120), Kind = FakeBitbucketCloudCredentialKind.OAuth }, scopes);

    /// <summary>Puts a repository within reach, with the account's permission on it.</summary>
    /// <param name="fullName">The repository's full name, <c>workspace/repo</c>.</param>
    /// <param name="permission">The account's permission: <c>read</c>, <c>write</c> (the default) or <c>admin</c>.</param>
    /// <returns>This credential, for chaining.</returns>
    /// <exception cref="ArgumentException">Thrown when an argument is blank or the permission is not one of the three.</exception>
    public FakeBitbucketCloudCredential WithRepository(string fullName, string permission = "write")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fullName);
        if (permission is not ("read" or "write" or "admin"))
        {
            throw new ArgumentException($"The permission must be read, write or admin; got '{permission}'.", nameof(permission));
        }

        Repositories[fullName] = permission;
        return this;
    }

    /// <summary>Describes the credential by kind and fingerprint, never by secret: <c>FakeBitbucketCloudCredential AppPassword sha256:abcdef012345</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{nameof(FakeBitbucketCloudCredential)} {Kind} {Fingerprint}";

    private static FakeBitbucketCloudCredential Bearer(FakeBitbucketCloudCredentialKind kind, string[] scopes)
        => WithScopes(new() { Secret = "ATCTT3x" + RandomNumberGenerator.GetString(Alphanumeric, 185), Kind = kind }, scopes);

    private static FakeBitbucketCloudCredential WithScopes(FakeBitbucketCloudCredential credential, string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        foreach (var scope in scopes)
        {
            credential.Scopes.Add(scope);
        }

        return credential;
    }
}
