// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.GitLab.Internal;

/// <summary>
/// Derives the REST API address (PROVIDERS.md §2.6): no server, or gitlab.com → <c>https://gitlab.com/api/v4/</c>; any
/// other server <c>https://host[/relative-root]</c> → <c>https://host[/relative-root]/api/v4/</c> (a server URL that
/// already ends in <c>/api/v4</c> is kept); an explicit API URL is used verbatim. Unlike Codefresh's CLI (§0.3), a
/// relative root such as <c>https://host/gitlab</c> keeps its path.
/// </summary>
internal static class GitLabApiAddress
{
    public static readonly Uri GitLabDotCom = new("https://gitlab.com/api/v4/");

    public static (Uri? Address, string? Error) Resolve(GitCredential credential) => TransportPolicy.Resolve(credential, FromServer, GitLabDotCom);

    /// <summary>
    /// The REST path of a project, relative to the API address: <c>projects/{full path}</c> with the path URL-encoded as
    /// GitLab requires (<c>group%2Fsubgroup%2Fproject</c>).
    /// </summary>
    public static string ProjectPath(RepositoryRequest repository) => "projects/" + Uri.EscapeDataString(repository.Name);

    private static Uri FromServer(Uri server)
        => server.IdnHost.ToLowerInvariant() is "gitlab.com" or "www.gitlab.com" ? GitLabDotCom : TransportPolicy.WithSuffix(server, "api/v4/");
}
