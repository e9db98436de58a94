// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net.Http.Headers;
using System.Reflection;
using System.Text;

namespace GitTokenScopes.Providers.Internal;

/// <summary>
/// The HTTP side of one inspection, the same for every provider: a cap on requests in flight, a request count, one
/// time-out per request covering headers and body, the <c>User-Agent</c>, and "unreachable" for no answer. The provider
/// adds only its own headers, the credential on each request. <see cref="BuildRequest"/> and <see cref="ReadAsync"/> are
/// the one place each for what is sent and what is accepted.
/// </summary>
internal sealed class ProviderSession : IDisposable
{
    private static readonly string Version = typeof(ProviderSession).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    private readonly string _provider;
    private readonly Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> _send;
    private readonly Action<HttpRequestMessage> _prepare;
    private readonly IDisposable? _owned;
    private readonly SemaphoreSlim _gate;
    private readonly string _userAgent;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private int _requests;

    // send returns once the headers are in; prepare adds the provider's own headers; owned is disposed with the session.
    public ProviderSession(
        string provider,
        Uri apiUrl,
        ProviderInspectorOptions options,
        TimeProvider time,
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send,
        Action<HttpRequestMessage> prepare,
        IDisposable? owned = null)
    {
        _provider = provider;
        _send = send;
        _prepare = prepare;
        _owned = owned;
        _gate = new SemaphoreSlim(options.MaxConcurrentRequests);
        _userAgent = $"{options.UserAgentProduct}/{Version}";
        _timeout = options.RequestTimeout;
        _time = time;
        ApiUrl = apiUrl;
    }

    public Uri ApiUrl { get; }

    public int RequestCount => Volatile.Read(ref _requests);

    /// <summary>A session over one of the library's named clients.</summary>
    public static ProviderSession Over(HttpClient client, string provider, Uri apiUrl, ProviderInspectorOptions options, TimeProvider time, Action<HttpRequestMessage> prepare)
        => new(provider, apiUrl, options, time, (request, token) => client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token), prepare, client);

    /// <summary>
    /// Sends one request to <paramref name="endpoint"/> (escaped, relative to the API address, or absolute). No answer in
    /// time or a transport failure throws <see cref="ProviderUnreachableException"/>; the caller's cancellation throws.
    /// </summary>
    public async Task<ProviderAnswer> SendAsync(HttpMethod method, string endpoint, string? jsonBody, CancellationToken cancellationToken)
    {
        var target = new Uri(ApiUrl, endpoint);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Interlocked.Increment(ref _requests);
            using var timer = new CancellationTokenSource(_timeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
            using var request = BuildRequest(method, target, jsonBody);
            using var response = await _send(request, linked.Token).ConfigureAwait(false);
            return await ReadAsync(response, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProviderUnreachableException($"{_provider} did not answer {method} {PathOf(endpoint, target)} within {_timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException exception)
        {
            // The message names the host and the socket error; it never holds request headers.
            throw new ProviderUnreachableException($"{_provider} could not be reached for {method} {PathOf(endpoint, target)}: {exception.Message}");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Like <see cref="SendAsync"/>, but no answer is a reply with the reason.</summary>
    public async Task<ProviderReply> TrySendAsync(HttpMethod method, string endpoint, string? jsonBody, CancellationToken cancellationToken)
    {
        try
        {
            return new ProviderReply(await SendAsync(method, endpoint, jsonBody, cancellationToken).ConfigureAwait(false), null);
        }
        catch (ProviderUnreachableException exception)
        {
            return new ProviderReply(null, exception.Message);
        }
    }

    public void Dispose()
    {
        _owned?.Dispose();
        _gate.Dispose();
    }

    private HttpRequestMessage BuildRequest(HttpMethod method, Uri target, string? jsonBody)
    {
        var request = new HttpRequestMessage(method, target);
        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        }

        _prepare(request);
        return request;
    }

    private static async Task<ProviderAnswer> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var headers = response.Headers.Concat(response.Content.Headers)
            .Select(h => KeyValuePair.Create(h.Key, string.Join(", ", h.Value)));
        return new ProviderAnswer((int)response.StatusCode, headers, body);
    }

    // What messages name: the path as the provider's docs write it, never the query (it may carry names).
    private static string PathOf(string endpoint, Uri target)
        => endpoint.Contains("://", StringComparison.Ordinal) ? target.AbsolutePath : "/" + endpoint.Split('?')[0];
}
