// Licensed under the MIT License. See LICENSE in the repository root.

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GitTokenScopes.Testing.GitHub.Internal;

/// <summary>An account as GitHub shows it in a <c>simple-user</c>: login, numeric id and type (<c>User</c>, <c>Bot</c> or <c>Organization</c>).</summary>
internal sealed record GitHubFakeAccount(string Login, long Id, string Type);

/// <summary>
/// Where the fake lives and since when: API URLs are built on <see cref="ApiUrl"/> and web URLs on <see cref="WebUrl"/>
/// in GitHub's patterns (<c>https://api.github.com/users/{login}</c>, <c>https://github.com/{login}</c>), and every
/// timestamp derives from <see cref="Epoch"/>, the fake's clock when it started, so answers are stable per server.
/// </summary>
internal sealed record GitHubFakeSite(Uri ApiUrl, Uri WebUrl, bool Enterprise, DateTimeOffset Epoch)
{
    public string Api(string relative) => ApiUrl + relative;

    public string Web(string relative) => WebUrl + relative;

    /// <summary>github.com serves avatars from its CDN; GitHub Enterprise Server from <c>/avatars/u/{id}</c> on its own host.</summary>
    public string Avatar(long id)
        => Enterprise
            ? Web($"avatars/u/{id.ToString(CultureInfo.InvariantCulture)}?")
            : $"https://avatars.githubusercontent.com/u/{id.ToString(CultureInfo.InvariantCulture)}?v=4";

