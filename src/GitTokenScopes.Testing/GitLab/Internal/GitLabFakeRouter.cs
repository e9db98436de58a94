// Licensed under the MIT License. See LICENSE in the repository root.

using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace GitTokenScopes.Testing.GitLab.Internal;

/// <summary>
/// The fake's behaviour, as one function from a request to an answer, in the behaviour table's order: API prefix,
/// authentication, delay, server error, rate limit, then the endpoint with its scope check. See
/// <see cref="FakeGitLabServer"/> for the table.
/// </summary>
internal sealed class GitLabFakeRouter
{
    public const string InsufficientScopeDescription = "The request requires higher privileges than provided by the access token.";
    public const string ExpiredDescription = "Token is expired. You can either do re-authorization or token refresh.";
    public const string RevokedDescription = "Token was revoked. You have to re-authorize from the user.";
    public const string ImpersonationDescription = "Token is an impersonation token but impersonation was disabled.";
    public const int MinuteLimit = 2000;

    private const string NotFoundPage = "<!DOCTYPE html>\n<html>\n<head><title>The page you're looking for could not be found (404)</title></head>\n<body>\n<h1>404</h1>\n<h3>Page not found</h3>\n</body>\n</html>\n";

    private static readonly string[] EmptyProfileFields = ["linkedin", "twitter", "discord", "github", "website_url", "organization", "job_title"];

    private static readonly string[] SubClaimComponents = ["project_path", "ref_type", "ref"];

    private static readonly string[] ProjectLinks = ["issues", "merge_requests", "repo_branches", "labels", "events", "members", "cluster_agents"];

    // The fixed part of a project's answer (doc/api/projects.md's examples): features and settings at GitLab's defaults.
    private static readonly (string Name, object? Value)[] ProjectDefaults =
    [
        ("issues_enabled", true), ("open_issues_count", 0), ("merge_requests_enabled", true), ("jobs_enabled", true),
        ("wiki_enabled", true), ("snippets_enabled", true), ("resolve_outdated_diff_discussions", false),
        ("container_registry_enabled", true), ("container_registry_access_level", "enabled"), ("security_and_compliance_access_level", "private"),
        ("import_url", null), ("import_type", null), ("import_status", "none"), ("import_error", null),
        ("shared_runners_enabled", true), ("group_runners_enabled", true), ("ci_default_git_depth", 20),
        ("ci_forward_deployment_enabled", true), ("ci_forward_deployment_rollback_allowed", true),
        ("ci_allow_fork_pipelines_to_run_in_parent_project", true), ("ci_separated_caches", true),
        ("ci_restrict_pipeline_cancellation_role", "developer"), ("ci_pipeline_variables_minimum_override_role", "developer"),
        ("ci_push_repository_for_job_token_allowed", false), ("public_jobs", true),
        ("only_allow_merge_if_pipeline_succeeds", false), ("allow_merge_on_skipped_pipeline", false),
        ("allow_pipeline_trigger_approve_deployment", false), ("restrict_user_defined_variables", false),
        ("only_allow_merge_if_all_discussions_are_resolved", false), ("remove_source_branch_after_merge", true),
        ("request_access_enabled", true), ("merge_method", "merge"), ("squash_option", "default_off"),
        ("auto_devops_enabled", false), ("auto_devops_deploy_strategy", "continuous"), ("repository_storage", "default"),
        ("approvals_before_merge", 0), ("mirror", false), ("mirror_user_id", null), ("mirror_trigger_builds", false),
        ("only_mirror_protected_branches", false), ("mirror_overwrites_diverged_branches", false),
        ("external_authorization_classification_label", null), ("packages_enabled", true), ("package_registry_access_level", "enabled"),
        ("service_desk_enabled", false), ("service_desk_address", null), ("autoclose_referenced_issues", true),
        ("enforce_auth_checks_on_uploads", true), ("suggestion_commit_message", null), ("merge_commit_template", null),
        ("squash_commit_template", null), ("secret_push_protection_enabled", false), ("issue_branch_template", null),
        ("marked_for_deletion_at", null), ("marked_for_deletion_on", null),
    ];

