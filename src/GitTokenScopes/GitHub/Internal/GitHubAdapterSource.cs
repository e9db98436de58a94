// Licensed under the MIT License. See LICENSE in the repository root.

using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace GitTokenScopes.GitHub.Internal;

/// <summary>
/// One Octokit adapter for the inspector's sessions instead of one per inspection (an <see cref="HttpClient"/>, Octokit's
/// redirect handler and a factory handler each time). It is replaced once the named client's handler lifetime has
/// passed, as a client from <see cref="IHttpClientFactory"/> would be, so handler rotation and reconfiguration still
/// reach GitHub requests; a replaced adapter is left to sessions still using it, never disposed under them.
/// </summary>
internal sealed class GitHubAdapterSource(IHttpMessageHandlerFactory handlers, IOptionsMonitor<HttpClientFactoryOptions> factoryOptions, TimeProvider time)
{
    private Entry? _current;

    /// <summary>Gets the adapter to send with, renewed when the handler lifetime has passed.</summary>
    public GitHubHttpAdapter Current
    {
        get
        {
            var entry = Volatile.Read(ref _current);
            if (entry is not null && (entry.Lifetime == Timeout.InfiniteTimeSpan || time.GetElapsedTime(entry.Created) < entry.Lifetime))
            {
                return entry.Adapter;
            }

            // Two callers may both renew; one adapter wins and the other is only garbage.
            var lifetime = factoryOptions.Get(GitTokenScopesHttpClientNames.GitHub).HandlerLifetime;
            var renewed = new Entry(new GitHubHttpAdapter(() => handlers.CreateHandler(GitTokenScopesHttpClientNames.GitHub)), time.GetTimestamp(), lifetime);
            Volatile.Write(ref _current, renewed);
            return renewed.Adapter;
        }
    }

    private sealed record Entry(GitHubHttpAdapter Adapter, long Created, TimeSpan Lifetime);
}
