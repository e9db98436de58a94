// Licensed under the MIT License. See LICENSE in the repository root.

using System.Collections.Concurrent;
using GitTokenScopes.Testing.GitHub.Internal;
using GitTokenScopes.Testing.Internal;

namespace GitTokenScopes.Testing;

/// <summary>
/// A fake GitHub (github.com or GitHub Enterprise Server) REST API on <c>127.0.0.1</c> and a free port, for testing
/// code that inspects GitHub tokens: it answers like GitHub for the tokens and repositories a test adds, and records
/// every request (never the token). Thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Every answer carries <c>Content-Type: application/json; charset=utf-8</c> (HTML pages: <c>text/html</c>),
/// <c>X-GitHub-Request-Id</c> (random hexadecimal in GitHub's <c>XXXX:XXXXX:XXXXXX:XXXXXX:XXXXXXXX</c> shape) and
/// <c>X-GitHub-Media-Type: github.v3; format=json</c>; an Enterprise fake adds <c>X-GitHub-Enterprise-Version</c>.
/// An Enterprise request outside <c>/api/v3/</c> answers GitHub's HTML 404 page without checking authentication.
/// Then, in order:
/// </para>
/// <list type="number">
/// <item><description>Authentication: <c>Authorization: token …</c> or <c>Bearer …</c> (any case; <c>Basic</c> with
/// the token as password is accepted too, as GitHub does). A missing, unknown or revoked token answers 401
/// <c>Bad credentials</c>, with the unauthenticated rate-limit headers (limit 60) but no scope header.</description></item>
/// <item><description><see cref="FakeGitHubToken.Delay"/>.</description></item>
/// <item><description><see cref="FakeGitHubToken.ServerErrorStatus"/>: that status, without GitHub's token headers.</description></item>
/// <item><description><see cref="FakeGitHubToken.RateLimit"/>: 403 or 429 with GitHub's rate-limit headers and message.
/// Scope and expiration headers are still sent.</description></item>
/// <item><description>The endpoint. Every authenticated answer carries the rate-limit headers (limit 5000, remaining
/// decremented per request, never refused; off on Enterprise unless
/// <see cref="FakeGitHubServerOptions.EnterpriseRateLimitsEnabled"/>); classic and OAuth tokens get the scope header
/// and <c>X-Accepted-OAuth-Scopes</c>; any token with <see cref="FakeGitHubToken.ExpiresAt"/> gets
/// <c>github-authentication-token-expiration</c>.</description></item>
/// </list>
/// <para>
/// Endpoints (relative to <see cref="ApiUrl"/>; <c>HEAD</c> answers like <c>GET</c> without a body): <c>GET /</c>
/// (the API root, as GitHub answers it), <c>GET /user</c> (403 for installation tokens),
/// <c>GET /installation/repositories</c> (installation tokens only; paginated with <c>per_page</c>, default 30, and
/// <c>page</c>, with a <c>Link</c> header, as GitHub does), <c>GET /repos/{owner}/{repo}</c>, and the permission probes
/// under it: <c>GET commits</c> (contents=read; 409 when empty), <c>PUT contents/{path}</c> (contents=write),
/// <c>GET actions/permissions</c> (administration=read), <c>GET rulesets/rule-suites</c> (administration=write),
/// <c>GET hooks</c> (repository_hooks=read), <c>PATCH hooks/{id}</c> (repository_hooks=write; 404, no hook exists),
/// <c>GET commits/{sha}/statuses</c> (statuses=read; 404, no commit exists), <c>POST statuses/{sha}</c>
/// (statuses=write), <c>GET pulls</c> (pull_requests=read) and <c>POST pulls</c> (pull_requests=write). Any other path
/// or method answers 404 <c>Not Found</c>. A repository that does not exist or is hidden from the token answers 404; a
/// level too low answers 403 <c>Resource not accessible by personal access token</c> (<c>by integration</c> for App
/// tokens). Every <c>/repos/{org}/…</c> path answers 403 with <c>X-GitHub-SSO</c> for a token whose
/// <see cref="FakeGitHubToken.SsoOrganization"/> is that organization.
/// </para>
/// <para>
/// JSON bodies carry every field GitHub's OpenAPI description requires for them, and the usual optional ones, in
/// GitHub's order: the API root, <c>GET /user</c> (<c>private-user</c> for classic and OAuth tokens with the
/// <c>user</c> or <c>read:user</c> scope, as GitHub documents; <c>public-user</c> otherwise, fine-grained and App user
/// tokens included), <c>full-repository</c> with a full <c>owner</c> (the account of a token whose
/// <see cref="FakeGitHubToken.Login"/> is the owner, else an organization with an id stable per login) and the merge
/// settings for those who may push, <c>repository</c> in the installation listing, and the created <c>file-commit</c>,
/// <c>status</c> and <c>pull-request</c> (always number 1; nothing is stored). API URLs are on <see cref="ApiUrl"/>, web
/// URLs on <see cref="Url"/>, in GitHub's patterns; timestamps come from <see cref="FakeGitHubServerOptions.TimeProvider"/>.
/// </para>
/// <para>
/// Choices where the behaviour table is silent, made as real GitHub behaves: <c>X-Accepted-GitHub-Permissions</c> is
/// sent on a probe's 403 to fine-grained and App tokens only (GitHub sends it to fine-grained actors, not to classic
/// tokens). <c>X-Accepted-OAuth-Scopes</c> lists <c>repo</c> for repository endpoints, but every scope that grants
/// access for webhooks (<c>admin:repo_hook, read:repo_hook, repo, write:repo_hook</c>; without <c>read:repo_hook</c>
/// for <c>PATCH</c>) and statuses (<c>repo, repo:status</c>), and an empty value elsewhere. A classic token needs the
/// admin role for webhooks even at read. Write probes check the level before the body: a body that is not a JSON
/// object answers 400 <c>Problems parsing JSON</c>; a complete, valid body answers 201 and stores nothing (no commit,
/// status or pull request is ever created). With one of <c>content</c>/<c>message</c> missing, the 422 message reads
/// <c>"message" wasn't supplied.</c>. An empty header value (an empty scope list, <c>X-Accepted-OAuth-Scopes</c> of
/// <c>/user</c>) goes on the wire empty, as GitHub sends it. The SSO URL is <c>https://github.com/orgs/{org}/sso?authorization_request=…</c>, on Enterprise the fake's own
/// <see cref="Url"/>. Enterprise documentation URLs stay docs.github.com ones.
/// </para>
/// </remarks>
public sealed class FakeGitHubServer : IDisposable
{
    private readonly FakeWireHost _host;
    private readonly GitHubFakeRouter _router;
    private readonly FakeRequestLog<FakeGitHubRequest> _log = new();
    private readonly ConcurrentDictionary<string, FakeGitHubToken> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeGitHubRepository> _repositories = new(StringComparer.OrdinalIgnoreCase);
    private long _lastRepositoryId = 1000;

