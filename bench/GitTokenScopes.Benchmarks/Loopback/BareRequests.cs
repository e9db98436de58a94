// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net.Http.Headers;
using System.Text;

namespace GitTokenScopes.Benchmarks.Loopback;

/// <summary>
/// The physical limit: the same requests an inspection sends (same URLs, same headers), through one shared
/// <see cref="HttpClient"/> over a pooled <see cref="SocketsHttpHandler"/>, body read as a string, nothing parsed.
/// </summary>
internal sealed class BareRequests(LoopbackProvider server) : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(15) }) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>What a GitHub classic inspection without repositories sends: one <c>GET /user</c>.</summary>
    public Task<int> GitHubAsync(string token, CancellationToken cancellationToken = default)
        => SendAsync(new Uri(server.GitHubApi, "user"), request =>
        {
            request.Headers.TryAddWithoutValidation("Authorization", "token " + token);
            request.Headers.TryAddWithoutValidation("User-Agent", "GitTokenScopes/1.0");
            request.Headers.TryAddWithoutValidation("Accept", "application/vnd.github+json");
            request.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", "2022-11-28");
        }, cancellationToken);

    /// <summary>What a GitLab inspection sends: <c>GET /personal_access_tokens/self</c> and <c>GET /user</c>, concurrently.</summary>
    public async Task<int> GitLabAsync(string token, CancellationToken cancellationToken = default)
    {
        void Headers(HttpRequestMessage request)
        {
            request.Headers.TryAddWithoutValidation("PRIVATE-TOKEN", token);
            request.Headers.TryAddWithoutValidation("User-Agent", "GitTokenScopes/1.0");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        var self = SendAsync(new Uri(server.GitLabApi, "personal_access_tokens/self"), Headers, cancellationToken);
        var user = SendAsync(new Uri(server.GitLabApi, "user"), Headers, cancellationToken);
        return await self.ConfigureAwait(false) + await user.ConfigureAwait(false);
    }

    /// <summary>What a Bitbucket Cloud app-password inspection sends: one Basic <c>GET /2.0/user</c>.</summary>
    public Task<int> BitbucketCloudAsync(string username, string token, CancellationToken cancellationToken = default)
        => SendAsync(new Uri(server.BitbucketCloudApi, "user"), request =>
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{token}")));
            request.Headers.TryAddWithoutValidation("User-Agent", "GitTokenScopes/1.0");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }, cancellationToken);

    /// <summary>What a Bitbucket Server inspection without repositories sends: one Bearer <c>GET application-properties</c>.</summary>
    public Task<int> BitbucketServerAsync(string token, CancellationToken cancellationToken = default)
        => SendAsync(new Uri(server.BitbucketServerApi, "application-properties"), request =>
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.TryAddWithoutValidation("User-Agent", "GitTokenScopes/1.0");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }, cancellationToken);

    public Task<int> ForAsync(GitCredential credential, CancellationToken cancellationToken = default) => credential.Provider switch
    {
        GitProvider.GitHub => GitHubAsync(credential.Token, cancellationToken),
        GitProvider.GitLab => GitLabAsync(credential.Token, cancellationToken),
        GitProvider.BitbucketCloud => BitbucketCloudAsync(credential.Username!, credential.Token, cancellationToken),
        _ => BitbucketServerAsync(credential.Token, cancellationToken),
    };

    public void Dispose() => _client.Dispose();

    private async Task<int> SendAsync(Uri address, Action<HttpRequestMessage> headers, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        headers(request);
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return body.Length;
    }
}
