// Licensed under the MIT License. See LICENSE in the repository root.

using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GitTokenScopes.Testing.GitHub.Internal;

/// <summary>
/// The fake's behaviour, as one function from a request to an answer, applied in the behaviour table's order: API
/// prefix, authentication, delay, server error, rate limit, then the endpoint; the token headers go on every
/// authenticated answer. See <see cref="FakeGitHubServer"/> for the table.
/// </summary>
internal sealed class GitHubFakeRouter
{
    private const string EnterprisePrefix = "/api/v3";
    private const string RateLimitDocs = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api";
    private const string SecondaryRateLimitDocs = "https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits";
    private const string SsoDocs = "https://docs.github.com/articles/authenticating-to-a-github-organization-with-saml-single-sign-on/";
    private const int DefaultPageSize = 30;
    private const int MaxPageSize = 100;
    private const string NotFoundPage = "<!DOCTYPE html>\n<html>\n<head><title>Page not found &middot; GitHub</title></head>\n<body>\n<h1>404</h1>\n<p>This is not the web page you are looking for.</p>\n</body>\n</html>\n";

    // Required body fields of the write probes' endpoints, in the order GitHub reports them missing.
    private static readonly string[] ContentsFields = ["content", "message"];
    private static readonly string[] PullFields = ["head", "base"];

    private readonly FakeGitHubServerOptions _options;
    private readonly ConcurrentDictionary<string, FakeGitHubToken> _tokens;
    private readonly ConcurrentDictionary<string, FakeGitHubRepository> _repositories;
    private readonly ConcurrentDictionary<string, GitHubFakeBudget> _budgets = new(StringComparer.Ordinal);
    private readonly GitHubFakeBudget _anonymous = new(60);
    private readonly DateTimeOffset _epoch;
    private long _lastStatusId;

    public GitHubFakeRouter(
        FakeGitHubServerOptions options,
        ConcurrentDictionary<string, FakeGitHubToken> tokens,
        ConcurrentDictionary<string, FakeGitHubRepository> repositories)
    {
        _options = options;
        _tokens = tokens;
        _repositories = repositories;

        // Timestamps in bodies derive from the clock when the server started, whole seconds as GitHub writes them.
        var now = options.TimeProvider.GetUtcNow();
        _epoch = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
    }

    /// <summary>Gets or sets the server's web URL (set once the server listens).</summary>
    public Uri Url { get; set; } = new("http://127.0.0.1/");

    /// <summary>Gets or sets the API base URL (set once the server listens).</summary>
    public Uri ApiUrl { get; set; } = new("http://127.0.0.1/");

    private bool RateLimitHeaders => !_options.Enterprise || _options.EnterpriseRateLimitsEnabled;

    private GitHubFakeSite Site => new(ApiUrl, Url, _options.Enterprise, _epoch);