    private readonly FakeGitLabServerOptions _options;
    private readonly ConcurrentDictionary<string, FakeGitLabToken> _tokens;
    private readonly ConcurrentDictionary<string, FakeGitLabProject> _projects;
    private readonly ConcurrentDictionary<string, (long Window, int Count)> _budgets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _namespaceIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _apiPrefix;

    public GitLabFakeRouter(FakeGitLabServerOptions options, ConcurrentDictionary<string, FakeGitLabToken> tokens, ConcurrentDictionary<string, FakeGitLabProject> projects)
    {
        _options = options;
        _tokens = tokens;
        _projects = projects;
        RelativeRoot = NormalizeRoot(options.RelativeUrlRoot);
        _apiPrefix = RelativeRoot + "/api/v4";
    }

    /// <summary>Gets the relative URL root, <c>""</c> or <c>/gitlab</c> (leading slash, no trailing slash).</summary>
    public string RelativeRoot { get; }

    /// <summary>Gets or sets the server's web URL (set once the server listens), used in <c>web_url</c> fields.</summary>
    public Uri Url { get; set; } = new("http://127.0.0.1/");

    public static string NormalizeRoot(string? root)
    {
        var trimmed = root?.Trim().Trim('/') ?? string.Empty;
        return trimmed.Length == 0 ? string.Empty : "/" + trimmed;
    }

    /// <summary>The path recorded for a request: URL-decoded and relative to the API when under it, else the full decoded path.</summary>
    public string RecordedPath(string rawPath) => Uri.UnescapeDataString(ApiPath(rawPath) ?? rawPath);

    public async Task<GitLabFakeAnswer> AnswerAsync(GitLabFakeCall call, CancellationToken cancellationToken)
    {
        // Outside the API: GitLab's HTML 404 page; authentication is not checked there.
        if (ApiPath(call.RawPath) is not { } path)
        {
            return new GitLabFakeAnswer(404, NotFoundPage, GitLabFakeAnswer.Html);
        }

        var now = _options.TimeProvider.GetUtcNow();

        // 1. Authentication (PROVIDERS.md §2.5: Grape's 401 for unknown tokens, rack-oauth2's invalid_token otherwise).
        if (call.Token is null || !_tokens.TryGetValue(call.Token, out var token))
        {
            return new GitLabFakeAnswer(401, GitLabFakeJson.Message("401 Unauthorized"));
        }

        if (token.Revoked)
        {
            return InvalidToken(RevokedDescription);
        }

        if (token.ExpiryEnforced && Expired(token, now))
        {
            return InvalidToken(ExpiredDescription);
        }

        if (token.Kind == FakeGitLabTokenKind.Impersonation && !_options.ImpersonationEnabled)
        {
            return InvalidToken(ImpersonationDescription);
        }

        // 2. Delay.
        if (token.Delay is { } delay && delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }

        // 3. Server error: no GitLab headers, as a failing proxy or Workhorse answers.
        if (token.ServerErrorStatus is { } status)
        {
            return status == 500
                ? new GitLabFakeAnswer(500, GitLabFakeJson.Message("500 Internal Server Error"))
                : new GitLabFakeAnswer(status, $"<html>\r\n<head><title>{status} Error</title></head>\r\n<body>\r\n<center><h1>{status} Error</h1></center>\r\n</body>\r\n</html>\r\n", GitLabFakeAnswer.Html);
        }

        // 4. A throttle the token has hit: Rack::Attack's 429 "Retry later" with its headers.
        if (token.RateLimitRetryAfter is { } retryAfter)
        {
            return Throttled(now, retryAfter);
        }

        // 5. The endpoint, then the rate-limit headers of every authenticated answer.
        var answer = Route(token, call, path, now);
        if (token.MalformedJson && answer.StatusCode is >= 200 and <= 299 && answer.ContentType == GitLabFakeAnswer.Json)
        {
            answer.Body = answer.Body[..(answer.Body.Length / 2)];
        }

        return _options.RateLimitHeaders ? AddBudget(answer, token, now) : answer;
    }

