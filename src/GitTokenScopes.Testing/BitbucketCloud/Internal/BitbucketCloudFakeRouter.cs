// Licensed under the MIT License. See LICENSE in the repository root.

using System.Collections.Concurrent;

namespace GitTokenScopes.Testing.BitbucketCloud.Internal;

/// <summary>
/// The fake's behaviour, as one function from a request to an answer, applied in the behaviour table's order (see
/// <see cref="FakeBitbucketCloudServer"/>): API prefix, authentication, delay, server error, rate limit, then the endpoint.
/// </summary>
internal sealed class BitbucketCloudFakeRouter(
    FakeBitbucketCloudServerOptions options,
    ConcurrentDictionary<string, FakeBitbucketCloudCredential> credentials,
    ConcurrentDictionary<string, FakeBitbucketCloudRepository> repositories)
{
    public const string Prefix = "/2.0";

    public const string LoginFailed =
        "Login failed due to incorrect login credentials or method.\n"
        + "For information on authentication methods for Bitbucket Cloud APIs, visit:\n"
        + "    https://developer.atlassian.com/cloud/bitbucket/rest/intro/#authentication\n"
        + "If you are unsure of which login details or login method to use, visit:\n"
        + "    https://support.atlassian.com/bitbucket-cloud/docs/log-into-or-connect-to-bitbucket-cloud/\n";

    // Verbatim as Bitbucket answers the removed endpoints (seen live, 2026).
    private const string RemovedBody =
        """{"type": "error", "error": {"message": "CHANGE-2770 - Functionality has been deprecated", "detail": "Please read the changelog entry for more details.", "data": {"announcement_url": "https://developer.atlassian.com/cloud/bitbucket/changelog#CHANGE-2770"}}, "data": {"announcement_url": "https://developer.atlassian.com/cloud/bitbucket/changelog#CHANGE-2770"}}""";

    // The repository's own links besides self, html, avatar and clone (Repositories → the repository object).
    private static readonly string[] RepositoryLinks = ["pullrequests", "commits", "forks", "watchers", "downloads", "hooks"];

    private const string NoAccess = "You may not have access to this repository or it no longer exists in this workspace. If you think this repository exists and you have access, make sure you are authenticated.";

    // Classic implications, PROVIDERS.md §3.3 (repository:admin implies nothing).
    private static readonly Dictionary<string, string[]> Implies = new(StringComparer.Ordinal)
    {
        ["repository:write"] = ["repository"],
        ["pullrequest"] = ["repository"],
        ["pullrequest:write"] = ["pullrequest", "repository:write", "repository"],
        ["project"] = ["repository"],
        ["project:admin"] = ["project", "repository"],
        ["account:write"] = ["account"],
        ["team:write"] = ["team"],
    };

    /// <summary>Gets or sets the server's address (set once it listens), used in the repositories' links.</summary>
    public Uri Url { get; set; } = new("http://127.0.0.1/");

    /// <summary>Finds the credential an <c>Authorization</c> header presents; the secret is returned for fingerprinting even when unknown.</summary>
    public (FakeBitbucketCloudCredential? Credential, string? Secret, string? Scheme) Authenticate(string? header)
    {
        if (BitbucketFakeWire.Authorization(header) is not var (scheme, value))
        {
            return (null, null, null);
        }

        if (string.Equals(scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            if (BitbucketFakeWire.Basic(value) is not var (user, secret))
            {
                return (null, null, scheme);
            }

            var found = credentials.TryGetValue(secret, out var c)
                && c.Kind is FakeBitbucketCloudCredentialKind.AppPassword or FakeBitbucketCloudCredentialKind.ApiToken
                && string.Equals(c.Username, user, StringComparison.OrdinalIgnoreCase) ? c : null;
            return (found, secret, scheme);
        }

        if (string.Equals(scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            var found = credentials.TryGetValue(value, out var c)
                && c.Kind is not (FakeBitbucketCloudCredentialKind.AppPassword or FakeBitbucketCloudCredentialKind.ApiToken) ? c : null;
            return (found, value, scheme);
        }

        return (null, null, scheme);
    }

    public async Task<BitbucketFakeAnswer> AnswerAsync(string method, string path, string query, FakeBitbucketCloudCredential? credential, CancellationToken stopping)
    {
        if (!path.StartsWith(Prefix + "/", StringComparison.Ordinal))
        {
            return new BitbucketFakeAnswer(404, "<!DOCTYPE html><html><head><title>Bitbucket</title></head><body><h1>Page not found</h1></body></html>", BitbucketFakeAnswer.Html);
        }

        if (credential is null || credential.Revoked)
        {
            return new BitbucketFakeAnswer(401, LoginFailed, BitbucketFakeAnswer.Text);
        }

        if (credential.Delay is { } delay)
        {
            await Task.Delay(delay, options.TimeProvider, stopping).ConfigureAwait(false);
        }

        if (credential.ServerErrorStatus is { } status)
        {
            return new BitbucketFakeAnswer(status, Error("Something went wrong. We've been notified and are looking into it."));
        }

        if (credential.RateLimited)
        {
            return WithRateLimit(credential, new BitbucketFakeAnswer(429, "Rate limit for this resource has been exceeded.", BitbucketFakeAnswer.Text));
        }

        var endpoint = path[Prefix.Length..];
        if (method is not ("GET" or "HEAD"))
        {
            return WithTokenHeaders(credential, [], new BitbucketFakeAnswer(405, Error("Method not allowed")));
        }

        var segments = endpoint.Trim('/').Split('/');
        return segments switch
        {
            ["user"] => User(credential),
            ["user", "workspaces", var workspace, "permissions", "repositories"] => Permissions(credential, workspace, query),
            ["repositories"] or ["workspaces"] or ["user", "permissions", "repositories" or "workspaces"] => Removed(credential),
            ["repositories", var workspace, var slug] => Repository(credential, $"{workspace}/{slug}"),
            _ => new BitbucketFakeAnswer(404, Error("Resource not found", "There is no API hosted at this URL.\n\nFor information about our API's, please refer to the documentation at: https://developer.atlassian.com/bitbucket/api/2/reference/")),
        };
    }

    private static string Error(string message, string? detail = null)
        => detail is null
            ? $$"""{"type": "error", "error": {"message": {{BitbucketFakeWire.Quote(message)}} } }"""
            : $$"""{"type": "error", "error": {"message": {{BitbucketFakeWire.Quote(message)}}, "detail": {{BitbucketFakeWire.Quote(detail)}} } }""";

    private static bool IsAccessToken(FakeBitbucketCloudCredential credential)
        => credential.Kind is FakeBitbucketCloudCredentialKind.RepositoryAccessToken or FakeBitbucketCloudCredentialKind.ProjectAccessToken or FakeBitbucketCloudCredentialKind.WorkspaceAccessToken;

    private static string[] Accepted(FakeBitbucketCloudCredential credential, string classic, string granular)
        => credential.Kind == FakeBitbucketCloudCredentialKind.ApiToken ? [granular] : [classic];

    private static bool Holds(FakeBitbucketCloudCredential credential, string[] accepted)
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scope in credential.Scopes)
        {
            held.Add(scope);
            held.UnionWith(Implies.GetValueOrDefault(scope, []));
        }

        return accepted.Any(held.Contains);
    }

    private static BitbucketFakeAnswer WithRateLimit(FakeBitbucketCloudCredential credential, BitbucketFakeAnswer answer)
        => IsAccessToken(credential)
            ? answer.With("X-RateLimit-Limit", "1000").With("X-RateLimit-Resource", "api-repo").With("X-RateLimit-NearLimit", credential.RateLimited ? "true" : "false")
            : answer;

    private static string Json(FakeBitbucketCloudCredential credential, string json) => credential.MalformedBodies ? "<html>Bad gateway page from a proxy</html>" : json;

    private BitbucketFakeAnswer WithTokenHeaders(FakeBitbucketCloudCredential credential, string[] accepted, BitbucketFakeAnswer answer)
    {
        if (!credential.OmitScopesHeader)
        {
            answer.With("x-oauth-scopes", credential.RawScopesHeaderValue ?? string.Join(", ", credential.Scopes));
        }

        answer.With("x-accepted-oauth-scopes", string.Join(", ", accepted));
        var type = credential.CredentialTypeHeaderValue ?? credential.Kind switch
        {
            FakeBitbucketCloudCredentialKind.RepositoryAccessToken => "repo_access_token",
            FakeBitbucketCloudCredentialKind.ProjectAccessToken => "project_access_token",
            FakeBitbucketCloudCredentialKind.WorkspaceAccessToken => "workspace_access_token",
            _ when !options.CredentialTypeForUserCredentials => string.Empty,
            FakeBitbucketCloudCredentialKind.AppPassword => "app_password",
            FakeBitbucketCloudCredentialKind.ApiToken => "api_token",
            _ => "oauth2",
        };
        if (type.Length > 0)
        {
            answer.With("x-credential-type", type);
        }

        return WithRateLimit(credential, answer);
    }

    /// <summary>The 403 Bitbucket sends when the credential lacks a scope the endpoint accepts.</summary>
    private BitbucketFakeAnswer MissingScope(FakeBitbucketCloudCredential credential, string[] accepted)
        => WithTokenHeaders(credential, accepted, new BitbucketFakeAnswer(
            403,
            $$"""{"type": "error", "error": {"message": "Your credentials lack one or more required privilege scopes.", "detail": {"granted": {{BitbucketFakeWire.Array(credential.Scopes)}}, "required": {{BitbucketFakeWire.Array(accepted)}} } } }"""));

    private BitbucketFakeAnswer User(FakeBitbucketCloudCredential credential)
    {
        var accepted = Accepted(credential, "account", "read:user:bitbucket");
        if (IsAccessToken(credential) || !Holds(credential, accepted))
        {
            return MissingScope(credential, accepted);
        }

        // Every field of the documented user object; links point where Bitbucket's own do.
        var uuid = "{" + new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(credential.AccountUsername))[..16]) + "}";
        var id = Uri.EscapeDataString(uuid);
        return WithTokenHeaders(credential, accepted, new BitbucketFakeAnswer(200, Json(credential,
            $$"""{"display_name": {{BitbucketFakeWire.Quote(credential.DisplayName)}}, "links": {"self": {"href": "https://api.bitbucket.org/2.0/users/{{id}}"}, "avatar": {"href": "https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/initials/{{Initials(credential.DisplayName)}}-0.png"}, "repositories": {"href": "https://api.bitbucket.org/2.0/repositories/{{id}}"}, "snippets": {"href": "https://api.bitbucket.org/2.0/snippets/{{id}}"}, "html": {"href": "https://bitbucket.org/{{id}}/"}, "hooks": {"href": "https://api.bitbucket.org/2.0/workspaces/{{id}}/hooks"} }, "created_on": "2019-03-01T10:00:00.000000+00:00", "type": "user", "uuid": {{BitbucketFakeWire.Quote(uuid)}}, "has_2fa_enabled": null, "username": {{BitbucketFakeWire.Quote(credential.AccountUsername)}}, "is_staff": false, "account_id": "557058:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", "nickname": {{BitbucketFakeWire.Quote(credential.AccountUsername)}}, "account_status": "active", "location": null, "website": null}""")));
    }

    private static string Initials(string name) => string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(w => char.ToUpperInvariant(w[0])));

    private IEnumerable<(FakeBitbucketCloudRepository Repository, string Permission)> Reachable(FakeBitbucketCloudCredential credential)
        => credential.Repositories
            .Select(p => (Found: repositories.TryGetValue(p.Key, out var r) ? r : null, p.Value))
            .Where(p => p.Found is not null)
            .Select(p => (p.Found!, p.Value))
            .OrderBy(p => p.Item1.FullName, StringComparer.OrdinalIgnoreCase);

    /// <summary>The cross-workspace endpoints CHANGE-2770 removed, with the body Bitbucket sends (410, or 404 lately).</summary>
    private BitbucketFakeAnswer Removed(FakeBitbucketCloudCredential credential)
        => WithTokenHeaders(credential, [], new BitbucketFakeAnswer(credential.RemovedEndpointStatus, RemovedBody));

    private BitbucketFakeAnswer Repository(FakeBitbucketCloudCredential credential, string fullName)
    {
        var accepted = Accepted(credential, "repository", "read:repository:bitbucket");
        if (!Holds(credential, accepted))
        {
            return MissingScope(credential, accepted);
        }

        var found = Reachable(credential).FirstOrDefault(r => string.Equals(r.Repository.FullName, fullName, StringComparison.OrdinalIgnoreCase));
        return found.Repository is null
            ? WithTokenHeaders(credential, accepted, new BitbucketFakeAnswer(404, Error(NoAccess)))
            : WithTokenHeaders(credential, accepted, new BitbucketFakeAnswer(200, Json(credential, RepositoryJson(found.Repository))));
    }

    private BitbucketFakeAnswer Permissions(FakeBitbucketCloudCredential credential, string workspace, string query)
    {
        var accepted = Accepted(credential, "repository", "read:repository:bitbucket");
        if (IsAccessToken(credential) || !Holds(credential, accepted))
        {
            return MissingScope(credential, accepted);
        }

        // q=repository.full_name="workspace/repo"; without q, every repository within reach.
        var filter = QueryValue(query, "q") is { } q && q.StartsWith("repository.full_name=\"", StringComparison.Ordinal) && q.EndsWith('"')
            ? q["repository.full_name=\"".Length..^1]
            : null;
        var matches = Reachable(credential)
            .Where(r => r.Repository.FullName.StartsWith(workspace + "/", StringComparison.OrdinalIgnoreCase))
            .Where(r => filter is null || string.Equals(r.Repository.FullName, filter, StringComparison.OrdinalIgnoreCase)).ToArray();
        var values = string.Join(", ", matches.Select(m =>
            $$"""{"type": "repository_permission", "user": {"type": "user", "nickname": {{BitbucketFakeWire.Quote(credential.AccountUsername)}} }, "repository": {{RepositoryJson(m.Repository)}}, "permission": {{BitbucketFakeWire.Quote(m.Permission)}} }"""));
        return WithTokenHeaders(credential, accepted, new BitbucketFakeAnswer(200, Json(credential,
            $$"""{"pagelen": 10, "values": [{{values}}], "page": 1, "size": {{matches.Length}} }""")));
    }

    /// <summary>
    /// The documented repository object (Repositories → the <c>repository</c> in "List public repositories"), with
    /// Bitbucket's <c>slug</c> and <c>workspace</c>: links on the fake's own address, uuids and dates stable per repository.
    /// </summary>
    private string RepositoryJson(FakeBitbucketCloudRepository repository)
    {
        var slash = repository.FullName.IndexOf('/', StringComparison.Ordinal);
        var workspace = repository.FullName[..slash];
        var name = repository.FullName[(slash + 1)..];
        var full = $"{workspace}/{name.ToLowerInvariant()}";
        var api = new Uri(Url, "2.0/repositories/" + full).AbsoluteUri;
        var html = new Uri(Url, full).AbsoluteUri;
        string Link(string href) => $$"""{"href": {{BitbucketFakeWire.Quote(href)}} }""";
        var links = string.Join(", ", RepositoryLinks.Select(l => $"{BitbucketFakeWire.Quote(l)}: {Link(api + "/" + l)}"));
        var created = new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero).AddMinutes(Stable(full) % 100000);
        return $$"""{"type": "repository", "full_name": {{BitbucketFakeWire.Quote(repository.FullName)}}, "links": {"self": {{Link(api)}}, "html": {{Link(html)}}, "avatar": {{Link(new Uri(Url, $"{full}/avatar/32").AbsoluteUri)}}, {{links}}, "clone": [{"name": "https", "href": {{BitbucketFakeWire.Quote(new Uri(Url, full + ".git").AbsoluteUri)}} }, {"name": "ssh", "href": {{BitbucketFakeWire.Quote($"git@{Url.Host}:{full}.git")}} }] }, "name": {{BitbucketFakeWire.Quote(name)}}, "slug": {{BitbucketFakeWire.Quote(name.ToLowerInvariant())}}, "description": "", "scm": "git", "owner": {"type": "team", "display_name": {{BitbucketFakeWire.Quote(workspace)}}, "uuid": {{BitbucketFakeWire.Quote(Uuid("workspace:" + workspace.ToLowerInvariant()))}} }, "workspace": {"type": "workspace", "slug": {{BitbucketFakeWire.Quote(workspace)}}, "uuid": {{BitbucketFakeWire.Quote(Uuid("workspace:" + workspace.ToLowerInvariant()))}} }, "is_private": {{(repository.Private ? "true" : "false")}}, "project": {"type": "project", "key": {{BitbucketFakeWire.Quote(repository.ProjectKey)}}, "uuid": {{BitbucketFakeWire.Quote(Uuid("project:" + workspace.ToLowerInvariant() + "/" + repository.ProjectKey))}} }, "fork_policy": {{(repository.Private ? "\"no_public_forks\"" : "\"allow_forks\"")}}, "created_on": {{Date(created)}}, "updated_on": {{Date(created.AddDays(200))}}, "size": {{1024 * (100 + (Stable(full) % 9000))}}, "language": "", "uuid": {{BitbucketFakeWire.Quote(Uuid("repository:" + full))}}, "mainbranch": {"name": "main", "type": "branch"}, "has_issues": false, "has_wiki": false}""";
    }

    private static string Date(DateTimeOffset time) => BitbucketFakeWire.Quote(time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A stable number per key.</summary>
    private static int Stable(string key) => BitConverter.ToInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)), 0) & int.MaxValue;

    /// <summary>A stable braced uuid per key, as Bitbucket writes them.</summary>
    private static string Uuid(string key) => "{" + new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key))[..16]) + "}";

    private static string? QueryValue(string query, string name)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            if (key == name)
            {
                return equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            }
        }

        return null;
    }
}