    /// <summary>
    /// Reads the token from an <c>Authorization</c> header: scheme <c>token</c> or <c>Bearer</c> (any case), or
    /// <c>Basic</c> with the token as password (or as user name with the password <c>x-oauth-basic</c>), as GitHub accepts.
    /// </summary>
    public static string? ReadToken(string? authorization)
    {
        var value = authorization?.Trim();
        var space = value?.IndexOf(' ', StringComparison.Ordinal) ?? -1;
        if (value is null || space <= 0)
        {
            return null;
        }

        var scheme = value[..space];
        var credential = value[(space + 1)..].Trim();
        if (credential.Length == 0)
        {
            return null;
        }

        if (string.Equals(scheme, "token", StringComparison.OrdinalIgnoreCase) || string.Equals(scheme, "bearer", StringComparison.OrdinalIgnoreCase))
        {
            return credential;
        }

        if (!string.Equals(scheme, "basic", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(credential));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                return null;
            }

            var (user, password) = (pair[..colon], pair[(colon + 1)..]);
            var token = string.Equals(password, "x-oauth-basic", StringComparison.Ordinal) ? user : password;
            return token.Length > 0 ? token : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The path recorded for a request: relative to the API base when under it, else the full path.</summary>
    public string RecordedPath(string path) => ApiPath(path) ?? path;

    public async Task<GitHubFakeAnswer> AnswerAsync(GitHubFakeCall call, CancellationToken cancellationToken)
    {
        var requestId = GitHubFakeTokens.NewRequestId();
        var answer = await AnswerCoreAsync(call, requestId, cancellationToken).ConfigureAwait(false);
        answer.With("X-GitHub-Request-Id", requestId).With("X-GitHub-Media-Type", "github.v3; format=json");
        if (_options.Enterprise)
        {
            answer.With("X-GitHub-Enterprise-Version", _options.EnterpriseVersion);
        }

        return answer;
    }

    private async Task<GitHubFakeAnswer> AnswerCoreAsync(GitHubFakeCall call, string requestId, CancellationToken cancellationToken)
    {
        // Outside the API (GHES web paths): GitHub's HTML 404 page; no authentication is checked there.
        if (ApiPath(call.Path) is not { } path)
        {
            return new GitHubFakeAnswer(404, NotFoundPage, GitHubFakeAnswer.Html);
        }

        // 1. Authentication.
        if (call.Token is null || !_tokens.TryGetValue(call.Token, out var token) || token.Revoked)
        {
            var unauthorized = new GitHubFakeAnswer(401, GitHubFakeJson.Error("Bad credentials", GitHubFakeJson.RestDocs, 401));
            if (RateLimitHeaders)
            {
                AddBudget(unauthorized, _anonymous.Spend(_options.TimeProvider.GetUtcNow()));
            }

            return unauthorized;
        }

        // 2. Delay.
        if (token.Delay is { } delay && delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }

        // 3. Server error: no GitHub headers, as a failing proxy or load balancer answers.
        if (token.ServerErrorStatus is { } status)
        {
            return ServerError(status);
        }

        var route = GitHubFakeRoute.Match(call.Method, path);
        var now = _options.TimeProvider.GetUtcNow();

        // 4. Rate limit the token has hit.
        if (token.RateLimit is { } limit)
        {
            return AddTokenHeaders(RateLimited(token, limit, requestId, now), token, route);
        }

        // 5 and 6. The endpoint, then the headers of every authenticated answer.
        var answer = Answer(token, route, call);
        if (RateLimitHeaders)
        {
            AddBudget(answer, _budgets.GetOrAdd(token.Value, _ => new GitHubFakeBudget(5000)).Spend(now));
        }

        return AddTokenHeaders(answer, token, route);
    }

    private string? ApiPath(string path)
    {
        if (!_options.Enterprise)
        {
            return path.Length == 0 ? "/" : path;
        }

        if (string.Equals(path, EnterprisePrefix, StringComparison.Ordinal))
        {
            return "/";
        }

        return path.StartsWith(EnterprisePrefix + "/", StringComparison.Ordinal) ? path[EnterprisePrefix.Length..] : null;
    }

    private GitHubFakeAnswer Answer(FakeGitHubToken token, GitHubFakeRoute route, GitHubFakeCall call)
    {
        if (route.Owner is not null && token.SsoOrganization is { } org && string.Equals(route.Owner, org, StringComparison.OrdinalIgnoreCase))
        {
            return SsoRequired(org);
        }

        if (route.Owner is not null && token.PolicyOrganization is { } policy && string.Equals(route.Owner, policy, StringComparison.OrdinalIgnoreCase))
        {
            return PolicyRefusal(token, policy, route);
        }

        switch (route.Endpoint)
        {
            case GitHubFakeEndpoint.Root:
                return Ok(Root());
            case GitHubFakeEndpoint.User:
                return token.Kind == FakeGitHubTokenKind.AppInstallation
                    ? new GitHubFakeAnswer(403, GitHubFakeJson.Error("Resource not accessible by integration", route.DocumentationUrl, 403))
                    : Ok(User(token));
            case GitHubFakeEndpoint.InstallationRepositories:
                return token.Kind == FakeGitHubTokenKind.AppInstallation
                    ? InstallationRepositories(token, call.Query)
                    : new GitHubFakeAnswer(403, GitHubFakeJson.Error(
                        "You must authenticate with an installation access token in order to list repositories for an installation.", route.DocumentationUrl, 403));
            case GitHubFakeEndpoint.Unknown:
                return NotFound(GitHubFakeJson.RestDocs);
            default:
                return RepositoryEndpoint(token, route, call);
        }
    }

    private GitHubFakeAnswer RepositoryEndpoint(FakeGitHubToken token, GitHubFakeRoute route, GitHubFakeCall call)
    {
        if (!_repositories.TryGetValue($"{route.Owner}/{route.Repository}", out var repository) || !GitHubFakeAccess.CanSee(token, repository))
        {
            return NotFound(route.DocumentationUrl);
        }

        if (route.Endpoint == GitHubFakeEndpoint.Repository)
        {
            var rank = GitHubFakeAccess.RoleRank(token, repository);
            return Ok(GitHubFakeJson.Write(w => GitHubFakeShapes.Repository(w, Site, repository, OwnerOf(repository), full: true, rank)));
        }

        var permission = route.Permission!;
        if (GitHubFakeAccess.Effective(token, repository, permission, _options.ImplicitPublicRepositoryRead) < route.Needed)
        {
            var message = GitHubFakeAccess.IsApp(token) ? "Resource not accessible by integration" : "Resource not accessible by personal access token";
            var forbidden = new GitHubFakeAnswer(403, GitHubFakeJson.Error(message, route.DocumentationUrl, 403));

            // GitHub sends this header to fine-grained actors (fine-grained PATs and GitHub Apps) only.
            return GitHubFakeAccess.UsesScopes(token)
                ? forbidden
                : forbidden.With("X-Accepted-GitHub-Permissions", $"{permission}={GitHubFakeAccess.Name(route.Needed)}");
        }

        if (route.IsWriteProbe && token.AnswerWriteProbesWithSuccess)
        {
            return new GitHubFakeAnswer(route.Endpoint == GitHubFakeEndpoint.UpdateHook ? 200 : 201, "{}");
        }

        return route.Endpoint switch
        {
            GitHubFakeEndpoint.ListCommits when repository.Empty
                => new GitHubFakeAnswer(409, GitHubFakeJson.Error("Git Repository is empty.", route.DocumentationUrl, 409)),
            GitHubFakeEndpoint.ListCommits or GitHubFakeEndpoint.RuleSuites or GitHubFakeEndpoint.ListHooks or GitHubFakeEndpoint.ListPulls => Ok("[]"),
            GitHubFakeEndpoint.ActionsPermissions => Ok("""{"enabled":true,"allowed_actions":"all"}"""),
            GitHubFakeEndpoint.UpdateHook => NotFound(route.DocumentationUrl),
            GitHubFakeEndpoint.ListStatuses
                => new GitHubFakeAnswer(404, GitHubFakeJson.Error($"No commit found for SHA: {route.Sha}", route.DocumentationUrl, 404)),
            GitHubFakeEndpoint.PutContents => PutContents(token, repository, route, call.Body),
            GitHubFakeEndpoint.CreateStatus => CreateStatus(token, repository, route, call.Body),
            GitHubFakeEndpoint.CreatePull => CreatePull(token, repository, route, call.Body),
            _ => NotFound(GitHubFakeJson.RestDocs),
        };
    }

    private GitHubFakeAnswer PutContents(FakeGitHubToken token, FakeGitHubRepository repository, GitHubFakeRoute route, string? body)
    {
        if (GitHubFakeJson.PropertyNames(body) is not { } names)
        {
            return ProblemsParsingJson(route);
        }

        string[] missing = [.. ContentsFields.Where(n => !names.Contains(n))];
        if (missing.Length == 0)
        {
            // A valid body would be a real commit: say it was made, store nothing.
            return new GitHubFakeAnswer(201, GitHubFakeJson.Write(w => GitHubFakeShapes.FileCommit(
                w,
                Site,
                repository,
                AccountOf(token),
                route.FilePath ?? "",
                GitHubFakeJson.StringProperty(body, "content"),
                GitHubFakeJson.StringProperty(body, "message"),
                GitHubFakeJson.StringProperty(body, "branch"))));
        }

        var quoted = string.Join(", ", missing.Select(n => $"\"{n}\""));
        var message = "Invalid request.\n\n" + quoted + (missing.Length == 1 ? " wasn't supplied." : " weren't supplied.");
        return new GitHubFakeAnswer(422, GitHubFakeJson.Error(message, route.DocumentationUrl, 422));
    }

    private GitHubFakeAnswer CreateStatus(FakeGitHubToken token, FakeGitHubRepository repository, GitHubFakeRoute route, string? body)
    {
        if (GitHubFakeJson.PropertyNames(body) is null)
        {
            return ProblemsParsingJson(route);
        }

        var state = GitHubFakeJson.StringProperty(body, "state");
        if (state is "error" or "failure" or "pending" or "success")
        {
            var id = Interlocked.Increment(ref _lastStatusId);
            return new GitHubFakeAnswer(201, GitHubFakeJson.Write(w => GitHubFakeShapes.Status(
                w,
                Site,
                repository,
                AccountOf(token),
                id,
                route.Sha!,
                state,
                GitHubFakeJson.StringProperty(body, "description"),
                GitHubFakeJson.StringProperty(body, "target_url"),
                GitHubFakeJson.StringProperty(body, "context"))));
        }

        return new GitHubFakeAnswer(422, GitHubFakeJson.Error("Validation Failed", route.DocumentationUrl, 422, w =>
        {
            w.WriteStartObject();
            w.WriteString("resource", "Status");
            w.WriteString("code", "custom");
            w.WriteString("field", "state");
            w.WriteString("message", "state is not included in the list");
            w.WriteEndObject();
        }));
    }

    private GitHubFakeAnswer CreatePull(FakeGitHubToken token, FakeGitHubRepository repository, GitHubFakeRoute route, string? body)
    {
        if (GitHubFakeJson.PropertyNames(body) is not { } names)
        {
            return ProblemsParsingJson(route);
        }

        string[] missing = [.. PullFields.Where(n => !names.Contains(n))];
        if (missing.Length == 0)
        {
            // Number 1 every time: nothing is stored, so no pull request ever precedes it.
            var pull = new PullRequestFields(
                1_000_000_000 + repository.Id,
                1,
                GitHubFakeJson.StringProperty(body, "head") ?? "",
                GitHubFakeJson.StringProperty(body, "base") ?? "",
                GitHubFakeJson.StringProperty(body, "title"),
                GitHubFakeJson.StringProperty(body, "body"),
                GitHubFakeJson.BooleanProperty(body, "draft") ?? false);
            return new GitHubFakeAnswer(201, GitHubFakeJson.Write(w => GitHubFakeShapes.PullRequest(
                w, Site, repository, OwnerOf(repository), AccountOf(token), pull, owner => ForkOf(repository, owner))));
        }

        return new GitHubFakeAnswer(422, GitHubFakeJson.Error("Validation Failed", route.DocumentationUrl, 422, w =>
        {
            foreach (var field in missing)
            {
                w.WriteStartObject();
                w.WriteString("resource", "PullRequest");
                w.WriteString("field", field);
                w.WriteString("code", "missing_field");
                w.WriteEndObject();
            }
        }));
    }

    private static GitHubFakeAnswer ProblemsParsingJson(GitHubFakeRoute route)
        => new(400, GitHubFakeJson.Error("Problems parsing JSON", route.DocumentationUrl, 400));

    private GitHubFakeAnswer InstallationRepositories(FakeGitHubToken token, string query)
    {
        var all = string.Equals(token.RepositorySelection?.Trim(), "all", StringComparison.OrdinalIgnoreCase);
        var repositories = _repositories.Values
            .Where(r => all || token.Repositories.ContainsKey(r.FullName))
            .OrderBy(r => r.Id)
            .ThenBy(r => r.FullName, StringComparer.OrdinalIgnoreCase)
            .ToList();

        var parameters = ParseQuery(query);
        var perPage = Math.Clamp(parameters.TryGetValue("per_page", out var pp) && int.TryParse(pp, CultureInfo.InvariantCulture, out var p) ? p : DefaultPageSize, 1, MaxPageSize);
        var page = Math.Max(1, parameters.TryGetValue("page", out var pg) && int.TryParse(pg, CultureInfo.InvariantCulture, out var n) ? n : 1);
        var pageItems = repositories.Skip((page - 1) * perPage).Take(perPage).ToList();

        var answer = Ok(GitHubFakeJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("total_count", repositories.Count);
            w.WriteString("repository_selection", all ? "all" : "selected");
            w.WriteStartArray("repositories");
            foreach (var repository in pageItems)
            {
                GitHubFakeShapes.Repository(w, Site, repository, OwnerOf(repository), full: false);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }));

        var lastPage = Math.Max(1, (repositories.Count + perPage - 1) / perPage);
        var links = new List<string>();
        string Link(int target, string rel) => $"<{ApiUrl}installation/repositories?per_page={perPage}&page={target}>; rel=\"{rel}\"";
        if (page > 1)
        {
            links.Add(Link(page - 1, "prev"));
        }

        if (page < lastPage)
        {
            links.Add(Link(page + 1, "next"));
            links.Add(Link(lastPage, "last"));
        }

        if (page > 1)
        {
            links.Add(Link(1, "first"));
        }

        return links.Count > 0 ? answer.With("Link", string.Join(", ", links)) : answer;
    }

