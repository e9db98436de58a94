// Licensed under the MIT License. See LICENSE in the repository root.

using System.Collections.Concurrent;
using GitTokenScopes.Testing.BitbucketCloud.Internal;
using GitTokenScopes.Testing.BitbucketServer.Internal;
using GitTokenScopes.Testing.Internal;

namespace GitTokenScopes.Testing;

/// <summary>
/// A fake Bitbucket Server / Data Center REST API on <c>127.0.0.1</c> and a free port, under an optional context path,
/// for testing code that inspects HTTP access tokens: it answers like Bitbucket for the tokens and repositories a test
/// adds, stores nothing, and records every request (never the token). Thread-safe.
/// </summary>
/// <remarks>
/// <para>In order:</para>
/// <list type="number">
/// <item><description>A path outside <see cref="FakeBitbucketServerOptions.ContextPath"/> answers an HTML 404 page.</description></item>
/// <item><description>Authentication: <c>Bearer</c> with the token; <c>Basic</c> with user name and token for personal
/// tokens only. An unknown or revoked token answers 401
/// <c>{"errors":[{"context":null,"message":"Authentication failed. …","exceptionName":"…IncorrectPasswordAuthenticationException"}]}</c>.
/// A request without <c>Authorization</c> is anonymous: <c>application-properties</c> answers without <c>X-AUSERNAME</c>,
/// anything else 401.</description></item>
/// <item><description><see cref="FakeBitbucketServerToken.Delay"/>, then <see cref="FakeBitbucketServerToken.ServerErrorStatus"/>,
/// then <see cref="FakeBitbucketServerToken.RateLimited"/> (429 with <c>Retry-After: 30</c>).</description></item>
/// <item><description>The endpoint. Every authenticated answer carries <c>X-AUSERNAME</c>, <c>X-AUSERID</c> and
/// <c>X-AREQUESTID</c>.</description></item>
/// </list>
/// <para>
/// Endpoints (under <see cref="Url"/>; <c>1.0</c> or <c>latest</c>): <c>GET rest/api/1.0/application-properties</c>;
/// <c>GET …/projects/{key}</c> (project read: a personal token with a project permission whose owner has a repository in
/// the project, or a project token of that project); <c>GET …/projects/{key}/repos/{slug}</c> (effective read, else 404
/// <c>NoSuchRepositoryException</c>); <c>GET …/repos/{slug}/webhooks</c> (effective admin); <c>POST …/repos/{slug}/branches</c>
/// (effective write, then body validation: a blank <c>name</c> or <c>startPoint</c> answers 400
/// <c>ArgumentValidationException</c> with its <c>context</c>; a valid body answers 200 and creates nothing); and
/// <c>GET rest/access-tokens/1.0/users/{user}/{id}</c> (the user's personal token with that id: id, name, permissions,
/// <c>expiryDate</c> in epoch milliseconds; 401 when <see cref="FakeBitbucketServerOptions.AccessTokenMetadataReadable"/>
/// is off or the user is another one; 404 <c>NoSuchAccessTokenException</c>), and likewise a project token under
/// <c>rest/access-tokens/1.0/projects/{key}/{id}</c> and a repository token under <c>…/projects/{key}/repos/{slug}/{id}</c>
/// (readable by that token itself). Missing permissions answer 401
/// <c>AuthorisationException</c> "You are not permitted to access this resource", as Bitbucket Server does once a
/// request is authenticated. Other paths answer 404. The effective permission is the token's cap (<c>PROJECT_X</c>
/// counting as <c>REPO_X</c>), for personal tokens also capped by <see cref="FakeBitbucketServerToken.OwnerPermissions"/>.
/// </para>
/// </remarks>
public sealed class FakeBitbucketServer : IDisposable
{
    private readonly FakeWireHost _host;
    private readonly BitbucketServerFakeRouter _router;
    private readonly FakeRequestLog<FakeBitbucketServerRequest> _log = new();
    private readonly ConcurrentDictionary<string, FakeBitbucketServerToken> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeBitbucketServerRepository> _repositories = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _contextPath;

