// Licensed under the MIT License. See LICENSE in the repository root.

using System.Reflection;

namespace GitTokenScopes.GitHub.Internal;

/// <summary>
/// The HTTP side of one inspection: Octokit's HTTP adapter over the library's named <c>IHttpClientFactory</c> handler
/// (shared by the inspector's sessions), the token set on each request (never on shared state), a per-request
/// time-out, a cap on requests in flight, and a request count.
/// </summary>
/// <remarks>
/// Octokit's adapter is used directly rather than <c>Connection</c>: every answer is needed as it came (status,
/// headers, body) without exceptions as control flow, and every call must be cancellable. The adapter's redirect
/// handler drops <c>Authorization</c> when a redirect leaves the host.
/// </remarks>
internal sealed class GitHubSession : IDisposable
{
    private static readonly string Version = typeof(GitHubSession).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    private readonly GitHubHttpAdapter _adapter;
    private readonly SemaphoreSlim _gate;
    private readonly string _authorization;
    private readonly string _userAgent;
    private readonly TimeSpan _timeout;
    private int _requests;

    /// <param name="adapter">The inspector's shared adapter (see <see cref="GitHubAdapterSource"/>); the session does not own it.</param>
    /// <param name="apiUrl">The API address.</param>
    /// <param name="token">The token, set on each request.</param>
    /// <param name="options">The inspector's options.</param>
    public GitHubSession(GitHubHttpAdapter adapter, Uri apiUrl, string token, GitHubInspectorOptions options)
    {
        _adapter = adapter;
        _gate = new SemaphoreSlim(options.MaxConcurrentRequests);
        _authorization = "token " + token;
        _userAgent = $"{options.UserAgentProduct}/{Version}";
        _timeout = options.RequestTimeout;
        ApiUrl = apiUrl;
    }

    public Uri ApiUrl { get; }

    public int RequestCount => Volatile.Read(ref _requests);

    /// <summary>Sends one request. Transport failures and time-outs throw <see cref="GitHubUnreachableException"/>; the caller's cancellation throws.</summary>
    public async Task<GitHubAnswer> SendAsync(HttpMethod method, string endpoint, bool withEmptyBody, CancellationToken cancellationToken)
    {
        var request = new GitHubRequest
        {
            Method = method,
            BaseAddress = ApiUrl,
            Endpoint = new Uri(endpoint, UriKind.Relative),

            // Zero: no time-out of Octokit's, which links two sources per request and never disposes them (their timers
            // stay queued for the whole time-out); the linked source below is disposed when the answer is in.
            Timeout = TimeSpan.Zero,
            Body = withEmptyBody ? "{}" : null,
            ContentType = withEmptyBody ? "application/json" : null,
        };
        request.Headers["Authorization"] = _authorization;
        request.Headers["User-Agent"] = _userAgent;
        request.Headers["Accept"] = "application/vnd.github+json";
        request.Headers["X-GitHub-Api-Version"] = "2022-11-28";

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Interlocked.Increment(ref _requests);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_timeout);
            request.Cancellation = timeout.Token;
            var response = await _adapter.Send(request, timeout.Token).ConfigureAwait(false);
            return new GitHubAnswer((int)response.StatusCode, response.Headers, response.Body as string);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GitHubUnreachableException($"GitHub did not answer {method} {Redact(endpoint)} within {_timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException exception)
        {
            // The message names the host and the socket error; it never holds request headers.
            throw new GitHubUnreachableException($"GitHub could not be reached for {method} {Redact(endpoint)}: {exception.Message}");
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private static string Redact(string endpoint) => endpoint.Split('?')[0];
}