    /// <summary>A moment <paramref name="days"/> days and <paramref name="seconds"/> seconds before the epoch, as GitHub writes it (<c>2011-01-26T19:01:12Z</c>).</summary>
    public string Before(long days, long seconds = 0)
        => Epoch.AddDays(-days).AddSeconds(-seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>
/// The bodies of the fake's 2xx answers, with every field GitHub's OpenAPI description requires for them
/// (<c>root</c>, <c>simple-user</c>, <c>private-user</c>/<c>public-user</c>, <c>repository</c>, <c>full-repository</c>,
/// <c>file-commit</c>, <c>status</c>, <c>pull-request</c>) and the optional ones GitHub commonly sends, in GitHub's order.
/// Values are derived from the fake's setup: ids from the token or repository, counts from the repositories on the
/// server, timestamps from <see cref="GitHubFakeSite.Epoch"/>; what the fake does not model is GitHub's default for a
/// new account or repository (no followers, no forks, no licence, <c>main</c>).
/// </summary>
internal static class GitHubFakeShapes
{
    /// <summary>Writes GitHub's API root (<c>GET /</c>).</summary>
    public static void Root(Utf8JsonWriter w, GitHubFakeSite site)
    {
        const string search = "{&page,per_page,sort,order}";
        w.WriteStartObject();
        w.WriteString("current_user_url", site.Api("user"));
        w.WriteString("current_user_authorizations_html_url", site.Web("settings/connections/applications{/client_id}"));
        w.WriteString("authorizations_url", site.Api("authorizations"));
        w.WriteString("code_search_url", site.Api("search/code?q={query}" + search));
        w.WriteString("commit_search_url", site.Api("search/commits?q={query}" + search));
        w.WriteString("emails_url", site.Api("user/emails"));
        w.WriteString("emojis_url", site.Api("emojis"));
        w.WriteString("events_url", site.Api("events"));
        w.WriteString("feeds_url", site.Api("feeds"));
        w.WriteString("followers_url", site.Api("user/followers"));
        w.WriteString("following_url", site.Api("user/following{/target}"));
        w.WriteString("gists_url", site.Api("gists{/gist_id}"));
        w.WriteString("issue_search_url", site.Api("search/issues?q={query}" + search));
        w.WriteString("issues_url", site.Api("issues"));
        w.WriteString("keys_url", site.Api("user/keys"));
        w.WriteString("label_search_url", site.Api("search/labels?q={query}&repository_id={repository_id}{&page,per_page}"));
        w.WriteString("notifications_url", site.Api("notifications"));
        w.WriteString("organization_url", site.Api("orgs/{org}"));
        w.WriteString("organization_repositories_url", site.Api("orgs/{org}/repos{?type,page,per_page,sort}"));
        w.WriteString("organization_teams_url", site.Api("orgs/{org}/teams"));
        w.WriteString("public_gists_url", site.Api("gists/public"));
        w.WriteString("rate_limit_url", site.Api("rate_limit"));
        w.WriteString("repository_url", site.Api("repos/{owner}/{repo}"));
        w.WriteString("repository_search_url", site.Api("search/repositories?q={query}" + search));
        w.WriteString("current_user_repositories_url", site.Api("user/repos{?type,page,per_page,sort}"));
        w.WriteString("starred_url", site.Api("user/starred{/owner}{/repo}"));
        w.WriteString("starred_gists_url", site.Api("gists/starred"));
        w.WriteString("topic_search_url", site.Api("search/topics?q={query}{&page,per_page}"));
        w.WriteString("user_url", site.Api("users/{user}"));
        w.WriteString("user_organizations_url", site.Api("user/orgs"));
        w.WriteString("user_repositories_url", site.Api("users/{user}/repos{?type,page,per_page,sort}"));
        w.WriteString("user_search_url", site.Api("search/users?q={query}" + search));
        w.WriteEndObject();
    }

    /// <summary>Writes a <c>simple-user</c> object's fields (without the braces); <c>GET /user</c>'s private view says <c>user_view_type: private</c>.</summary>
    public static void SimpleUserFields(Utf8JsonWriter w, GitHubFakeSite site, GitHubFakeAccount account, string viewType = "public")
    {
        var login = Uri.EscapeDataString(account.Login);
        var user = $"users/{login}";
        w.WriteString("login", account.Login);
        w.WriteNumber("id", account.Id);
        w.WriteString("node_id", NodeId(account.Type, account.Id.ToString(CultureInfo.InvariantCulture)));
        w.WriteString("avatar_url", site.Avatar(account.Id));
        w.WriteString("gravatar_id", "");
        w.WriteString("url", site.Api(user));

        // A bot's page is its app's: https://github.com/apps/{slug}.
        w.WriteString("html_url", account.Login.EndsWith("[bot]", StringComparison.Ordinal)
            ? site.Web("apps/" + Uri.EscapeDataString(account.Login[..^5]))
            : site.Web(login));
        w.WriteString("followers_url", site.Api(user + "/followers"));
        w.WriteString("following_url", site.Api(user + "/following{/other_user}"));
        w.WriteString("gists_url", site.Api(user + "/gists{/gist_id}"));
        w.WriteString("starred_url", site.Api(user + "/starred{/owner}{/repo}"));
        w.WriteString("subscriptions_url", site.Api(user + "/subscriptions"));
        w.WriteString("organizations_url", site.Api(user + "/orgs"));
        w.WriteString("repos_url", site.Api(user + "/repos"));
        w.WriteString("events_url", site.Api(user + "/events{/privacy}"));
        w.WriteString("received_events_url", site.Api(user + "/received_events"));
        w.WriteString("type", account.Type);
        w.WriteString("user_view_type", viewType);
        w.WriteBoolean("site_admin", false);
    }

    /// <summary>Writes a <c>simple-user</c> object, as a property when <paramref name="name"/> is given.</summary>
    public static void SimpleUser(Utf8JsonWriter w, GitHubFakeSite site, GitHubFakeAccount account, string? name = null)
    {
        if (name is null)
        {
            w.WriteStartObject();
        }
        else
        {
            w.WriteStartObject(name);
        }

        SimpleUserFields(w, site, account);
        w.WriteEndObject();
    }

    /// <summary>
    /// Writes <c>GET /user</c>: <c>private-user</c> when <paramref name="privateView"/> (GitHub's private profile), else
    /// <c>public-user</c>, whose schema allows no other field. <paramref name="repositories"/> are the server's
    /// repositories the account owns, for the repository counts and disk usage.
    /// </summary>
    public static void User(Utf8JsonWriter w, GitHubFakeSite site, GitHubFakeAccount account, bool privateView, IReadOnlyCollection<FakeGitHubRepository> repositories)
    {
        var created = 400 + Spread(account.Id, 3000);
        w.WriteStartObject();
        SimpleUserFields(w, site, account, privateView ? "private" : "public");
        w.WriteNull("name");
        w.WriteNull("company");
        w.WriteString("blog", "");
        w.WriteNull("location");
        w.WriteNull("email");
        w.WriteNull("hireable");
        w.WriteNull("bio");
        w.WriteNull("twitter_username");
        if (privateView)
        {
            w.WriteNull("notification_email");
        }

        w.WriteNumber("public_repos", repositories.Count(r => !r.Private));
        w.WriteNumber("public_gists", 0);
        w.WriteNumber("followers", 0);
        w.WriteNumber("following", 0);
        w.WriteString("created_at", site.Before(created, Spread(account.Id * 31, 86_400)));
        w.WriteString("updated_at", site.Before(1 + Spread(account.Id, 30)));
        if (privateView)
        {
            var owned = repositories.Count(r => r.Private);
            w.WriteNumber("private_gists", 0);
            w.WriteNumber("total_private_repos", owned);
            w.WriteNumber("owned_private_repos", owned);
            w.WriteNumber("disk_usage", repositories.Sum(Size));
            w.WriteNumber("collaborators", 0);
            w.WriteBoolean("two_factor_authentication", true);
            w.WriteStartObject("plan");
            w.WriteString("name", site.Enterprise ? "enterprise" : "free");
            w.WriteNumber("space", 976_562_499);
            w.WriteNumber("collaborators", 0);
            w.WriteNumber("private_repos", 10_000);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// Writes a repository: <c>full-repository</c> (<c>GET /repos/{owner}/{repo}</c>) when <paramref name="full"/>, else
    /// <c>repository</c> as listings carry it. <paramref name="roleRank"/> (see <see cref="GitHubFakeAccess"/>) fills
    /// <c>permissions</c> when given; with push access or more a full repository carries the merge settings, as GitHub
    /// shows them only to those who may push.
    /// </summary>
    public static void Repository(Utf8JsonWriter w, GitHubFakeSite site, FakeGitHubRepository repository, GitHubFakeAccount owner, bool full, int? roleRank = null)
    {
        var path = $"{Uri.EscapeDataString(repository.Owner)}/{Uri.EscapeDataString(repository.Name)}";
        var repo = $"repos/{path}";
        string Api(string rest) => site.Api(repo + rest);
        var created = 30 + Spread(repository.Id, 1500);
        var createdAt = site.Before(created, Spread(repository.Id * 17, 86_400));
        var host = site.WebUrl.Authority;

        w.WriteStartObject();
        w.WriteNumber("id", repository.Id);
        w.WriteString("node_id", NodeId("Repository", repository.Id.ToString(CultureInfo.InvariantCulture)));
        w.WriteString("name", repository.Name);
        w.WriteString("full_name", repository.FullName);
        w.WriteBoolean("private", repository.Private);
        SimpleUser(w, site, owner, "owner");
        w.WriteString("html_url", site.Web(path));
        w.WriteNull("description");
        w.WriteBoolean("fork", false);
        w.WriteString("url", Api(""));
        w.WriteString("forks_url", Api("/forks"));
        w.WriteString("keys_url", Api("/keys{/key_id}"));
        w.WriteString("collaborators_url", Api("/collaborators{/collaborator}"));
        w.WriteString("teams_url", Api("/teams"));
        w.WriteString("hooks_url", Api("/hooks"));
        w.WriteString("issue_events_url", Api("/issues/events{/number}"));
        w.WriteString("events_url", Api("/events"));
        w.WriteString("assignees_url", Api("/assignees{/user}"));
        w.WriteString("branches_url", Api("/branches{/branch}"));
        w.WriteString("tags_url", Api("/tags"));
        w.WriteString("blobs_url", Api("/git/blobs{/sha}"));
        w.WriteString("git_tags_url", Api("/git/tags{/sha}"));
        w.WriteString("git_refs_url", Api("/git/refs{/sha}"));
        w.WriteString("trees_url", Api("/git/trees{/sha}"));
        w.WriteString("statuses_url", Api("/statuses/{sha}"));
        w.WriteString("languages_url", Api("/languages"));
        w.WriteString("stargazers_url", Api("/stargazers"));
        w.WriteString("contributors_url", Api("/contributors"));
        w.WriteString("subscribers_url", Api("/subscribers"));
        w.WriteString("subscription_url", Api("/subscription"));
        w.WriteString("commits_url", Api("/commits{/sha}"));
        w.WriteString("git_commits_url", Api("/git/commits{/sha}"));
        w.WriteString("comments_url", Api("/comments{/number}"));
        w.WriteString("issue_comment_url", Api("/issues/comments{/number}"));
        w.WriteString("contents_url", Api("/contents/{+path}"));
        w.WriteString("compare_url", Api("/compare/{base}...{head}"));
        w.WriteString("merges_url", Api("/merges"));
        w.WriteString("archive_url", Api("/{archive_format}{/ref}"));
        w.WriteString("downloads_url", Api("/downloads"));
        w.WriteString("issues_url", Api("/issues{/number}"));
        w.WriteString("pulls_url", Api("/pulls{/number}"));
        w.WriteString("milestones_url", Api("/milestones{/number}"));
        w.WriteString("notifications_url", Api("/notifications{?since,all,participating}"));
        w.WriteString("labels_url", Api("/labels{/name}"));
        w.WriteString("releases_url", Api("/releases{/id}"));
        w.WriteString("deployments_url", Api("/deployments"));
        w.WriteString("created_at", createdAt);
        w.WriteString("updated_at", site.Before(0, 7_200 + Spread(repository.Id, 3_600)));
        w.WriteString("pushed_at", repository.Empty ? createdAt : site.Before(0, 3_600 + Spread(repository.Id, 3_600)));
        w.WriteString("git_url", $"git://{host}/{path}.git");
        w.WriteString("ssh_url", $"git@{site.WebUrl.Host}:{path}.git");
        w.WriteString("clone_url", site.Web(path + ".git"));
        w.WriteString("svn_url", site.Web(path));
        w.WriteNull("homepage");
        w.WriteNumber("size", Size(repository));
        w.WriteNumber("stargazers_count", 0);
        w.WriteNumber("watchers_count", 0);
        w.WriteNull("language");
        w.WriteBoolean("has_issues", true);
        w.WriteBoolean("has_projects", true);
        w.WriteBoolean("has_downloads", true);
        w.WriteBoolean("has_wiki", true);
        w.WriteBoolean("has_pages", false);
        w.WriteBoolean("has_discussions", false);
        w.WriteNumber("forks_count", 0);
        w.WriteNull("mirror_url");
        w.WriteBoolean("archived", false);
        w.WriteBoolean("disabled", false);
        w.WriteNumber("open_issues_count", 0);
        w.WriteNull("license");
        w.WriteBoolean("allow_forking", true);
        w.WriteBoolean("is_template", false);
        w.WriteBoolean("web_commit_signoff_required", false);
        w.WriteStartArray("topics");
        w.WriteEndArray();
        w.WriteString("visibility", repository.Private ? "private" : "public");
        w.WriteNumber("forks", 0);
        w.WriteNumber("open_issues", 0);
        w.WriteNumber("watchers", 0);
        w.WriteString("default_branch", "main");
        if (roleRank is { } rank)
        {
            var (admin, maintain, push, triage, pull) = GitHubFakeAccess.RoleFlags(rank);
            w.WriteStartObject("permissions");
            w.WriteBoolean("admin", admin);
            w.WriteBoolean("maintain", maintain);
            w.WriteBoolean("push", push);
            w.WriteBoolean("triage", triage);
            w.WriteBoolean("pull", pull);
            w.WriteEndObject();

            if (full && push)
            {
                w.WriteBoolean("allow_squash_merge", true);
                w.WriteBoolean("allow_merge_commit", true);
                w.WriteBoolean("allow_rebase_merge", true);
                w.WriteBoolean("allow_auto_merge", false);
                w.WriteBoolean("delete_branch_on_merge", false);
                w.WriteBoolean("allow_update_branch", false);
                w.WriteBoolean("use_squash_pr_title_as_default", false);
                w.WriteString("squash_merge_commit_message", "COMMIT_MESSAGES");
                w.WriteString("squash_merge_commit_title", "COMMIT_OR_PR_TITLE");
                w.WriteString("merge_commit_message", "PR_TITLE");
                w.WriteString("merge_commit_title", "MERGE_MESSAGE");
            }
        }

        if (full)
        {
            if (string.Equals(owner.Type, "Organization", StringComparison.Ordinal))
            {
                SimpleUser(w, site, owner, "organization");
            }

            w.WriteNumber("network_count", 0);
            w.WriteNumber("subscribers_count", 0);
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// Writes the <c>file-commit</c> of a created file (<c>PUT …/contents/{path}</c>); nothing is stored. The blob's sha
    /// is git's (SHA-1 of <c>blob {size}\0</c> and the decoded content); the commit's is random, as a new commit's would be.
    /// </summary>
    public static void FileCommit(Utf8JsonWriter w, GitHubFakeSite site, FakeGitHubRepository repository, GitHubFakeAccount author, string filePath, string? content, string? message, string? branch)
    {
        var bytes = Decode(content);
        var blob = GitBlobSha(bytes);
        var commit = RandomNumberGenerator.GetHexString(40, lowercase: true);
        var tree = RandomNumberGenerator.GetHexString(40, lowercase: true);
        var parent = RandomNumberGenerator.GetHexString(40, lowercase: true);
        var refName = string.IsNullOrEmpty(branch) ? "main" : branch;
        var path = $"{Uri.EscapeDataString(repository.Owner)}/{Uri.EscapeDataString(repository.Name)}";
        var escapedPath = string.Join('/', filePath.Split('/').Select(Uri.EscapeDataString));
        var contentUrl = site.Api($"repos/{path}/contents/{escapedPath}?ref={Uri.EscapeDataString(refName)}");
        var htmlUrl = site.Web($"{path}/blob/{Uri.EscapeDataString(refName)}/{escapedPath}");
        var gitUrl = site.Api($"repos/{path}/git/blobs/{blob}");
        var now = site.Before(0);
        var email = NoReplyEmail(site, author);

        w.WriteStartObject();
        w.WriteStartObject("content");
        w.WriteString("name", filePath[(filePath.LastIndexOf('/') + 1)..]);
        w.WriteString("path", filePath);
        w.WriteString("sha", blob);
        w.WriteNumber("size", bytes.Length);
        w.WriteString("url", contentUrl);
        w.WriteString("html_url", htmlUrl);
        w.WriteString("git_url", gitUrl);
        w.WriteString("download_url", site.Web($"{path}/raw/{Uri.EscapeDataString(refName)}/{escapedPath}"));
        w.WriteString("type", "file");
        w.WriteStartObject("_links");
        w.WriteString("self", contentUrl);
        w.WriteString("git", gitUrl);
        w.WriteString("html", htmlUrl);
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("commit");
        w.WriteString("sha", commit);
        w.WriteString("node_id", NodeId("Commit", $"{repository.Id.ToString(CultureInfo.InvariantCulture)}:{commit}"));
        w.WriteString("url", site.Api($"repos/{path}/git/commits/{commit}"));
        w.WriteString("html_url", site.Web($"{path}/commit/{commit}"));
        foreach (var role in (string[])["author", "committer"])
        {
            w.WriteStartObject(role);
            w.WriteString("name", author.Login);
            w.WriteString("email", email);
            w.WriteString("date", now);
            w.WriteEndObject();
        }

        w.WriteStartObject("tree");
        w.WriteString("sha", tree);
        w.WriteString("url", site.Api($"repos/{path}/git/trees/{tree}"));
        w.WriteEndObject();
        w.WriteString("message", message ?? "");
        w.WriteStartArray("parents");
        w.WriteStartObject();
        w.WriteString("url", site.Api($"repos/{path}/git/commits/{parent}"));
        w.WriteString("html_url", site.Web($"{path}/commit/{parent}"));
        w.WriteString("sha", parent);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartObject("verification");
        w.WriteBoolean("verified", false);
        w.WriteString("reason", "unsigned");
        w.WriteNull("signature");
        w.WriteNull("payload");
        w.WriteNull("verified_at");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Writes the <c>status</c> of a created commit status (<c>POST …/statuses/{sha}</c>); nothing is stored.</summary>
    public static void Status(Utf8JsonWriter w, GitHubFakeSite site, FakeGitHubRepository repository, GitHubFakeAccount creator, long id, string sha, string state, string? description, string? targetUrl, string? context)
    {
        var now = site.Before(0);
        w.WriteStartObject();
        w.WriteString("url", site.Api($"repos/{Uri.EscapeDataString(repository.Owner)}/{Uri.EscapeDataString(repository.Name)}/statuses/{Uri.EscapeDataString(sha)}"));
        w.WriteString("avatar_url", site.Avatar(creator.Id));
        w.WriteNumber("id", id);
        w.WriteString("node_id", NodeId("Status", id.ToString(CultureInfo.InvariantCulture)));
        w.WriteString("state", state);
        WriteStringOrNull(w, "description", description);
        WriteStringOrNull(w, "target_url", targetUrl);
        w.WriteString("context", string.IsNullOrEmpty(context) ? "default" : context);
        w.WriteString("created_at", now);
        w.WriteString("updated_at", now);
        SimpleUser(w, site, creator, "creator");
        w.WriteEndObject();
    }

    /// <summary>
    /// Writes the <c>pull-request</c> of a created pull request (<c>POST …/pulls</c>), open and unmerged, from the
    /// <paramref name="pull"/>'s head (<c>branch</c>, or <c>owner:branch</c> for a fork found by
    /// <paramref name="forkOf"/>) into its base; nothing is stored.
    /// </summary>
    public static void PullRequest(
        Utf8JsonWriter w,
        GitHubFakeSite site,
        FakeGitHubRepository repository,
        GitHubFakeAccount repositoryOwner,
        GitHubFakeAccount author,
        PullRequestFields pull,
        Func<string, (FakeGitHubRepository Repository, GitHubFakeAccount Owner)> forkOf)
    {
        var path = $"{Uri.EscapeDataString(repository.Owner)}/{Uri.EscapeDataString(repository.Name)}";
        var number = pull.Number.ToString(CultureInfo.InvariantCulture);
        var url = site.Api($"repos/{path}/pulls/{number}");
        var html = site.Web($"{path}/pull/{number}");
        var issue = site.Api($"repos/{path}/issues/{number}");
        var headSha = RandomNumberGenerator.GetHexString(40, lowercase: true);
        var statuses = site.Api($"repos/{path}/statuses/{headSha}");
        var now = site.Before(0);

        w.WriteStartObject();
        w.WriteString("url", url);
        w.WriteNumber("id", pull.Id);
        w.WriteString("node_id", NodeId("PullRequest", pull.Id.ToString(CultureInfo.InvariantCulture)));
        w.WriteString("html_url", html);
        w.WriteString("diff_url", html + ".diff");
        w.WriteString("patch_url", html + ".patch");
        w.WriteString("issue_url", issue);
        w.WriteNumber("number", pull.Number);
        w.WriteString("state", "open");
        w.WriteBoolean("locked", false);
        w.WriteString("title", pull.Title ?? "");
        SimpleUser(w, site, author, "user");
        WriteStringOrNull(w, "body", pull.Body);
        w.WriteString("created_at", now);
        w.WriteString("updated_at", now);
        w.WriteNull("closed_at");
        w.WriteNull("merged_at");
        w.WriteNull("merge_commit_sha");
        w.WriteNull("assignee");
        w.WriteStartArray("assignees");
        w.WriteEndArray();
        w.WriteStartArray("requested_reviewers");
        w.WriteEndArray();
        w.WriteStartArray("requested_teams");
        w.WriteEndArray();
        w.WriteStartArray("labels");
        w.WriteEndArray();
        w.WriteNull("milestone");
        w.WriteBoolean("draft", pull.Draft);
        w.WriteString("commits_url", url + "/commits");
        w.WriteString("review_comments_url", url + "/comments");
        w.WriteString("review_comment_url", site.Api($"repos/{path}/pulls/comments{{/number}}"));
        w.WriteString("comments_url", issue + "/comments");
        w.WriteString("statuses_url", statuses);

        // head is "branch" or "owner:branch" (a fork's branch): its repository is the fork when the server has one.
        var (headOwner, headRef) = pull.Head.IndexOf(':', StringComparison.Ordinal) is var colon and > 0
            ? (pull.Head[..colon], pull.Head[(colon + 1)..])
            : (repository.Owner, pull.Head);
        var (headRepository, headAccount) = string.Equals(headOwner, repository.Owner, StringComparison.OrdinalIgnoreCase)
            ? (repository, repositoryOwner)
            : forkOf(headOwner);
        Branch(w, site, "head", headRepository, headAccount, headOwner, headRef, headSha);
        Branch(w, site, "base", repository, repositoryOwner, repository.Owner, pull.Base, RandomNumberGenerator.GetHexString(40, lowercase: true));

        w.WriteStartObject("_links");
        Link(w, "self", url);
        Link(w, "html", html);
        Link(w, "issue", issue);
        Link(w, "comments", issue + "/comments");
        Link(w, "review_comments", url + "/comments");
        Link(w, "review_comment", site.Api($"repos/{path}/pulls/comments{{/number}}"));
        Link(w, "commits", url + "/commits");
        Link(w, "statuses", statuses);
        w.WriteEndObject();

        w.WriteString("author_association", string.Equals(author.Login, repository.Owner, StringComparison.OrdinalIgnoreCase)
            ? "OWNER"
            : string.Equals(repositoryOwner.Type, "Organization", StringComparison.Ordinal) ? "MEMBER" : "COLLABORATOR");
        w.WriteNull("auto_merge");
        w.WriteNull("active_lock_reason");
        w.WriteBoolean("merged", false);
        w.WriteNull("mergeable");
        w.WriteNull("rebaseable");
        w.WriteString("mergeable_state", "unknown");
        w.WriteNull("merged_by");
        w.WriteNumber("comments", 0);
        w.WriteNumber("review_comments", 0);
        w.WriteBoolean("maintainer_can_modify", false);
        w.WriteNumber("commits", 1);
        w.WriteNumber("additions", 0);
        w.WriteNumber("deletions", 0);
        w.WriteNumber("changed_files", 0);
        w.WriteEndObject();
    }

    /// <summary>A stable pseudo-random number in <c>[0, span)</c> from a seed (ids), so derived values vary between accounts but never between calls.</summary>
    public static long Spread(long seed, long span)
    {
        var x = (ulong)seed * 0x9E3779B97F4A7C15UL;
        x ^= x >> 29;
        return (long)(x % (ulong)span);
    }

    /// <summary>A stable id for an account the fake only knows by login (an organization that owns repositories).</summary>
    public static long StableId(string login)
    {
        var hash = 2166136261u;
        foreach (var c in login.ToUpperInvariant())
        {
            hash = (hash ^ c) * 16777619u;
        }

        return 10_000_000 + (hash % 90_000_000);
    }

    /// <summary>GitHub's legacy global node id: base64 of <c>0{length of type}:{type}{id}</c>, e.g. <c>MDQ6VXNlcjE=</c> for user 1.</summary>
    private static string NodeId(string type, string id)
        => Convert.ToBase64String(Encoding.UTF8.GetBytes($"0{type.Length.ToString(CultureInfo.InvariantCulture)}:{type}{id}"));

    /// <summary>A repository's size in kilobytes: 0 when empty, else stable per id.</summary>
    private static long Size(FakeGitHubRepository repository) => repository.Empty ? 0 : 100 + Spread(repository.Id, 20_000);

    private static string NoReplyEmail(GitHubFakeSite site, GitHubFakeAccount account)
        => site.Enterprise
            ? $"{account.Id.ToString(CultureInfo.InvariantCulture)}+{account.Login}@users.noreply.{site.WebUrl.Host}"
            : $"{account.Id.ToString(CultureInfo.InvariantCulture)}+{account.Login}@users.noreply.github.com";

    private static void Branch(
        Utf8JsonWriter w,
        GitHubFakeSite site,
        string name,
        FakeGitHubRepository repository,
        GitHubFakeAccount repositoryOwner,
        string labelOwner,
        string refName,
        string sha)
    {
        w.WriteStartObject(name);
        w.WriteString("label", $"{labelOwner}:{refName}");
        w.WriteString("ref", refName);
        w.WriteString("sha", sha);
        SimpleUser(w, site, repositoryOwner, "user");
        w.WritePropertyName("repo");
        Repository(w, site, repository, repositoryOwner, full: false);
        w.WriteEndObject();
    }

    private static void Link(Utf8JsonWriter w, string name, string href)
    {
        w.WriteStartObject(name);
        w.WriteString("href", href);
        w.WriteEndObject();
    }

    private static void WriteStringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static byte[] Decode(string? content)
    {
        if (string.IsNullOrEmpty(content))
        {
            return [];
        }

        try
        {
            return Convert.FromBase64String(content);
        }
        catch (FormatException)
        {
            return Encoding.UTF8.GetBytes(content);
        }
    }

    private static string GitBlobSha(byte[] content)
    {
        var header = Encoding.ASCII.GetBytes($"blob {content.Length.ToString(CultureInfo.InvariantCulture)}\0");
#pragma warning disable CA5350 // git names blobs by SHA-1; this is an identifier, not security.
        return Convert.ToHexStringLower(SHA1.HashData([.. header, .. content]));
#pragma warning restore CA5350
    }
}

/// <summary>What a created pull request's body said, and the numbers the fake gives it.</summary>
internal sealed record PullRequestFields(long Id, int Number, string Head, string Base, string? Title, string? Body, bool Draft);
