// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Catalogue.Internal;

/// <summary>Compares repository names the way people write them: <c>org/repo</c>, <c>/org/repo.git</c> or a clone URL.</summary>
internal static class RepositoryName
{
    public static string? Normalize(string? repository)
    {
        if (string.IsNullOrWhiteSpace(repository))
        {
            return null;
        }

        var path = repository.Trim();
        if (Uri.TryCreate(path, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            path = Uri.UnescapeDataString(uri.AbsolutePath);
        }

        path = path.Trim('/');
        if (path.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^4];
        }

        return path.Length == 0 ? null : path;
    }
}