    private FakeGitHubServer(FakeGitHubServerOptions options)
    {
        _router = new GitHubFakeRouter(options, _tokens, _repositories);
        _host = new FakeWireHost(HandleAsync, options.TimeProvider ?? TimeProvider.System);

        Url = new Uri($"http://127.0.0.1:{_host.Port}/");
        ApiUrl = options.Enterprise ? new Uri(Url, "api/v3/") : Url;
        _router.Url = Url;
        _router.ApiUrl = ApiUrl;
    }

    /// <summary>Gets the server's web address, <c>http://127.0.0.1:PORT/</c>. For Enterprise, the API is at <c>Url + "api/v3/"</c>.</summary>
    public Uri Url { get; }

    /// <summary>Gets the REST API base address, always ending with <c>/</c>: <see cref="Url"/> for github.com, <c>http://127.0.0.1:PORT/api/v3/</c> for Enterprise.</summary>
    public Uri ApiUrl { get; }

    /// <summary>Gets every request answered so far, in arrival order (including 401s and unknown paths).</summary>
    public IReadOnlyList<FakeGitHubRequest> Requests => _log.Snapshot();

    /// <summary>Gets the most requests the server was answering at the same time since it started or since <see cref="ResetRequests"/>.</summary>
    public int PeakConcurrentRequests => _log.Peak;

