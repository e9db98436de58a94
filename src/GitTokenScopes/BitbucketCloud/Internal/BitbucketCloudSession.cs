// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using GitTokenScopes.Internal;

namespace GitTokenScopes.BitbucketCloud.Internal;

/// <summary>
/// The HTTP side of one inspection: the library's named client, the credential set on each request (never on shared
/// state), a per-request time-out on the injected clock, a cap on requests in flight, and a request count.
/// </summary>
internal sealed class BitbucketCloudSession : IDisposable
{
    private static readonly string Version = typeof(BitbucketCloudSession).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    /// <summary>The Git user name of access and OAuth tokens.</summary>
    public const string GitAccessTokenUser = "x-token-auth";

    /// <summary>The static Git user name of API tokens; the REST API needs the Atlassian e-mail address instead.</summary>
    public const string GitApiTokenUser = "x-bitbucket-api-token-auth";

    private readonly HttpClient _client;
    private readonly SemaphoreSlim _gate;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly string _userAgent;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private int _requests;

    public BitbucketCloudSession(HttpClient client, Uri apiUrl, GitCredential credential, BitbucketCloudInspectorOptions options, TimeProvider time)
    {
        _client = client;
        _client.Timeout = Timeout.InfiniteTimeSpan;
        _gate = new SemaphoreSlim(options.MaxConcurrentRequests);
        IsBasic = UsesBasic(credential);
        _authorization = IsBasic
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credential.Username}:{credential.Token}")))
            : new AuthenticationHeaderValue("Bearer", credential.Token);
        _userAgent = $"{options.UserAgentProduct}/{Version}";
        _timeout = options.RequestTimeout;
        _time = time;
        ApiUrl = apiUrl;
        Fingerprint = credential.Fingerprint;
    }

    public Uri ApiUrl { get; }

    /// <summary>Gets the credential's fingerprint, for logs.</summary>
    public string Fingerprint { get; }

    /// <summary>Gets a value indicating whether the credential goes as Basic (user name and secret) rather than Bearer.</summary>
    public bool IsBasic { get; }

    public int RequestCount => Volatile.Read(ref _requests);

    /// <summary>
    /// Whether the credential goes as Basic: when it has a user name, except <c>x-token-auth</c>, the Git user name of
    /// access and OAuth tokens, which authenticate to the REST API as Bearer (PROVIDERS.md §3.1).
    /// </summary>
    public static bool UsesBasic(GitCredential credential)
        => credential.Username is { } user && !string.Equals(user, GitAccessTokenUser, StringComparison.OrdinalIgnoreCase);

    /// <summary>Sends one GET. Transport failures and time-outs throw <see cref="BitbucketCloudUnreachableException"/>; the caller's cancellation throws.</summary>
    public async Task<BitbucketCloudAnswer> GetAsync(string endpoint, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(ApiUrl, endpoint));
            request.Headers.Authorization = _authorization;
            request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            Interlocked.Increment(ref _requests);
            var (status, headers, body) = await HttpExchange.SendAsync(_client, request, _timeout, _time, ", ", cancellationToken).ConfigureAwait(false);
            return new BitbucketCloudAnswer(status, headers, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BitbucketCloudUnreachableException($"Bitbucket Cloud did not answer GET /{Redact(endpoint)} within {_timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException exception)
        {
            // The message names the host and the socket error; it never holds request headers.
            throw new BitbucketCloudUnreachableException($"Bitbucket Cloud could not be reached for GET /{Redact(endpoint)}: {exception.Message}");
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
