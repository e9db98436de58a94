// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace GitTokenScopes.Providers.Internal;

/// <summary>
/// The HTTP side of one inspection, the same for every provider: a cap on requests in flight, a request count, one
/// time-out per request covering headers and body, the <c>User-Agent</c>, and "unreachable" for no answer. The provider
/// adds only its own headers, the credential on each request. <see cref="BuildRequest"/> and <see cref="ReadAsync"/> are
/// the one place each for what is sent and what is accepted: a body within the size limit, for a GET's 2xx the JSON of
/// an API, and provider text scrubbed of the credential (redirects: <see cref="RedirectGuard"/>). An answer refused by
/// these rules is no answer, with status <see cref="InspectionStatus.ProviderError"/>: never evidence about scopes.
/// <c>send</c> returns once the headers are in; <c>prepare</c> adds the provider's headers; <c>owned</c> is disposed with the session.
/// </summary>
internal sealed class ProviderSession(
    string provider,
    Uri apiUrl,
    ProviderInspectorOptions options,
    TimeProvider time,
    ILogger logger,
    string fingerprint,
    Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send,
    Action<HttpRequestMessage> prepare,
    IDisposable? owned = null) : IDisposable
{
    private static readonly string Version = typeof(ProviderSession).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    private readonly SemaphoreSlim _gate = new(options.MaxConcurrentRequests);
    private readonly string _userAgent = $"{options.UserAgentProduct}/{Version}";
    private readonly TimeSpan _timeout = options.RequestTimeout;
    private readonly long _maxBody = options.MaxResponseBodySize;
    private SecretScrubber _scrubber = SecretScrubber.None;
    private int _requests;

    public Uri ApiUrl { get; } = apiUrl;

    public int RequestCount => Volatile.Read(ref _requests);

    /// <summary>
    /// Sends one request to <paramref name="endpoint"/> (escaped, relative to the API address, or absolute). No answer in
    /// time, a transport failure or an answer the transport rules refuse throws <see cref="ProviderUnreachableException"/>.
    /// </summary>
    public async Task<ProviderAnswer> SendAsync(HttpMethod method, string endpoint, string? jsonBody, CancellationToken cancellationToken)
    {
        var target = new Uri(ApiUrl, endpoint);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Interlocked.Increment(ref _requests);
            using var timer = new CancellationTokenSource(_timeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
            using var request = BuildRequest(method, target, jsonBody);
            using var response = await send(request, linked.Token).ConfigureAwait(false);
            var (answer, refusal) = await ReadAsync(request, response, linked.Token).ConfigureAwait(false);
            if (logger.IsEnabled(LogLevel.Trace))
            {
                var path = PathOf(endpoint, target);
                ProviderLog.AnswerReceived(logger, provider, fingerprint, method.Method, path, (int)response.StatusCode);
            }

            return answer ?? throw Refused(method, PathOf(endpoint, target), refusal!);
        }
        catch (RedirectGuard.RefusedException exception)
        {
            throw Refused(method, PathOf(endpoint, target), exception.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProviderUnreachableException($"{provider} did not answer {method} {PathOf(endpoint, target)} within {_timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException exception)
        {
            // The message names the host and the socket error; it never holds request headers.
            throw new ProviderUnreachableException(_scrubber.Scrub($"{provider} could not be reached for {method} {PathOf(endpoint, target)}: {exception.Message}"));
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
            return new ProviderReply(null, exception.Message, exception.Status);
        }
    }

    public Task<ProviderReply> GetAsync(string endpoint, CancellationToken cancellationToken)
        => TrySendAsync(HttpMethod.Get, endpoint, null, cancellationToken);

    /// <summary>One GET per repository, all sent at once; the replies in the repositories' order.</summary>
    public Task<ProviderReply[]> GetEachAsync(
        IEnumerable<RepositoryRequest> repositories, Func<RepositoryRequest, string> path, CancellationToken cancellationToken)
        => Task.WhenAll(repositories.Select(r => GetAsync(path(r), cancellationToken)));

    public void Dispose()
    {
        owned?.Dispose();
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

        prepare(request);

        // Every request of a session carries the same credential; what it sent is what provider text is scrubbed of.
        _scrubber = SecretScrubber.Of(request.Headers);
        return request;
    }

    /// <summary>The answer, scrubbed of the credential; or, when the transport rules refuse it, what came back.</summary>
    private async Task<(ProviderAnswer? Answer, string? Refusal)> ReadAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var content = response.Content.Headers;
        if (content.ContentLength > _maxBody)
        {
            // Refused before a byte of the body is read; disposing the response abandons the connection.
            return (null, $"{status} and a body of {content.ContentLength} bytes, above the limit of {_maxBody} bytes");
        }

        if (await ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false) is not { } body)
        {
            return (null, $"{status} and a body larger than the limit of {_maxBody} bytes; reading stopped there");
        }

        if (request.Method == HttpMethod.Get && status is >= 200 and <= 299 && NotApiJson(content.ContentType, body) is { } what)
        {
            return (null, $"{status} and {what}, not the JSON its API returns");
        }

        var headers = response.Headers.Concat(content)
            .Select(h => KeyValuePair.Create(h.Key, _scrubber.Scrub(string.Join(", ", h.Value))));
        return (new ProviderAnswer(status, headers, _scrubber.Scrub(body)), null);
    }

    /// <summary>The body as UTF-8 text; <see langword="null"/> once it passes the limit, so memory stays bounded.</summary>
    private async Task<string?> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        // WaitAsync: the time-out must hold even over content or a stream (a host's handler may supply either) that ignores
        // the token; HttpContent's own buffering path does. The chunk is not pooled, as an abandoned read may still write.
        var stream = await content.ReadAsStreamAsync(cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).AsTask().WaitAsync(cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > _maxBody)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            return Encoding.UTF8.GetString(bytes.StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes);
        }
    }

    /// <summary>What a GET's 2xx body is when it is not an API's JSON (an object or a list); <see langword="null"/> when it is.</summary>
    private static string? NotApiJson(MediaTypeHeaderValue? type, string body)
    {
        var media = type?.MediaType;
        if (media is null || !(media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase)))
        {
            var kind = body.TrimStart().StartsWith('<') ? "an HTML or XML page" : body.Length == 0 ? "an empty body" : $"a body of {body.Length} characters";
            return $"{kind} of type {media ?? "(none)"}";
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return "an empty body";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? null : $"a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}";
        }
        catch (JsonException)
        {
            return "a body that does not parse as JSON";
        }
    }

    private ProviderUnreachableException Refused(HttpMethod method, string path, string what)
        => new(_scrubber.Scrub($"{provider} answered {method} {path} with {what}."), InspectionStatus.ProviderError);

    // What messages name: the path as the provider's docs write it, never the query (it may carry names).
    private static string PathOf(string endpoint, Uri target)
        => endpoint.Contains("://", StringComparison.Ordinal) ? target.AbsolutePath : "/" + endpoint.Split('?')[0];
}

/// <summary>An answer, or why there is none: a required request's <see cref="Required"/>, a repository's <see cref="Assess"/>.</summary>
internal readonly record struct ProviderReply(ProviderAnswer? Answer, string? Unreachable, InspectionStatus Status = InspectionStatus.Unreachable)
{
    public ProviderAnswer Required => Answer ?? throw new ProviderUnreachableException(Unreachable!, Status);

    /// <summary>What <paramref name="judge"/> makes of the answer; without one, the repository was not checked.</summary>
    public RepositoryAccessResult Assess(RepositoryRequest repository, Func<ProviderAnswer, RepositoryAccessResult> judge)
        => Answer is { } answer ? judge(answer) : repository.Unknown($"Not checked: {Unreachable}");
}

/// <summary>
/// No usable answer: none (time-out, transport failure; <see cref="InspectionStatus.Unreachable"/>) or one the transport
/// rules refuse (<see cref="InspectionStatus.ProviderError"/>). The message names the method and path, never a header or the query.
/// </summary>
internal sealed class ProviderUnreachableException(string message, InspectionStatus status = InspectionStatus.Unreachable) : Exception(message)
{
    public InspectionStatus Status { get; } = status;
}
