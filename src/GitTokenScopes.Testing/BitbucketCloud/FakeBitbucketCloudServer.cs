// Licensed under the MIT License. See LICENSE in the repository root.

using System.Collections.Concurrent;
using GitTokenScopes.Testing.BitbucketCloud.Internal;
using GitTokenScopes.Testing.Internal;

namespace GitTokenScopes.Testing;

/// <summary>
/// A fake Bitbucket Cloud REST API (<c>/2.0</c>) on <c>127.0.0.1</c> and a free port, for testing code that inspects
/// Bitbucket Cloud credentials: it answers like Bitbucket for the credentials and repositories a test adds, and records
/// every request (never the secret). Thread-safe.
/// </summary>
/// <remarks>
/// <para>In order:</para>
/// <list type="number">
/// <item><description>A path outside <c>/2.0/</c> answers an HTML 404 page.</description></item>
/// <item><description>Authentication: <c>Basic</c> with user name and secret for app passwords (the Bitbucket username)
/// and API tokens (the Atlassian e-mail address; both compared ignoring case); <c>Bearer</c> for access tokens and OAuth
/// tokens. Anything else, or a revoked credential, answers 401 with Bitbucket's plain-text body
/// (<c>Login failed due to incorrect login credentials or method.</c> …), without scope headers.</description></item>
/// <item><description><see cref="FakeBitbucketCloudCredential.Delay"/>, then
/// <see cref="FakeBitbucketCloudCredential.ServerErrorStatus"/> (a JSON error body), then
/// <see cref="FakeBitbucketCloudCredential.RateLimited"/> (429, plain text <c>Rate limit for this resource has been
/// exceeded.</c>, no <c>Retry-After</c>; access tokens also get <c>X-RateLimit-Limit</c>, <c>X-RateLimit-Resource</c>
/// and <c>X-RateLimit-NearLimit</c>, as Bitbucket sends them for access tokens only).</description></item>
/// <item><description>The endpoint. Every authenticated answer carries <c>x-oauth-scopes</c> (<c>a, b</c>),
/// <c>x-accepted-oauth-scopes</c> (what the endpoint accepts) and <c>x-credential-type</c>
/// (see <see cref="FakeBitbucketCloudServerOptions.CredentialTypeForUserCredentials"/>). A credential lacking the
/// endpoint's scope gets 403 <c>{"type": "error", "error": {"message": "Your credentials lack one or more required
/// privilege scopes.", "detail": {"granted": […], "required": […]}}}</c>.</description></item>
/// </list>
/// <para>
/// Endpoints (relative to <see cref="ApiUrl"/>; <c>HEAD</c> answers like <c>GET</c> without a body):
/// <c>GET /user</c> (<c>account</c> or <c>read:user:bitbucket</c>; the whole documented user object; access tokens have
/// no user and get the 403, still with their scope and type headers),
/// <c>GET /repositories/{workspace}/{slug}</c> (<c>repository</c> or <c>read:repository:bitbucket</c>; 404 when out of
/// reach or missing) and <c>GET /user/workspaces/{workspace}/permissions/repositories?q=repository.full_name="w/r"</c>
/// (CHANGE-3022; same scope; user-bound credentials only; the account's permission <c>read</c>/<c>write</c>/<c>admin</c>).
/// The endpoints CHANGE-2770 removed (<c>GET /repositories</c>, <c>/workspaces</c>, <c>/user/permissions/repositories</c>,
/// <c>/user/permissions/workspaces</c>) answer <see cref="FakeBitbucketCloudCredential.RemovedEndpointStatus"/> with
/// Bitbucket's deprecation body. Other paths answer 404 <c>Resource not found</c>
/// (with a plain-text <c>detail</c>); other methods 405. Classic scopes imply as Bitbucket documents
/// (<c>repository:write</c> ⇒ <c>repository</c>, <c>pullrequest</c> ⇒ <c>repository</c>, …; <c>repository:admin</c>
/// implies nothing); API-token scopes imply nothing.
/// </para>
/// </remarks>
public sealed class FakeBitbucketCloudServer : IDisposable
{
    private readonly FakeWireHost _host;
    private readonly BitbucketCloudFakeRouter _router;
    private readonly FakeRequestLog<FakeBitbucketCloudRequest> _log = new();
    private readonly ConcurrentDictionary<string, FakeBitbucketCloudCredential> _credentials = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeBitbucketCloudRepository> _repositories = new(StringComparer.OrdinalIgnoreCase);

