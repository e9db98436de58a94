// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.GitLab.Internal;

/// <summary>
/// The REST API address (PROVIDERS.md §2.6): gitlab.com or no server → <c>https://gitlab.com/api/v4/</c>; any other
/// server (relative root kept) + <c>api/v4/</c>; an explicit API URL verbatim.
/// </summary>
internal static class GitLabApiAddress
{
    public static readonly Uri GitLabDotCom = new("https://gitlab.com/api/v4/");

    public static (Uri? Address, string? Error) Resolve(GitCredential credential) => TransportPolicy.Resolve(credential, FromServer, GitLabDotCom);

    /// <summary><c>projects/{full path}</c>, the path URL-encoded as GitLab requires (<c>group%2Fproject</c>).</summary>
    public static string ProjectPath(RepositoryRequest repository) => "projects/" + Uri.EscapeDataString(repository.Name);

    private static Uri FromServer(Uri server)
        => server.IdnHost.ToLowerInvariant() is "gitlab.com" or "www.gitlab.com" ? GitLabDotCom : TransportPolicy.WithSuffix(server, "api/v4/");
}