    /// <summary>Starts a fake on <c>127.0.0.1</c> and a free port.</summary>
    /// <param name="options">The options, read once; github.com behaviour when <see langword="null"/>.</param>
    /// <returns>The running server; dispose it to stop it.</returns>
    public static FakeGitHubServer Start(FakeGitHubServerOptions? options = null)
    {
        options ??= new FakeGitHubServerOptions();
        return new FakeGitHubServer(new FakeGitHubServerOptions
        {
            Enterprise = options.Enterprise,
            TimeProvider = options.TimeProvider ?? TimeProvider.System,
            EnterpriseVersion = options.EnterpriseVersion,
            EnterpriseRateLimitsEnabled = options.EnterpriseRateLimitsEnabled,
            ImplicitPublicRepositoryRead = options.ImplicitPublicRepositoryRead,
        });
    }

    /// <summary>Makes a token known to the server (replacing one with the same value). Tokens not added answer 401.</summary>
    /// <param name="token">The token.</param>
    /// <returns><paramref name="token"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="token"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the token's value is empty.</exception>
    public FakeGitHubToken AddToken(FakeGitHubToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentException.ThrowIfNullOrEmpty(token.Value, nameof(token));
        _tokens[token.Value] = token;
        return token;
    }

    /// <summary>Makes a repository exist on the server (replacing one with the same full name); an <see cref="FakeGitHubRepository.Id"/> of 0 gets a unique id.</summary>
    /// <param name="repository">The repository.</param>
    /// <returns><paramref name="repository"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="repository"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the full name is not <c>owner/name</c>.</exception>
    public FakeGitHubRepository AddRepository(FakeGitHubRepository repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var parts = repository.FullName?.Split('/') ?? [];
        if (parts.Length != 2 || parts.Any(p => p.Length == 0 || p.Trim() != p))
        {
            throw new ArgumentException($"A repository's full name must be 'owner/name'; got '{repository.FullName}'.", nameof(repository));
        }

        if (repository.Id == 0)
        {
            repository.Id = Interlocked.Increment(ref _lastRepositoryId);
        }

        _repositories[repository.FullName!] = repository;
        return repository;
    }

    /// <summary>Forgets the requests recorded so far, including those still being answered, and restarts <see cref="PeakConcurrentRequests"/>.</summary>
    public void ResetRequests() => _log.Reset();

    /// <summary>Stops the server; answers still delayed end at once.</summary>
    public void Dispose() => _host.Dispose();

    private async Task<FakeWireResponse> HandleAsync(FakeWireRequest request)
    {
        var ticket = _log.Arrive();
        var authorization = request.Header("Authorization");
        var token = GitHubFakeRouter.ReadToken(authorization);
        var query = request.Query;
        var call = new GitHubFakeCall(request.Method, request.Path, query, token, request.Body);

        GitHubFakeAnswer answer;
        try
        {
            answer = await _router.AnswerAsync(call, _host.Stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_host.Stopping.IsCancellationRequested)
        {
            answer = new GitHubFakeAnswer(503, """{"message":"Server stopping"}""");
        }

        _log.Write(ticket, new FakeGitHubRequest(
            request.Method,
            _router.RecordedPath(request.Path),
            query,
            answer.StatusCode,
            authorization is not null,
            token is null ? null : GitHubFakeTokens.Fingerprint(token)));
        return new FakeWireResponse(answer.StatusCode, answer.ContentType, answer.Headers, answer.Body);
    }
}