    private FakeBitbucketCloudServer(FakeBitbucketCloudServerOptions options)
    {
        _router = new BitbucketCloudFakeRouter(options, _credentials, _repositories);
        _host = new FakeWireHost(HandleAsync, options.TimeProvider ?? TimeProvider.System);
        Url = new Uri($"http://127.0.0.1:{_host.Port}/");
        ApiUrl = new Uri(Url, "2.0/");
        _router.Url = Url;
    }

    /// <summary>Gets the server's address, <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Url { get; }

    /// <summary>Gets the REST API base address, <c>http://127.0.0.1:PORT/2.0/</c>.</summary>
    public Uri ApiUrl { get; }

    /// <summary>Gets every request answered so far, in arrival order (including 401s and unknown paths).</summary>
    public IReadOnlyList<FakeBitbucketCloudRequest> Requests => _log.Snapshot();

    /// <summary>Starts a fake on <c>127.0.0.1</c> and a free port.</summary>
    /// <param name="options">The options, read once; defaults when <see langword="null"/>.</param>
    /// <returns>The running server; dispose it to stop it.</returns>
    public static FakeBitbucketCloudServer Start(FakeBitbucketCloudServerOptions? options = null)
        => new(new FakeBitbucketCloudServerOptions
        {
            CredentialTypeForUserCredentials = options?.CredentialTypeForUserCredentials ?? true,
            TimeProvider = options?.TimeProvider ?? TimeProvider.System,
        });

    /// <summary>Makes a credential known to the server (replacing one with the same secret). Credentials not added answer 401.</summary>
    /// <param name="credential">The credential.</param>
    /// <returns><paramref name="credential"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="credential"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the secret is empty, or a Basic kind has no user name.</exception>
    public FakeBitbucketCloudCredential AddCredential(FakeBitbucketCloudCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentException.ThrowIfNullOrEmpty(credential.Secret, nameof(credential));
        if (credential.Kind is FakeBitbucketCloudCredentialKind.AppPassword or FakeBitbucketCloudCredentialKind.ApiToken && string.IsNullOrWhiteSpace(credential.Username))
        {
            throw new ArgumentException("App passwords and API tokens need a user name.", nameof(credential));
        }

        _credentials[credential.Secret] = credential;
        return credential;
    }

    /// <summary>Makes a repository exist on the server (replacing one with the same full name).</summary>
    /// <param name="repository">The repository.</param>
    /// <returns><paramref name="repository"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="repository"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the full name is not <c>workspace/slug</c>.</exception>
    public FakeBitbucketCloudRepository AddRepository(FakeBitbucketCloudRepository repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var parts = repository.FullName?.Split('/') ?? [];
        if (parts.Length != 2 || parts.Any(p => p.Length == 0 || p.Trim() != p))
        {
            throw new ArgumentException($"A repository's full name must be 'workspace/slug'; got '{repository.FullName}'.", nameof(repository));
        }

        _repositories[repository.FullName!] = repository;
        return repository;
    }

    /// <summary>Forgets the requests recorded so far, including those still being answered.</summary>
    public void ResetRequests() => _log.Reset();

    /// <summary>Stops the server; answers still delayed end at once.</summary>
    public void Dispose() => _host.Dispose();

    private async Task<FakeWireResponse> HandleAsync(FakeWireRequest request)
    {
        var ticket = _log.Arrive();
        var (credential, secret, scheme) = _router.Authenticate(request.Header("Authorization"));
        var query = request.Query;
        BitbucketFakeAnswer answer;
        try
        {
            answer = await _router.AnswerAsync(request.Method, request.Path, query, credential, _host.Stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_host.Stopping.IsCancellationRequested)
        {
            answer = new BitbucketFakeAnswer(503, """{"type": "error", "error": {"message": "Server stopping"}}""");
        }

        var path = request.Path.StartsWith(BitbucketCloudFakeRouter.Prefix + "/", StringComparison.Ordinal) ? request.Path[BitbucketCloudFakeRouter.Prefix.Length..] : request.Path;
        _log.Write(ticket, new FakeBitbucketCloudRequest(request.Method, path, query, answer.StatusCode, scheme, secret is null ? null : BitbucketFakeWire.Fingerprint(secret)));
        return BitbucketFakeWire.ToResponse(answer);
    }
}
