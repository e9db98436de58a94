// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>
/// What to validate: a credential, the kind of token it must be, the runtime whose requirements apply, and the
/// repositories it must reach (the seed's Shared Configuration Repository is one of them).
/// </summary>
public sealed class TokenValidationRequest
{
    /// <summary>Initializes a new instance of the <see cref="TokenValidationRequest"/> class.</summary>
    /// <param name="credential">The token and where it belongs.</param>
    /// <param name="kind">Whether the token is a Runtime token or a User token.</param>
    /// <param name="runtimeName">The runtime whose overrides apply, or <see langword="null"/> for the defaults.</param>
    /// <param name="repositories">The repositories the token must reach, each with the access it needs; may be empty.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="credential"/> or a repository is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="kind"/> is not defined.</exception>
    /// <exception cref="ArgumentException">Thrown when the same repository is named twice.</exception>
    public TokenValidationRequest(GitCredential credential, TokenKind kind, string? runtimeName = null, IEnumerable<RepositoryRequest>? repositories = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a defined TokenKind value.");
        }

        var list = new List<RepositoryRequest>();
        foreach (var repository in repositories ?? [])
        {
            ArgumentNullException.ThrowIfNull(repository, nameof(repositories));
            if (list.Any(r => string.Equals(r.Name, repository.Name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ArgumentException($"The repository '{repository.Name}' is named twice; name it once with the access it needs.", nameof(repositories));
            }

            list.Add(repository);
        }

        Credential = credential;
        Kind = kind;
        RuntimeName = string.IsNullOrWhiteSpace(runtimeName) ? null : runtimeName.Trim();
        Repositories = list;
    }

    /// <summary>Gets the token and where it belongs.</summary>
    public GitCredential Credential { get; }

    /// <summary>Gets whether the token is a Runtime token or a User token.</summary>
    public TokenKind Kind { get; }

    /// <summary>Gets the runtime whose overrides apply, or <see langword="null"/> for the defaults.</summary>
    public string? RuntimeName { get; }

    /// <summary>Gets the repositories the token must reach.</summary>
    public IReadOnlyList<RepositoryRequest> Repositories { get; }

    /// <summary>
    /// Gets or initializes whether to skip validation altogether for this request (<c>installer.skipValidation</c>);
    /// <see langword="null"/> (the default) takes the configured policy for the token kind.
    /// </summary>
    public bool? SkipValidation { get; init; }

    /// <summary>
    /// Gets or initializes whether to skip the scope checks for this request
    /// (<c>app-proxy.config.skipGitPermissionValidation</c>); <see langword="null"/> (the default) takes the configured
    /// policy for the token kind. The token must still be valid and reach the named repositories.
    /// </summary>
    public bool? SkipGitPermissionValidation { get; init; }

    /// <inheritdoc/>
    public override string ToString()
        => $"{Kind.ToWireName()} {Credential}{(RuntimeName is null ? string.Empty : $" for runtime {RuntimeName}")}; repositories: {Repositories.Count}";
}
