// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net.Http.Headers;
using System.Reflection;
using GitTokenScopes.Internal;

namespace GitTokenScopes.GitLab.Internal;

/// <summary>
/// The HTTP side of one inspection: the library's named <see cref="HttpClient"/>, the token in a per-request
/// <c>PRIVATE-TOKEN</c> header (never on shared state, never in <c>Authorization</c>), a per-request time-out, a cap on
/// requests in flight, and a request count.
/// </summary>
internal sealed class GitLabSession : IDisposable
{
    private static readonly string Version = typeof(GitLabSession).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    private readonly HttpClient _client;
    private readonly SemaphoreSlim _gate;
    private readonly string _token;
    private readonly string _userAgent;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private int _requests;

    public GitLabSession(HttpClient client, Uri apiUrl, string token, GitLabInspectorOptions options, TimeProvider time)
    {
        _client = client;

        // The per-request time-out below governs; the factory's default 100 s must not cut a longer one short.
        _client.Timeout = Timeout.InfiniteTimeSpan;
        _gate = new SemaphoreSlim(options.MaxConcurrentRequests);
        _token = token;
        _userAgent = $"{options.UserAgentProduct}/{Version}";
        _timeout = options.RequestTimeout;
        _time = time;
        ApiUrl = apiUrl;
    }

    public Uri ApiUrl { get; }

    public int RequestCount => Volatile.Read(ref _requests);

    /// <summary>Sends one request. Transport failures and time-outs throw <see cref="GitLabUnreachableException"/>; the caller's cancellation throws.</summary>
    /// <param name="method">The method.</param>
    /// <param name="endpoint">The path relative to the API address, already escaped (<c>projects/a%2Fb</c>).</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public async Task<GitLabAnswer> SendAsync(HttpMethod method, string endpoint, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var request = new HttpRequestMessage(method, new Uri(ApiUrl, endpoint));
            request.Headers.TryAddWithoutValidation("PRIVATE-TOKEN", _token);
            request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            Interlocked.Increment(ref _requests);
            var (status, headers, body) = await HttpExchange.SendAsync(_client, request, _timeout, _time, ",", cancellationToken).ConfigureAwait(false);
            return new GitLabAnswer(status, headers, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GitLabUnreachableException($"GitLab did not answer {method} /{Redact(endpoint)} within {_timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException exception)
        {
            // The message names the host and the socket error; it never holds request headers.
            throw new GitLabUnreachableException($"GitLab could not be reached for {method} /{Redact(endpoint)}: {exception.Message}");
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _gate.Dispose();
    }

    private static string Redact(string endpoint) => endpoint.Split('?')[0];
}
