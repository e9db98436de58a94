// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using GitTokenScopes.Internal;

namespace GitTokenScopes.BitbucketServer.Internal;

/// <summary>
/// The HTTP side of one inspection: the library's named client, <c>Authorization: Bearer</c> set on each request (never
/// on shared state), a per-request time-out on the injected clock, a cap on requests in flight, and a request count.
/// </summary>
internal sealed class BitbucketServerSession : IDisposable
{
    private static readonly string Version = typeof(BitbucketServerSession).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    private readonly HttpClient _client;
    private readonly SemaphoreSlim _gate;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly string _userAgent;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private int _requests;

    public BitbucketServerSession(HttpClient client, Uri apiUrl, GitCredential credential, BitbucketServerInspectorOptions options, TimeProvider time)
    {
        _client = client;
        _client.Timeout = Timeout.InfiniteTimeSpan;
        _gate = new SemaphoreSlim(options.MaxConcurrentRequests);
        _authorization = new AuthenticationHeaderValue("Bearer", credential.Token);
        _userAgent = $"{options.UserAgentProduct}/{Version}";
        _timeout = options.RequestTimeout;
        _time = time;
        ApiUrl = apiUrl;
        Fingerprint = credential.Fingerprint;
    }

    public Uri ApiUrl { get; }

    public string Fingerprint { get; }

    public int RequestCount => Volatile.Read(ref _requests);

    /// <summary>
    /// Sends one request to <paramref name="address"/> (relative to <see cref="ApiUrl"/> or absolute), with a JSON body when
    /// given. Transport failures and time-outs throw <see cref="BitbucketServerUnreachableException"/>; the caller's cancellation throws.
    /// </summary>
    public async Task<BitbucketServerAnswer> SendAsync(HttpMethod method, Uri address, string? jsonBody, CancellationToken cancellationToken)
    {
        var target = address.IsAbsoluteUri ? address : new Uri(ApiUrl, address);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var request = new HttpRequestMessage(method, target);
            request.Headers.Authorization = _authorization;
            request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (jsonBody is not null)
            {
                request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");

                // Bitbucket's XSRF protection rejects write requests from non-browser clients without this header.
                request.Headers.TryAddWithoutValidation("X-Atlassian-Token", "no-check");
            }

            Interlocked.Increment(ref _requests);
            var (status, headers, body) = await HttpExchange.SendAsync(_client, request, _timeout, _time, ", ", cancellationToken).ConfigureAwait(false);
            return new BitbucketServerAnswer(status, headers, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BitbucketServerUnreachableException($"Bitbucket Server did not answer {method} {target.AbsolutePath} within {_timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException exception)
        {
            // The message names the host and the socket error; it never holds request headers.
            throw new BitbucketServerUnreachableException($"Bitbucket Server could not be reached for {method} {target.AbsolutePath}: {exception.Message}");
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
}