    private GitHubFakeAnswer SsoRequired(string org)
    {
        var web = _options.Enterprise ? Url.ToString() : "https://github.com/";
        var request = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 30);
        return new GitHubFakeAnswer(403, GitHubFakeJson.Error(
                "Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.", SsoDocs, 403))
            .With("X-GitHub-SSO", $"required; url={web}orgs/{org}/sso?authorization_request={request}");
    }

    /// <summary>GitHub's two organization-policy refusals, worded as GitHub words them (backticks for classic, quotes for the lifetime).</summary>
    private GitHubFakeAnswer PolicyRefusal(FakeGitHubToken token, string org, GitHubFakeRoute route)
    {
        var web = _options.Enterprise ? Url.ToString() : "https://github.com/";
        var message = token.PolicyMaxLifetimeDays is { } days
            ? $"The '{org}' organization forbids access via a fine-grained personal access tokens if the token's lifetime is greater than {days} days. "
                + $"Please adjust your token's lifetime at the following URL: {web}settings/personal-access-tokens/{10_000_000 + (token.AccountId * 7919 % 9_000_000)}"
            : $"`{org}` forbids access via a personal access token (classic). Please use a GitHub App, OAuth App, or a personal access token with fine-grained permissions.";
        return new GitHubFakeAnswer(403, GitHubFakeJson.Error(message, route.DocumentationUrl, 403));
    }

    private static GitHubFakeAnswer RateLimited(FakeGitHubToken token, FakeGitHubRateLimit limit, string requestId, DateTimeOffset now)
    {
        var status = limit.StatusCode;
        var reset = (limit.ResetAt == default ? now.AddHours(1) : limit.ResetAt).ToUnixTimeSeconds();
        var remaining = limit.Secondary ? (limit.Remaining > 0 ? limit.Remaining : Math.Max(0, limit.Limit - 10)) : 0;
        var body = limit.Secondary
            ? GitHubFakeJson.Error(
                $"You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID {requestId}.",
                SecondaryRateLimitDocs,
                status)
            : GitHubFakeJson.Error(
                $"API rate limit exceeded for user ID {token.AccountId.ToString(CultureInfo.InvariantCulture)}. If you reach out to GitHub Support for help, please include the request ID {requestId}.",
                RateLimitDocs,
                status);
        var answer = AddBudget(new GitHubFakeAnswer(status, body), (limit.Limit, remaining, limit.Limit - remaining, reset));
        return limit.RetryAfterSeconds is { } seconds ? answer.With("retry-after", seconds.ToString(CultureInfo.InvariantCulture)) : answer;
    }

    private static GitHubFakeAnswer AddBudget(GitHubFakeAnswer answer, (int Limit, int Remaining, int Used, long ResetEpoch) budget)
        => answer
            .With("x-ratelimit-limit", budget.Limit.ToString(CultureInfo.InvariantCulture))
            .With("x-ratelimit-remaining", budget.Remaining.ToString(CultureInfo.InvariantCulture))
            .With("x-ratelimit-reset", budget.ResetEpoch.ToString(CultureInfo.InvariantCulture))
            .With("x-ratelimit-used", budget.Used.ToString(CultureInfo.InvariantCulture))
            .With("x-ratelimit-resource", "core");

    private static GitHubFakeAnswer AddTokenHeaders(GitHubFakeAnswer answer, FakeGitHubToken token, GitHubFakeRoute route)
    {
        if (GitHubFakeAccess.UsesScopes(token))
        {
            switch (token.ScopeHeader)
            {
                case FakeGitHubScopeHeader.Present:
                    answer.With(token.ScopesHeaderName, token.RawScopesHeaderValue ?? string.Join(", ", token.Scopes));
                    break;
                case FakeGitHubScopeHeader.Empty:
                    answer.With(token.ScopesHeaderName, "");
                    break;
                default:
                    break;
            }

            answer.With("X-Accepted-OAuth-Scopes", route.AcceptedScopes);
        }

        if (token.ExpiresAt is { } expiresAt)
        {
            answer.With("github-authentication-token-expiration", FormatExpiration(expiresAt, token.ExpirationWithOffset));
        }

        return answer;
    }

    private static string FormatExpiration(DateTimeOffset expiresAt, bool withOffset)
    {
        if (!withOffset)
        {
            return expiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
        }

        var offset = expiresAt.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"{expiresAt:yyyy-MM-dd HH:mm:ss} {sign}{abs.Hours:00}{abs.Minutes:00}");
    }

    private static GitHubFakeAnswer ServerError(int status)
    {
        var reason = status switch
        {
            502 => "502 Bad Gateway",
            503 => "503 Service Unavailable",
            504 => "504 Gateway Time-out",
            _ => null,
        };
        return reason is null
            ? new GitHubFakeAnswer(status, """{"message":"Server Error"}""")
            : new GitHubFakeAnswer(status, $"<html>\r\n<head><title>{reason}</title></head>\r\n<body>\r\n<center><h1>{reason}</h1></center>\r\n</body>\r\n</html>\r\n", GitHubFakeAnswer.Html);
    }

    private static GitHubFakeAnswer Ok(string body) => new(200, body);

    private static GitHubFakeAnswer NotFound(string documentationUrl)
        => new(404, GitHubFakeJson.Error("Not Found", documentationUrl, 404));

    private string Root() => GitHubFakeJson.Write(w => GitHubFakeShapes.Root(w, Site));

    /// <summary>
    /// <c>GET /user</c>: GitHub's private profile for classic and OAuth tokens with the <c>user</c> (or <c>read:user</c>)
    /// scope, as its documentation says; the public profile otherwise, fine-grained and App user tokens included (the
    /// fake models no account permissions for them).
    /// </summary>
    private string User(FakeGitHubToken token)
    {
        var privateView = GitHubFakeAccess.UsesScopes(token) && (GitHubFakeAccess.HasScope(token, "user") || GitHubFakeAccess.HasScope(token, "read:user"));
        var owned = _repositories.Values.Where(r => string.Equals(r.Owner, token.Login, StringComparison.OrdinalIgnoreCase)).ToList();
        return GitHubFakeJson.Write(w => GitHubFakeShapes.User(w, Site, AccountOf(token), privateView, owned));
    }

    private static GitHubFakeAccount AccountOf(FakeGitHubToken token) => new(token.Login, token.AccountId, token.AccountType);

    /// <summary>
    /// The account behind a login: the token account with that login (the lowest id when several), else an organization
    /// with an id stable per login. The login is kept as given.
    /// </summary>
    private GitHubFakeAccount AccountOf(string login)
        => _tokens.Values
            .Where(t => string.Equals(t.Login, login, StringComparison.OrdinalIgnoreCase))
            .OrderBy(t => t.AccountId)
            .Select(t => new GitHubFakeAccount(login, t.AccountId, t.AccountType))
            .FirstOrDefault()
            ?? new GitHubFakeAccount(login, GitHubFakeShapes.StableId(login), "Organization");

    private GitHubFakeAccount OwnerOf(FakeGitHubRepository repository) => AccountOf(repository.Owner);

    /// <summary>A pull request's head in another account: that account's repository of the same name, made up (not added) when the server has none.</summary>
    private (FakeGitHubRepository Repository, GitHubFakeAccount Owner) ForkOf(FakeGitHubRepository repository, string owner)
    {
        var fullName = $"{owner}/{repository.Name}";
        var fork = _repositories.TryGetValue(fullName, out var known)
            ? known
            : new FakeGitHubRepository { FullName = fullName, Private = repository.Private, Id = GitHubFakeShapes.StableId(fullName) };
        return (fork, AccountOf(owner));
    }

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            result[name] = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
        }

        return result;
    }
}