    private string? ApiPath(string rawPath)
    {
        if (string.Equals(rawPath, _apiPrefix, StringComparison.Ordinal))
        {
            return "/";
        }

        return rawPath.StartsWith(_apiPrefix + "/", StringComparison.Ordinal) ? rawPath[_apiPrefix.Length..] : null;
    }

    private GitLabFakeAnswer Route(FakeGitLabToken token, GitLabFakeCall call, string path, DateTimeOffset now)
    {
        var segments = path.Trim('/').Split('/');
        var method = call.Method.ToUpperInvariant();
        var read = method is "GET" or "HEAD";
        switch (segments)
        {
            case ["personal_access_tokens", "self"] when read:
                // "Any token regardless of scope should be able to view/revoke itself" (SelfInformation API); a
                // fine-grained one needs Personal Access Token: Read.
                return !_options.SupportsPersonalAccessTokensSelf ? NotFoundRoute()
                    : Grants(token, "read_personal_access_token", "user", "Personal Access Token: Read") ?? Ok(Self(token, now));
            case ["user"] when read:
                return Grants(token, "read_user", "user", "User: Read") ?? Allows(token, read, "read_user") ?? Ok(User(token, now));
            case ["projects"] when read:
                return Grants(token, "read_project", "project", "Project: Read") ?? Allows(token, read) ?? Ok(ProjectList(token, call.Query, now));
            case ["projects"] when method == "POST":
                return Grants(token, "create_project", "user", "Project: Create") ?? Allows(token, read) ?? CreateProject(call.Body);
            case ["projects", var id] when read:
                return Grants(token, "read_project", "project", "Project: Read") ?? Allows(token, read) ?? Project(token, Uri.UnescapeDataString(id), now);
            default:
                return NotFoundRoute();
        }
    }

    /// <summary>
    /// The REST guard (PROVIDERS.md §2.2): <c>api</c> everywhere, <c>read_api</c> on GET and HEAD, plus the endpoint's
    /// own scopes. <see langword="null"/> when allowed; otherwise 403 <c>insufficient_scope</c> listing the accepted
    /// scopes, space-separated, without <c>WWW-Authenticate</c> (rack-oauth2's Forbidden sets none).
    /// </summary>
    private static GitLabFakeAnswer? Allows(FakeGitLabToken token, bool read, params string[] extra)
    {
        if (token.FineGrained)
        {
            return null;
        }

        string[] accepted = read ? ["api", "read_api", .. extra] : ["api", .. extra];
        return accepted.Any(s => token.Scopes.Contains(s, StringComparer.OrdinalIgnoreCase))
            ? null
            : new GitLabFakeAnswer(403, GitLabFakeJson.OAuthError("insufficient_scope", InsufficientScopeDescription, string.Join(' ', accepted)));
    }

    /// <summary>
    /// A fine-grained token's check (Authz::Tokens::AuthorizeGranularScopesService): <see langword="null"/> when the grant
    /// holds the permission at any boundary (the fake does not judge boundaries) or the token is classic; otherwise 403
    /// <c>insufficient_granular_scope</c> with GitLab's sentence. A classic token skips it.
    /// </summary>
    private static GitLabFakeAnswer? Grants(FakeGitLabToken token, string permission, string boundary, string label)
        => !token.FineGrained || token.GranularScopes.Any(g => g.Permissions.Contains(permission, StringComparer.Ordinal))
            ? null
            : new GitLabFakeAnswer(403, GitLabFakeJson.OAuthError("insufficient_granular_scope",
                $"Access denied: This operation requires a fine-grained personal access token with the following {boundary} permissions: [{label}]."));

    private static bool Expired(FakeGitLabToken token, DateTimeOffset now)
        => token.ExpiresAt is { } expiresAt && expiresAt <= DateOnly.FromDateTime(now.UtcDateTime);

    private static GitLabFakeAnswer InvalidToken(string description)
        => new GitLabFakeAnswer(401, GitLabFakeJson.OAuthError("invalid_token", description))
            .With("WWW-Authenticate", $"Bearer realm=\"Protected by OAuth 2.0\", error=\"invalid_token\", error_description=\"{description}\"");

