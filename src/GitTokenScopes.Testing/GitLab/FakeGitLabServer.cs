// Licensed under the MIT License. See LICENSE in the repository root.

using System.Collections.Concurrent;
using GitTokenScopes.Testing.GitLab.Internal;
using GitTokenScopes.Testing.Internal;

namespace GitTokenScopes.Testing;

/// <summary>
/// A fake GitLab (GitLab.com or self-managed, optionally under a relative URL root) REST API v4 on <c>127.0.0.1</c> and
/// a free port, for testing code that inspects GitLab tokens: it answers like GitLab for the tokens and projects a test
/// adds, and records every request (never the token). Thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// A request outside <c>{root}/api/v4/</c> answers GitLab's HTML 404 page without checking authentication. Then, in order:
/// </para>
/// <list type="number">
/// <item><description>Authentication: the token is read from <c>PRIVATE-TOKEN</c>, then <c>Authorization: Bearer …</c>,
/// then <c>?private_token=</c>, as GitLab accepts all three. A missing or unknown token answers 401
/// <c>{"message":"401 Unauthorized"}</c>; a revoked one 401 <c>{"error":"invalid_token","error_description":"Token was
/// revoked. You have to re-authorize from the user."}</c>; one whose <see cref="FakeGitLabToken.ExpiresAt"/> is today or
/// earlier 401 <c>invalid_token</c> "Token is expired. You can either do re-authorization or token refresh."; an
/// impersonation token on an instance without impersonation 401 <c>invalid_token</c> "Token is an impersonation token
/// but impersonation was disabled." The <c>invalid_token</c> answers carry <c>WWW-Authenticate: Bearer …</c>.</description></item>
/// <item><description><see cref="FakeGitLabToken.Delay"/>.</description></item>
/// <item><description><see cref="FakeGitLabToken.ServerErrorStatus"/>: that status (500 as JSON, others as an HTML page).</description></item>
/// <item><description><see cref="FakeGitLabToken.RateLimitRetryAfter"/>: 429 <c>text/plain</c> <c>Retry later</c> with
/// <c>Retry-After</c>, <c>RateLimit-Remaining: 0</c> and the other <c>RateLimit-*</c> headers.</description></item>
/// <item><description>The endpoint. Authenticated answers carry <c>RateLimit-Name</c>, <c>-Limit</c> (2000 per minute),
/// <c>-Observed</c>, <c>-Remaining</c>, <c>-Reset</c> (Unix time) and <c>-ResetTime</c> (HTTP date), unless
/// <see cref="FakeGitLabServerOptions.RateLimitHeaders"/> is off. <see cref="FakeGitLabToken.MalformedJson"/> cuts
/// successful JSON bodies in half.</description></item>
/// </list>
/// <para>
/// Endpoints (relative to <see cref="ApiUrl"/>; <c>HEAD</c> answers like <c>GET</c> without a body):
/// <c>GET /personal_access_tokens/self</c> (any scope; 404 <c>{"error":"404 Not Found"}</c> when
/// <see cref="FakeGitLabServerOptions.SupportsPersonalAccessTokensSelf"/> is off), <c>GET /user</c> (<c>api</c>,
/// <c>read_api</c> or <c>read_user</c>), <c>GET /projects</c> (<c>api</c> or <c>read_api</c>; the visible projects,
/// newest first, <c>per_page</c> honoured), <c>POST /projects</c> (<c>api</c> only; without <c>name</c> or <c>path</c>
/// 400 <c>{"error":"name, path are missing, at least one parameter must be provided"}</c>, otherwise 201 — nothing is
/// stored) and <c>GET /projects/:id</c> (<c>api</c> or <c>read_api</c>; numeric id or URL-encoded full path; 404
/// <c>{"message":"404 Project Not Found"}</c> for a project that does not exist or a private project the owner is not a
/// member of; <c>permissions.project_access</c> and <c>group_access</c> from the token's roles). A scope the endpoint
/// does not accept answers 403 <c>{"error":"insufficient_scope","error_description":"The request requires higher
/// privileges than provided by the access token.","scope":"api read_api read_user"}</c> (the accepted scopes,
/// space-separated; <c>read_api</c> is accepted on GET and HEAD only), without <c>WWW-Authenticate</c>. Any other path
/// answers 404 <c>{"error":"404 Not Found"}</c>.
/// </para>
/// </remarks>
public sealed class FakeGitLabServer : IDisposable
{
    private readonly FakeWireHost _host;
    private readonly GitLabFakeRouter _router;
    private readonly FakeRequestLog<FakeGitLabRequest> _log = new();
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, FakeGitLabToken> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeGitLabProject> _projects = new(StringComparer.OrdinalIgnoreCase);
    private long _lastProjectId = 100;

    private FakeGitLabServer(FakeGitLabServerOptions options)
    {
        _time = options.TimeProvider;
        _router = new GitLabFakeRouter(options, _tokens, _projects);
        _host = new FakeWireHost(HandleAsync, options.TimeProvider ?? TimeProvider.System);

        Url = new Uri($"http://127.0.0.1:{_host.Port}{_router.RelativeRoot}/");
        ApiUrl = new Uri(Url, "api/v4/");
        _router.Url = Url;
    }

    /// <summary>Gets the server's web address, <c>http://127.0.0.1:PORT/</c>, or <c>http://127.0.0.1:PORT/gitlab/</c> under a relative URL root.</summary>
    public Uri Url { get; }

