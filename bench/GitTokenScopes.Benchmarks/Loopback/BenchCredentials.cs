// Licensed under the MIT License. See LICENSE in the repository root.

using System.Globalization;

namespace GitTokenScopes.Benchmarks.Loopback;

/// <summary>Credentials aimed at the loopback provider; each serial number makes a distinct token (a cache miss).</summary>
internal static class BenchCredentials
{
    public static GitCredential GitHubClassic(LoopbackProvider server, long serial)
        => new(GitProvider.GitHub, "ghp_" + Pad(serial, 36), apiUrl: server.GitHubApi);

    public static GitCredential GitHubFineGrained(LoopbackProvider server, long serial)
        => new(GitProvider.GitHub, "github_pat_" + Pad(serial, 82), apiUrl: server.GitHubApi);

    public static GitCredential GitLab(LoopbackProvider server, long serial)
        => new(GitProvider.GitLab, "glpat-" + Pad(serial, 20), apiUrl: server.GitLabApi);

    public static GitCredential BitbucketCloud(LoopbackProvider server, long serial)
        => new(GitProvider.BitbucketCloud, "ATBB" + Pad(serial, 32), apiUrl: server.BitbucketCloudApi, username: "bench-user");

    public static GitCredential BitbucketServer(LoopbackProvider server, long serial)
        => new(GitProvider.BitbucketServer, "NjQ" + Pad(serial, 41), apiUrl: server.BitbucketServerApi);

    public static GitCredential For(GitProvider provider, LoopbackProvider server, long serial) => provider switch
    {
        GitProvider.GitHub => GitHubClassic(server, serial),
        GitProvider.GitLab => GitLab(server, serial),
        GitProvider.BitbucketCloud => BitbucketCloud(server, serial),
        _ => BitbucketServer(server, serial),
    };

    /// <summary>Repositories named <c>bench/repo-0</c> … for the fine-grained and per-repository checks.</summary>
    public static RepositoryRequest[] Repositories(int count)
        => [.. Enumerable.Range(0, count).Select(i => new RepositoryRequest($"bench/repo-{i}", RepositoryAccess.ReadWrite))];

    private static string Pad(long serial, int width) => serial.ToString("x", CultureInfo.InvariantCulture).PadLeft(width, 'a');
}
