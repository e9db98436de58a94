// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.BitbucketCloud.Internal;

/// <summary>
/// The REST API address (PROVIDERS.md §0.4, §3.2): bitbucket.org or no server → <c>https://api.bitbucket.org/2.0/</c>;
/// another server (a proxy or a double) + <c>2.0/</c>; an explicit API URL verbatim.
/// </summary>
internal static class BitbucketCloudApiAddress
{
    public static readonly Uri BitbucketOrg = new("https://api.bitbucket.org/2.0/");

    public static (Uri? Address, string? Error) Resolve(GitCredential credential) => TransportPolicy.Resolve(credential, FromServer, BitbucketOrg);

    /// <summary>The REST path of a repository, relative to the API address: <c>repositories/{workspace}/{repo_slug}</c>.</summary>
    public static string RepositoryPath(RepositoryRequest repository)
        => TransportPolicy.PathOf(repository, (workspace, slug) => $"repositories/{workspace}/{slug}");

    /// <summary>
    /// The account's permission on one repository, within its workspace (CHANGE-3022; the cross-workspace
    /// <c>user/permissions/repositories</c> was removed by CHANGE-2770):
    /// <c>user/workspaces/{workspace}/permissions/repositories?q=repository.full_name="w/r"</c>.
    /// </summary>
    public static string PermissionPath(RepositoryRequest repository)
        => TransportPolicy.PathOf(repository, (workspace, _) => $"user/workspaces/{workspace}/permissions/repositories?q=")
            + Uri.EscapeDataString($"repository.full_name=\"{repository.Owner}/{repository.Repository}\"");

    private static Uri FromServer(Uri server)
        => server.IdnHost.ToLowerInvariant() is "bitbucket.org" or "www.bitbucket.org" or "api.bitbucket.org" ? BitbucketOrg : TransportPolicy.WithSuffix(server, "2.0/");
}
