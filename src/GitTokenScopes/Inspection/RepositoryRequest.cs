// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Catalogue.Internal;

namespace GitTokenScopes;

/// <summary>A repository a token must reach, and how.</summary>
public sealed class RepositoryRequest
{
    /// <summary>Initializes a new instance of the <see cref="RepositoryRequest"/> class.</summary>
    /// <param name="name">
    /// The repository's full name as the provider writes it (<c>owner/repo</c>, <c>group/subgroup/project</c>,
    /// <c>PROJECT/repo</c>); a clone URL or a trailing <c>.git</c> is accepted and reduced to the name.
    /// </param>
    /// <param name="access">The access needed.</param>
    /// <exception cref="ArgumentException">Thrown when <paramref name="name"/> is blank or has no owner part.</exception>
    public RepositoryRequest(string name, RepositoryAccess access = RepositoryAccess.ReadWrite)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var trimmed = RepositoryName.Normalize(name) ?? string.Empty;
        var slash = trimmed.LastIndexOf('/');
        if (slash <= 0 || slash == trimmed.Length - 1 || trimmed.Contains("//", StringComparison.Ordinal) || trimmed.Any(char.IsWhiteSpace))
        {
            // A clone URL with user information would carry a secret: then the name is not repeated.
            throw new ArgumentException(
                name.Contains('@', StringComparison.Ordinal)
                    ? "The repository is not a name of the form owner/repo (and user information such as user:secret@ is not accepted)."
                    : $"'{name}' is not a repository name of the form owner/repo.",
                nameof(name));
        }

        Name = trimmed;
        Access = access;
    }

    /// <summary>Gets the repository's full name.</summary>
    public string Name { get; }

    /// <summary>Gets the access needed.</summary>
    public RepositoryAccess Access { get; }

    /// <summary>Gets the owner part of <see cref="Name"/> (everything before the last slash).</summary>
    public string Owner => Name[..Name.LastIndexOf('/')];

    /// <summary>Gets the repository part of <see cref="Name"/> (after the last slash).</summary>
    public string Repository => Name[(Name.LastIndexOf('/') + 1)..];

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({(Access == RepositoryAccess.Read ? "read" : "read-write")})";
}