    private static GitLabFakeAnswer Throttled(DateTimeOffset now, TimeSpan retryAfter)
    {
        var seconds = (long)Math.Ceiling(retryAfter.TotalSeconds);
        var reset = now.AddSeconds(seconds);
        return new GitLabFakeAnswer(429, "Retry later\n", GitLabFakeAnswer.Text)
            .With("RateLimit-Name", "throttle_authenticated_api")
            .With("RateLimit-Limit", MinuteLimit.ToString(CultureInfo.InvariantCulture))
            .With("RateLimit-Observed", (MinuteLimit + 1).ToString(CultureInfo.InvariantCulture))
            .With("RateLimit-Remaining", "0")
            .With("RateLimit-Reset", reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))
            .With("RateLimit-ResetTime", reset.ToString("r", CultureInfo.InvariantCulture))
            .With("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
    }

    private GitLabFakeAnswer AddBudget(GitLabFakeAnswer answer, FakeGitLabToken token, DateTimeOffset now)
    {
        var window = now.ToUnixTimeSeconds() / 60;
        var (_, count) = _budgets.AddOrUpdate(token.Value, _ => (window, 1), (_, b) => b.Window == window ? (window, b.Count + 1) : (window, 1));
        var reset = DateTimeOffset.FromUnixTimeSeconds((window + 1) * 60);
        return answer
            .With("RateLimit-Name", "throttle_authenticated_api")
            .With("RateLimit-Limit", MinuteLimit.ToString(CultureInfo.InvariantCulture))
            .With("RateLimit-Observed", count.ToString(CultureInfo.InvariantCulture))
            .With("RateLimit-Remaining", Math.Max(0, MinuteLimit - count).ToString(CultureInfo.InvariantCulture))
            .With("RateLimit-Reset", reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))
            .With("RateLimit-ResetTime", reset.ToString("r", CultureInfo.InvariantCulture));
    }

    private static GitLabFakeAnswer Ok(string body) => new(200, body);

    /// <summary>Grape's answer for a route that does not exist.</summary>
    private static GitLabFakeAnswer NotFoundRoute() => new(404, GitLabFakeJson.Error("404 Not Found"));

    // Entities::PersonalAccessTokenWithLastUsedIps: every field GitLab exposes, granular_scopes only for a fine-grained
    // token from 19.5 (each with project_id and group_id, null when not targeted).
    private static string Self(FakeGitLabToken token, DateTimeOffset now) => GitLabFakeJson.Write(w =>
    {
        var expired = Expired(token, now);
        w.WriteStartObject();
        w.WriteNumber("id", (token.UserId * 100) + 1);
        w.WriteString("name", token.Name);
        w.WriteBoolean("active", !expired);
        w.WriteBoolean("revoked", false);
        w.WriteBoolean("granular", token.FineGrained);
        w.WriteString("created_at", "2026-01-05T09:30:00.000Z");
        w.WriteString("description", "");
        w.WriteStartArray("scopes");
        foreach (var scope in token.Scopes)
        {
            w.WriteStringValue(scope);
        }

        w.WriteEndArray();
        w.WriteNumber("user_id", token.UserId);
        w.WriteString("last_used_at", now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        if (token.ExpiresAt is { } expiresAt)
        {
            w.WriteString("expires_at", expiresAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull("expires_at");
        }

        w.WriteStartArray("last_used_ips");
        w.WriteStringValue("127.0.0.1");
        w.WriteEndArray();
        if (token.FineGrained && token.ListsGranularScopes)
        {
            w.WriteStartArray("granular_scopes");
            foreach (var scope in token.GranularScopes)
            {
                w.WriteStartObject();
                w.WriteString("access", scope.Access);
                w.WriteStartArray("permissions");
                foreach (var permission in scope.Permissions)
                {
                    w.WriteStringValue(permission);
                }

                w.WriteEndArray();
                WriteId(w, "project_id", scope.ProjectId);
                WriteId(w, "group_id", scope.GroupId);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    });

    private static void WriteId(Utf8JsonWriter w, string name, long? id)
    {
        if (id is { } value)
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    // GET /user as docs.gitlab.com documents it for a non-administrator (doc/api/users.md, "Retrieve the current user").
    private string User(FakeGitLabToken token, DateTimeOffset now) => GitLabFakeJson.Write(w =>
    {
        var email = token.IsBot ? $"{token.Username}@noreply.{Url.Host}" : $"{token.Username}@example.com";
        w.WriteStartObject();
        w.WriteNumber("id", token.UserId);
        w.WriteString("username", token.Username);
        w.WriteString("email", email);
        w.WriteString("name", token.IsBot ? "GitOps bot" : "Jane Doe");
        w.WriteString("state", "active");
        w.WriteBoolean("locked", false);
        w.WriteString("avatar_url", $"https://secure.gravatar.com/avatar/{token.UserId}?s=80&d=identicon");
        w.WriteString("web_url", new Uri(Url, token.Username).ToString());
        w.WriteString("created_at", "2025-11-02T08:00:58.000Z");
        w.WriteString("bio", "");
        w.WriteNull("location");
        w.WriteString("public_email", "");
        foreach (var empty in EmptyProfileFields)
        {
            w.WriteString(empty, "");
        }

        w.WriteNull("pronouns");
        w.WriteBoolean("bot", token.IsBot);
        w.WriteNull("work_information");
        w.WriteNumber("followers", 0);
        w.WriteNumber("following", 0);
        w.WriteString("local_time", now.UtcDateTime.ToString("h:mm tt", CultureInfo.InvariantCulture));
        w.WriteString("last_sign_in_at", "2026-11-30T11:41:01.000Z");
        w.WriteString("confirmed_at", "2025-11-02T09:05:22.000Z");
        w.WriteNumber("theme_id", 1);
        w.WriteString("last_activity_on", now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteNumber("color_scheme_id", 1);
        w.WriteNumber("projects_limit", token.IsBot ? 0 : 100000);
        w.WriteString("current_sign_in_at", "2026-12-01T06:36:55.000Z");
        w.WriteStartArray("identities");
        w.WriteEndArray();
        w.WriteBoolean("can_create_group", !token.IsBot);
        w.WriteBoolean("can_create_project", !token.IsBot);
        w.WriteBoolean("two_factor_enabled", false);
        w.WriteBoolean("external", false);
        w.WriteBoolean("private_profile", false);
        w.WriteString("commit_email", email);
        w.WriteEndObject();
    });

    private string ProjectList(FakeGitLabToken token, string query, DateTimeOffset now)
    {
        var perPage = 20;
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (pair.StartsWith("per_page=", StringComparison.Ordinal) && int.TryParse(pair[9..], CultureInfo.InvariantCulture, out var n))
            {
                perPage = Math.Clamp(n, 1, 100);
            }
        }

        var visible = _projects.Values.Where(p => Visible(token, p)).OrderByDescending(p => p.Id).Take(perPage).ToArray();
        return GitLabFakeJson.Write(w =>
        {
            w.WriteStartArray();
            foreach (var project in visible)
            {
                w.WriteStartObject();
                ProjectFields(w, project, token, now);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    /// <summary><c>POST /projects</c>: without <c>name</c> or <c>path</c>, GitLab's 400; with one, 201 — and nothing is stored.</summary>
    private static GitLabFakeAnswer CreateProject(string? body)
    {
        var names = GitLabFakeJson.PropertyNames(body);
        if (names is null)
        {
            return new GitLabFakeAnswer(400, GitLabFakeJson.Message("400 Bad request - Problems parsing JSON"));
        }

        if (!names.Contains("name") && !names.Contains("path"))
        {
            return new GitLabFakeAnswer(400, GitLabFakeJson.Error("name, path are missing, at least one parameter must be provided"));
        }

        return new GitLabFakeAnswer(201, GitLabFakeJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("id", 999999);
            w.WriteString("visibility", "private");
            w.WriteEndObject();
        }));
    }

    private GitLabFakeAnswer Project(FakeGitLabToken token, string id, DateTimeOffset now)
    {
        var project = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? _projects.Values.FirstOrDefault(p => p.Id == number)
            : _projects.TryGetValue(id, out var byPath) ? byPath : null;
        if (project is null || !Visible(token, project))
        {
            return new GitLabFakeAnswer(404, GitLabFakeJson.Message("404 Project Not Found"));
        }

        var projectLevel = token.ProjectAccess.TryGetValue(project.PathWithNamespace, out var level) && level > FakeGitLabAccessLevel.None ? level : (FakeGitLabAccessLevel?)null;
        var groupLevel = GroupLevel(token, project);
        return Ok(GitLabFakeJson.Write(w =>
        {
            var web = new Uri(Url, project.PathWithNamespace).ToString();
            w.WriteStartObject();
            ProjectFields(w, project, token, now);
            w.WriteStartObject("permissions");
            WriteAccess(w, "project_access", projectLevel);
            WriteAccess(w, "group_access", groupLevel);
            w.WriteEndObject();

            // The single project's own fields ("Get a single project"); license only with ?license=true, statistics only with ?statistics=true.
            w.WriteStartObject("container_expiration_policy");
            w.WriteString("cadence", "1d");
            w.WriteBoolean("enabled", false);
            w.WriteNumber("keep_n", 10);
            w.WriteString("older_than", "90d");
            w.WriteString("name_regex", ".*");
            w.WriteString("name_regex_delete", ".*");
            w.WriteNull("name_regex_keep");
            w.WriteString("next_run_at", Timestamp(now.AddDays(1)));
            w.WriteEndObject();
            w.WriteString("license_url", web + "/-/blob/main/LICENSE");
            w.WriteBoolean("printing_merge_requests_link_enabled", true);
            w.WriteStartArray("compliance_frameworks");
            w.WriteEndArray();
            w.WriteBoolean("warn_about_potentially_unwanted_characters", true);
            w.WriteEndObject();
        }));
    }

    // The fields doc/api/projects.md's "List all projects" example gives every project (those of "Get a single project"
    // alone are written by Project): values derived from the project, the token and the server's address and clock.
    private void ProjectFields(Utf8JsonWriter w, FakeGitLabProject project, FakeGitLabToken token, DateTimeOffset now)
    {
        var group = project.Namespace;
        var user = string.Equals(group, token.Username, StringComparison.OrdinalIgnoreCase);
        var web = new Uri(Url, project.PathWithNamespace).ToString();
        var api = new Uri(Url, $"api/v4/projects/{project.Id}").ToString();
        var level = Max(token.ProjectAccess.TryGetValue(project.PathWithNamespace, out var own) ? own : FakeGitLabAccessLevel.None, GroupLevel(token, project));
        var created = Created(project.Id);
        w.WriteNumber("id", project.Id);
        w.WriteString("description", "");
        w.WriteString("description_html", "");
        w.WriteString("name", project.Path);
        w.WriteString("name_with_namespace", project.PathWithNamespace.Replace("/", " / ", StringComparison.Ordinal));
        w.WriteString("path", project.Path);
        w.WriteString("path_with_namespace", project.PathWithNamespace);
        w.WriteString("created_at", Timestamp(created));
        w.WriteString("updated_at", Timestamp(now.AddHours(-2)));
        w.WriteString("default_branch", "main");
        w.WriteStartArray("tag_list");
        w.WriteEndArray();
        w.WriteStartArray("topics");
        w.WriteEndArray();
        w.WriteString("ssh_url_to_repo", $"git@{Url.Host}:{project.PathWithNamespace}.git");
        w.WriteString("http_url_to_repo", web + ".git");
        w.WriteString("web_url", web);
        w.WriteString("readme_url", web + "/-/blob/main/README.md");
        w.WriteNull("avatar_url");
        w.WriteNumber("forks_count", 0);
        w.WriteNumber("star_count", 0);
        w.WriteString("last_activity_at", Timestamp(now.AddHours(-1)));
        w.WriteNumber("creator_id", user ? token.UserId : 1);
        if (user)
        {
            // GitLab shows the owner of a project in a personal namespace only.
            w.WriteStartObject("owner");
            w.WriteNumber("id", token.UserId);
            w.WriteString("name", token.IsBot ? "GitOps bot" : "Jane Doe");
            w.WriteString("created_at", "2025-11-02T08:00:58.000Z");
            w.WriteEndObject();
        }

        w.WriteStartObject("namespace");
        w.WriteNumber("id", NamespaceId(group));
        w.WriteString("name", group[(group.LastIndexOf('/') + 1)..]);
        w.WriteString("path", group[(group.LastIndexOf('/') + 1)..]);
        w.WriteString("kind", user ? "user" : "group");
        w.WriteString("full_path", group);
        if (group.Contains('/', StringComparison.Ordinal))
        {
            w.WriteNumber("parent_id", NamespaceId(group[..group.LastIndexOf('/')]));
        }
        else
        {
            w.WriteNull("parent_id");
        }

        w.WriteNull("avatar_url");
        w.WriteString("web_url", new Uri(Url, user ? group : "groups/" + group).ToString());
        w.WriteEndObject();
        w.WriteString("visibility", project.Visibility);
        w.WriteBoolean("archived", false);
        w.WriteBoolean("empty_repo", false);
        w.WriteString("repository_access_level", "enabled");
        w.WriteBoolean("can_create_merge_request_in", level >= FakeGitLabAccessLevel.Developer);
        foreach (var (name, value) in ProjectDefaults)
        {
            switch (value)
            {
                case null: w.WriteNull(name); break;
                case bool flag: w.WriteBoolean(name, flag); break;
                case int number: w.WriteNumber(name, number); break;
                default: w.WriteString(name, (string)value); break;
            }
        }

        w.WriteStartArray("ci_id_token_sub_claim_components");
        foreach (var component in SubClaimComponents)
        {
            w.WriteStringValue(component);
        }

        w.WriteEndArray();
        w.WriteStartArray("shared_with_groups");
        w.WriteEndArray();
        if (level >= FakeGitLabAccessLevel.Maintainer)
        {
            // Only a maintainer sees the project's runner registration token.
            w.WriteString("runners_token", "GR1348941" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(project.Id)), 0, 10));
        }

        w.WriteString("container_registry_image_prefix", $"{Url.Host}:5050/{project.PathWithNamespace.ToLowerInvariant()}");
        w.WriteStartObject("_links");
        w.WriteString("self", api);
        foreach (var link in ProjectLinks)
        {
            w.WriteString(link, api + "/" + (link == "repo_branches" ? "repository/branches" : link));
        }

        w.WriteEndObject();
    }

    private static FakeGitLabAccessLevel Max(FakeGitLabAccessLevel own, FakeGitLabAccessLevel? group)
        => group is { } g && g > own ? g : own;

    /// <summary>A project's creation time, stable per id: some days before 2026-01-05.</summary>
    private static DateTimeOffset Created(long projectId) => new DateTimeOffset(2026, 1, 5, 9, 30, 0, TimeSpan.Zero).AddDays(-(projectId % 365));

    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A stable id per namespace path, numbered in the order the fake first shows them.</summary>
    private long NamespaceId(string path) => _namespaceIds.GetOrAdd(path, _ => 5000 + _namespaceIds.Count);

    private static void WriteAccess(Utf8JsonWriter w, string name, FakeGitLabAccessLevel? level)
    {
        if (level is not { } value)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteNumber("access_level", (int)value);
        w.WriteNumber("notification_level", 3);
        w.WriteEndObject();
    }

    private static FakeGitLabAccessLevel? GroupLevel(FakeGitLabToken token, FakeGitLabProject project)
    {
        var levels = token.GroupAccess
            .Where(g => g.Value > FakeGitLabAccessLevel.None
                && project.PathWithNamespace.StartsWith(g.Key.Trim('/') + "/", StringComparison.OrdinalIgnoreCase))
            .Select(g => g.Value)
            .ToArray();
        return levels.Length == 0 ? null : levels.Max();
    }

    /// <summary>Public and internal projects are visible to every authenticated token; private ones to members only.</summary>
    private static bool Visible(FakeGitLabToken token, FakeGitLabProject project)
        => project.Visibility is "public" or "internal"
            || (token.ProjectAccess.TryGetValue(project.PathWithNamespace, out var level) && level > FakeGitLabAccessLevel.None)
            || GroupLevel(token, project) is not null;
}
