// Licensed under the MIT License. See LICENSE in the repository root.

using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using GitTokenScopes.Testing.BitbucketCloud.Internal;

namespace GitTokenScopes.Testing;

/// <summary>
/// An HTTP access token a <see cref="FakeBitbucketServer"/> knows (see <see cref="FakeBitbucketServer.AddToken(FakeBitbucketServerToken)"/>),
/// with everything Bitbucket Server would answer about it. Its properties may be changed between requests;
/// <see cref="ToString"/> never shows <see cref="Value"/>.
/// </summary>
public sealed class FakeBitbucketServerToken
{
    private const string Alphanumeric = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private string? _fingerprint;

    /// <summary>Gets the token as sent in <c>Authorization: Bearer …</c>: <c>BBDC-</c> and the base64 of <c>{Id}:{secret}</c>, as Bitbucket makes them.</summary>
    public required string Value { get; init; }

    /// <summary>Gets the token's 12-digit id (recoverable from <see cref="Value"/>).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the kind of token.</summary>
    public FakeBitbucketServerTokenKind Kind { get; init; }

    /// <summary>Gets or sets the user the token acts as, sent in <c>X-AUSERNAME</c>: the owner of a personal token, a service user for project and repository tokens.</summary>
    public string Username { get; set; } = "codefresh-bot";

    /// <summary>Gets or sets the token's name. Defaults to <c>codefresh-runtime</c>.</summary>
    public string Name { get; set; } = "codefresh-runtime";

    /// <summary>Gets the token's permissions (<c>PROJECT_READ</c>, <c>REPO_WRITE</c>, …), its cap on what its user may do.</summary>
    public IList<string> Permissions { get; } = [];

    /// <summary>Gets the project a project or repository token belongs to.</summary>
    public string? ProjectKey { get; init; }

    /// <summary>Gets the repository slug a repository token belongs to.</summary>
    public string? RepositorySlug { get; init; }

    /// <summary>
    /// Gets the owner's own permission per repository (full name <c>PROJECT/slug</c> to <c>REPO_READ</c>, <c>REPO_WRITE</c>
    /// or <c>REPO_ADMIN</c>), for personal tokens: the effective permission is the lower of this and the token's cap.
    /// </summary>
    public IDictionary<string, string> OwnerPermissions { get; } = new ConcurrentDictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets when the token expires, reported by the access-token resource; <see langword="null"/> never.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>Gets or sets a value indicating whether the token was revoked or expired: every request answers 401.</summary>
    public bool Revoked { get; set; }

    /// <summary>Gets or sets a value indicating whether every request answers 429 with <c>Retry-After</c>.</summary>
    public bool RateLimited { get; set; }

    /// <summary>Gets or sets a status every request answers (for example 503), with an error body.</summary>
    public int? ServerErrorStatus { get; set; }

    /// <summary>Gets or sets a delay applied to every answer, after authentication, on <see cref="FakeBitbucketServerOptions.TimeProvider"/>.</summary>
    public TimeSpan? Delay { get; set; }

    /// <summary>Gets or sets a value indicating whether the server misbehaves: a permitted write with an invalid body answers 200 instead of 400. Nothing is stored either way.</summary>
    public bool AnswerWriteProbesWithSuccess { get; set; }

    /// <summary>Gets the token's fingerprint: <c>sha256:</c> and the first 12 lowercase hexadecimal characters of the SHA-256 of <see cref="Value"/>'s UTF-8 bytes.</summary>
    public string Fingerprint => _fingerprint ??= BitbucketFakeWire.Fingerprint(Value);

    /// <summary>Creates a personal token of a user with its permissions (one project and one repository permission, usually).</summary>
    /// <param name="username">The owner's user name.</param>
    /// <param name="permissions">The permissions.</param>
    /// <returns>The token.</returns>
    public static FakeBitbucketServerToken Personal(string username, params string[] permissions)
        => With(New(FakeBitbucketServerTokenKind.Personal, null, null, username), permissions);

    /// <summary>Creates a project token with one project permission.</summary>
    /// <param name="projectKey">The project's key.</param>
    /// <param name="permission">The permission: <c>PROJECT_READ</c>, <c>PROJECT_WRITE</c> or <c>PROJECT_ADMIN</c>.</param>
    /// <returns>The token.</returns>
    public static FakeBitbucketServerToken Project(string projectKey, string permission)
        => With(New(FakeBitbucketServerTokenKind.Project, projectKey, null, $"project-{projectKey.ToLowerInvariant()}-token"), [permission]);

    /// <summary>Creates a repository token with one repository permission.</summary>
    /// <param name="projectKey">The project's key.</param>
    /// <param name="slug">The repository's slug.</param>
    /// <param name="permission">The permission: <c>REPO_READ</c>, <c>REPO_WRITE</c> or <c>REPO_ADMIN</c>.</param>
    /// <returns>The token.</returns>
    public static FakeBitbucketServerToken Repository(string projectKey, string slug, string permission)
        => With(New(FakeBitbucketServerTokenKind.Repository, projectKey, slug, $"repository-{slug.ToLowerInvariant()}-token"), [permission]);

    /// <summary>Gives a personal token's owner a permission on a repository.</summary>
    /// <param name="fullName">The repository's full name, <c>PROJECT/slug</c>.</param>
    /// <param name="permission">The owner's permission: <c>REPO_READ</c>, <c>REPO_WRITE</c> (the default) or <c>REPO_ADMIN</c>.</param>
    /// <returns>This token, for chaining.</returns>
    /// <exception cref="ArgumentException">Thrown when an argument is blank or the permission is not a repository permission.</exception>
    public FakeBitbucketServerToken WithRepository(string fullName, string permission = "REPO_WRITE")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fullName);
        if (permission is not ("REPO_READ" or "REPO_WRITE" or "REPO_ADMIN"))
        {
            throw new ArgumentException($"The permission must be REPO_READ, REPO_WRITE or REPO_ADMIN; got '{permission}'.", nameof(permission));
        }

        OwnerPermissions[fullName] = permission;
        return this;
    }

    /// <summary>Describes the token by kind and fingerprint, never by value: <c>FakeBitbucketServerToken Personal sha256:abcdef012345</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{nameof(FakeBitbucketServerToken)} {Kind} {Fingerprint}";

    private static FakeBitbucketServerToken New(FakeBitbucketServerTokenKind kind, string? project, string? slug, string username)
    {
        var id = RandomNumberGenerator.GetString("0123456789", 12);
        var secret = RandomNumberGenerator.GetString(Alphanumeric, 32);
        var value = "BBDC-" + Convert.ToBase64String(Encoding.ASCII.GetBytes($"{id}:{secret}")).TrimEnd('=');
        return new FakeBitbucketServerToken { Value = value, Id = id, Kind = kind, ProjectKey = project, RepositorySlug = slug, Username = username };
    }

    private static FakeBitbucketServerToken With(FakeBitbucketServerToken token, string[] permissions)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        foreach (var permission in permissions)
        {
            token.Permissions.Add(permission);
        }

        return token;
    }
}