    private FakeBitbucketServer(FakeBitbucketServerOptions options)
    {
        _contextPath = "/" + options.ContextPath.Trim('/');
        _contextPath = _contextPath == "/" ? string.Empty : _contextPath;
        _host = new FakeWireHost(HandleAsync, options.TimeProvider ?? TimeProvider.System);
        Url = new Uri($"http://127.0.0.1:{_host.Port}{_contextPath}/");
        _router = new BitbucketServerFakeRouter(options, _tokens, _repositories, Url);
        ApiUrl = new Uri(Url, "rest/api/1.0/");
    }

    /// <summary>Gets the server's web address with its context path, ending with <c>/</c>: <c>http://127.0.0.1:PORT/bitbucket/</c>.</summary>
    public Uri Url { get; }

    /// <summary>Gets the core REST API address: <see cref="Url"/> and <c>rest/api/1.0/</c>.</summary>
    public Uri ApiUrl { get; }

    /// <summary>Gets every request answered so far, in arrival order.</summary>
    public IReadOnlyList<FakeBitbucketServerRequest> Requests => _log.Snapshot();

    /// <summary>Starts a fake on <c>127.0.0.1</c> and a free port.</summary>
    /// <param name="options">The options, read once; defaults when <see langword="null"/>.</param>
    /// <returns>The running server; dispose it to stop it.</returns>
    public static FakeBitbucketServer Start(FakeBitbucketServerOptions? options = null)
    {
        options ??= new FakeBitbucketServerOptions();
        return new(new FakeBitbucketServerOptions
        {
            ContextPath = options.ContextPath ?? string.Empty,
            AccessTokenMetadataReadable = options.AccessTokenMetadataReadable,
            Version = options.Version,
            TimeProvider = options.TimeProvider ?? TimeProvider.System,
        });
    }

    /// <summary>Makes a token known to the server (replacing one with the same value). Tokens not added answer 401.</summary>
    /// <param name="token">The token.</param>
    /// <returns><paramref name="token"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="token"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the token's value is empty.</exception>
    public FakeBitbucketServerToken AddToken(FakeBitbucketServerToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentException.ThrowIfNullOrEmpty(token.Value, nameof(token));
        _tokens[token.Value] = token;
        return token;
    }

    /// <summary>Makes a repository exist on the server (replacing one with the same full name).</summary>
    /// <param name="repository">The repository.</param>
    /// <returns><paramref name="repository"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="repository"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the full name is not <c>PROJECT/slug</c>.</exception>
    public FakeBitbucketServerRepository AddRepository(FakeBitbucketServerRepository repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var parts = repository.FullName?.Split('/') ?? [];
        if (parts.Length != 2 || parts.Any(p => p.Length == 0 || p.Trim() != p))
        {
            throw new ArgumentException($"A repository's full name must be 'PROJECT/slug'; got '{repository.FullName}'.", nameof(repository));
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
        var header = request.Header("Authorization");
        var (token, presented, scheme) = _router.Authenticate(header);
        var query = request.Query;
        var inside = _contextPath.Length == 0 || request.Path.StartsWith(_contextPath + "/", StringComparison.Ordinal);
        var path = inside ? request.Path[_contextPath.Length..] : request.Path;
        BitbucketFakeAnswer answer;
        try
        {
            answer = inside
                ? await _router.AnswerAsync(request.Method, path, header is not null, token, request.Body, _host.Stopping).ConfigureAwait(false)
                : new BitbucketFakeAnswer(404, "<!DOCTYPE html><html><head><title>Page Not Found - Bitbucket</title></head><body><h1>Page not found</h1></body></html>", BitbucketFakeAnswer.Html);
        }
        catch (OperationCanceledException) when (_host.Stopping.IsCancellationRequested)
        {
            answer = new BitbucketFakeAnswer(503, """{"errors":[{"context":null,"message":"Server stopping","exceptionName":null}]}""");
        }

        _log.Write(ticket, new FakeBitbucketServerRequest(request.Method, path, query, answer.StatusCode, scheme, presented is null ? null : BitbucketFakeWire.Fingerprint(presented)));
        return BitbucketFakeWire.ToResponse(answer);
    }
}
