// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>What to inspect: a credential, the repositories it must reach, and the requirements it will be evaluated against.</summary>
public sealed class TokenInspectionRequest
{
    /// <summary>Initializes a new instance of the <see cref="TokenInspectionRequest"/> class.</summary>
    /// <param name="credential">The token and where it belongs.</param>
    /// <param name="repositories">The repositories the token must reach; may be empty.</param>
    /// <param name="requirements">
    /// The requirements the result will be evaluated against, may be empty. Inspectors that probe permission by
    /// permission (GitHub fine-grained tokens, Bitbucket Server) probe exactly these.
    /// </param>
    /// <exception cref="ArgumentNullException">Thrown when an argument or an item is <see langword="null"/>.</exception>
    public TokenInspectionRequest(GitCredential credential, IEnumerable<RepositoryRequest>? repositories = null, IEnumerable<ScopeRequirement>? requirements = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        Credential = credential;
        Repositories = Materialize(repositories, nameof(repositories));
        Requirements = Materialize(requirements, nameof(requirements));
    }

    /// <summary>Gets the token and where it belongs.</summary>
    public GitCredential Credential { get; }

    /// <summary>Gets the repositories the token must reach.</summary>
    public IReadOnlyList<RepositoryRequest> Repositories { get; }

    /// <summary>Gets the requirements the result will be evaluated against.</summary>
    public IReadOnlyList<ScopeRequirement> Requirements { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Credential}; repositories: {Repositories.Count}; requirements: {Requirements.Count}";

    private static T[] Materialize<T>(IEnumerable<T>? items, string name)
        where T : class
    {
        var array = items?.ToArray() ?? [];
        foreach (var item in array)
        {
            ArgumentNullException.ThrowIfNull(item, name);
        }

        return array;
    }
}
