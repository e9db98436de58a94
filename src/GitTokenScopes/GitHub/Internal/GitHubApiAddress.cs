// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.GitHub.Internal;

/// <summary>
/// Derives the REST API address (PROVIDERS.md §1.6): github.com → <c>https://api.github.com/</c>; <c>*.ghe.com</c> →
/// <c>https://api.SUB.ghe.com/</c>; any other server <c>https://host[/path]</c> → <c>https://host[/path]/api/v3/</c>;
/// an explicit API URL is used verbatim.
/// </summary>
internal static class GitHubApiAddress
{
    /// <summary>The REST path of a repository, relative to the API address: <c>repos/{owner}/{repo}</c>.</summary>
    public static string RepositoryPath(RepositoryRequest repository)
        => TransportPolicy.PathOf(repository, (owner, name) => $"repos/{owner}/{name}");

    public static readonly Uri GitHubDotCom = new("https://api.github.com/");

    public static (Uri? Address, string? Error) Resolve(GitCredential credential) => TransportPolicy.Resolve(credential, FromServer, GitHubDotCom);

    private static Uri FromServer(Uri server)
    {
        var host = server.IdnHost.ToLowerInvariant();
        if (host is "github.com" or "www.github.com" or "api.github.com")
        {
            return GitHubDotCom;
        }

        if (host.EndsWith(".ghe.com", StringComparison.Ordinal))
        {
            var apiHost = host.StartsWith("api.", StringComparison.Ordinal) ? host : "api." + host;
            return new UriBuilder(server.Scheme, apiHost, server.IsDefaultPort ? -1 : server.Port, "/").Uri;
        }

        return TransportPolicy.WithSuffix(server, "api/v3/");
    }
}