    /// <summary>Gets the REST API base address, <see cref="Url"/> + <c>api/v4/</c>.</summary>
    public Uri ApiUrl { get; }

    /// <summary>Gets every request answered so far, in arrival order (including 401s and unknown paths).</summary>
    public IReadOnlyList<FakeGitLabRequest> Requests => _log.Snapshot();

    /// <summary>Gets the most requests the server was answering at the same time since it started or since <see cref="ResetRequests"/>.</summary>
    public int PeakConcurrentRequests => _log.Peak;

    /// <summary>Starts a fake on <c>127.0.0.1</c> and a free port.</summary>
    /// <param name="options">The options, read once; GitLab.com behaviour when <see langword="null"/>.</param>
    /// <returns>The running server; dispose it to stop it.</returns>
    public static FakeGitLabServer Start(FakeGitLabServerOptions? options = null)
    {
        options ??= new FakeGitLabServerOptions();
        return new FakeGitLabServer(new FakeGitLabServerOptions
        {
            RelativeUrlRoot = options.RelativeUrlRoot,
            SupportsPersonalAccessTokensSelf = options.SupportsPersonalAccessTokensSelf,
            ImpersonationEnabled = options.ImpersonationEnabled,
            RateLimitHeaders = options.RateLimitHeaders,
            TimeProvider = options.TimeProvider ?? TimeProvider.System,
        });
    }

    /// <summary>Makes a token known to the server (replacing one with the same value). Tokens not added answer 401.</summary>
    /// <param name="token">The token.</param>
    /// <returns><paramref name="token"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="token"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the token's value is empty.</exception>
    public FakeGitLabToken AddToken(FakeGitLabToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentException.ThrowIfNullOrEmpty(token.Value, nameof(token));
        _tokens[token.Value] = token;
        return token;
    }

    /// <summary>Makes a project exist on the server (replacing one with the same full path); an <see cref="FakeGitLabProject.Id"/> of 0 gets a unique id.</summary>
    /// <param name="project">The project.</param>
    /// <returns><paramref name="project"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="project"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the full path is not <c>namespace/project</c> or the visibility is not private, internal or public.</exception>
    public FakeGitLabProject AddProject(FakeGitLabProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var parts = project.PathWithNamespace?.Split('/') ?? [];
        if (parts.Length < 2 || parts.Any(p => p.Length == 0 || p.Trim() != p))
        {
            throw new ArgumentException($"A project's full path must be 'namespace/project'; got '{project.PathWithNamespace}'.", nameof(project));
        }

        if (project.Visibility is not ("private" or "internal" or "public"))
        {
            throw new ArgumentException($"A project's visibility must be private, internal or public; got '{project.Visibility}'.", nameof(project));
        }

        if (project.Id == 0)
        {
            project.Id = Interlocked.Increment(ref _lastProjectId);
        }

        _projects[project.PathWithNamespace!] = project;
        return project;
    }

    /// <summary>Forgets the requests recorded so far, including those still being answered, and restarts <see cref="PeakConcurrentRequests"/>.</summary>
    public void ResetRequests() => _log.Reset();

    /// <summary>Stops the server; answers still delayed end at once.</summary>
    public void Dispose() => _host.Dispose();

    private static string? QueryToken(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (pair.StartsWith("private_token=", StringComparison.Ordinal))
            {
                return Uri.UnescapeDataString(pair["private_token=".Length..]);
            }
        }

        return null;
    }

    /// <summary>The query as recorded: a <c>private_token</c> value is replaced by <c>[REDACTED]</c>.</summary>
    private static string RedactQuery(string query)
        => query.Contains("private_token=", StringComparison.Ordinal)
            ? "?" + string.Join('&', query.TrimStart('?').Split('&').Select(p => p.StartsWith("private_token=", StringComparison.Ordinal) ? "private_token=[REDACTED]" : p))
            : query;

    private static string? BearerToken(string? authorization)
    {
        var value = authorization?.Trim();
        return value is not null && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && value[7..].Trim() is { Length: > 0 } token ? token : null;
    }

    private async Task<FakeWireResponse> HandleAsync(FakeWireRequest request)
    {
        var ticket = _log.Arrive();
        var startedAt = _time.GetUtcNow();
        var privateToken = request.Header("PRIVATE-TOKEN");
        var authorization = request.Header("Authorization");
        var query = request.Query;
        var token = privateToken?.Trim() is { Length: > 0 } fromHeader ? fromHeader : BearerToken(authorization) ?? QueryToken(query);

        // The raw (still escaped) path: GitLab needs "projects/group%2Fapp", and an unescaped slash is another route.
        var rawPath = request.RawPath;
        var call = new GitLabFakeCall(request.Method, rawPath, query, token, request.Body);

        GitLabFakeAnswer answer;
        try
        {
            answer = await _router.AnswerAsync(call, _host.Stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_host.Stopping.IsCancellationRequested)
        {
            answer = new GitLabFakeAnswer(503, GitLabFakeJson.Message("503 Server stopping"));
        }

        _log.Write(ticket, new FakeGitLabRequest(
            request.Method,
            _router.RecordedPath(rawPath),
            RedactQuery(query),
            answer.StatusCode,
            privateToken is not null,
            authorization is not null,
            token is null ? null : GitLabFakeTokens.Fingerprint(token),
            startedAt));
        return new FakeWireResponse(answer.StatusCode, answer.ContentType, [new("Cache-Control", "no-cache"), .. answer.Headers], answer.Body);
    }
}
