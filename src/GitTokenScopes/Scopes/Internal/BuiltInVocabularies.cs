// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.RegularExpressions;

namespace GitTokenScopes.Scopes.Internal;

/// <summary>
/// The provider scope languages and their implication graphs. Every edge is a provider fact from
/// shared/design/PROVIDERS.md (section named on each table) and is pinned by a test.
/// </summary>
internal static partial class BuiltInVocabularies
{
    public static readonly ScopeVocabulary GitHubClassic = new(
        GitProvider.GitHub,
        TokenFamily.Classic,
        "GitHub classic OAuth scopes (classic personal access tokens, OAuth app tokens)",
        GitHubClassicShape(),
        knownScopes:
        [
            // Standalone scopes (no children), PROVIDERS.md §1.3.
            "site_admin", "admin:org_hook", "gist", "notifications", "delete_repo", "delete:packages", "workflow", "read:audit_log",
        ],
        edges:
        [
            // Parent → children, PROVIDERS.md §1.3 (GitHub's scope table, trufflehog, gh CLI).
            Edge("repo", "repo:status", "repo_deployment", "public_repo", "repo:invite", "security_events"),
            Edge("admin:repo_hook", "write:repo_hook", "read:repo_hook"),
            Edge("write:repo_hook", "read:repo_hook"),
            Edge("admin:org", "write:org", "read:org", "manage_runners:org"),
            Edge("write:org", "read:org"),
            Edge("admin:public_key", "write:public_key", "read:public_key"),
            Edge("write:public_key", "read:public_key"),
            Edge("admin:gpg_key", "write:gpg_key", "read:gpg_key"),
            Edge("write:gpg_key", "read:gpg_key"),
            Edge("admin:ssh_signing_key", "write:ssh_signing_key", "read:ssh_signing_key"),
            Edge("write:ssh_signing_key", "read:ssh_signing_key"),
            Edge("user", "read:user", "user:email", "user:follow"),
            Edge("project", "read:project"),
            Edge("write:packages", "read:packages"),
            Edge("write:discussion", "read:discussion"),
            Edge("admin:enterprise", "manage_runners:enterprise", "manage_billing:enterprise", "read:enterprise"),
            Edge("manage_billing:enterprise", "read:enterprise"),
            Edge("codespace", "codespace:secrets"),
            Edge("copilot", "manage_billing:copilot"),
            Edge("audit_log", "read:audit_log"),
        ]);

    public static readonly ScopeVocabulary GitHubFineGrained = new(
        GitProvider.GitHub,
        TokenFamily.FineGrained,
        "GitHub fine-grained permissions (fine-grained personal access tokens, GitHub App tokens), written name=level",
        GitHubFineGrainedShape(),
        knownScopes: FineGrainedKnownScopes(),
        // admin ⇒ write ⇒ read for every permission, PROVIDERS.md §1.7 ("write implies read, admin implies write").
        rule: FineGrainedLevelBelow);

    public static readonly ScopeVocabulary GitLab = new(
        GitProvider.GitLab,
        TokenFamily.PersonalAccessToken,
        "GitLab token scopes (personal, project, group and impersonation access tokens)",
        GitLabShape(),
        knownScopes:
        [
            // lib/gitlab/auth.rb scope constants, PROVIDERS.md §2.2.
            "api", "read_api", "read_user", "create_runner", "manage_runner", "k8s_proxy", "self_rotate",
            "read_repository", "write_repository", "read_registry", "write_registry", "read_virtual_registry",
            "write_virtual_registry", "read_observability", "write_observability", "read_service_ping", "sudo",
            "admin_mode", "ai_features",
        ],
        edges:
        [
            // PROVIDERS.md §2.2: REST guard api ⊇ read_api; Git abilities api ⊇ write_repository ⊇ read_repository,
            // read_api ⊇ read_repository. write_registry does NOT imply read_registry.
            Edge("api", "read_api", "write_repository"),
            Edge("write_repository", "read_repository"),
            Edge("read_api", "read_repository"),
        ]);

    /// <summary>
    /// Fine-grained permissions whose mapping from a seed scope is not confirmed (see the editions' notes): a token
    /// that does not list one leaves its clause unknown, never missing.
    /// </summary>
    public static readonly string[] GitLabFineGrainedUnconfirmed = ["read_code", "create_webhook"];

    // No edges: GitLab documents no implication between permissions (push_code does not include download_code).
    public static readonly ScopeVocabulary GitLabFineGrained = new(
        GitProvider.GitLab,
        TokenFamily.FineGrained,
        "GitLab fine-grained personal access token permissions (<action>_<resource>, GitLab 18.10 and later)",
        GitLabFineGrainedShape(),
        knownScopes:
        [
            // docs.gitlab.com auth/tokens/fine_grained_access_tokens_other (Git: Code Download/Push), gitlab-org/gitlab
            // MR 212373 (GET /projects/:id read_project, POST /projects create_project), the /self and /user guards.
            "download_code", "push_code", "read_project", "create_project", "read_user", "read_personal_access_token",
            .. GitLabFineGrainedUnconfirmed,
        ]);

    public static readonly ScopeVocabulary BitbucketCloudAppPassword = new(
        GitProvider.BitbucketCloud,
        TokenFamily.AppPassword,
        "Bitbucket Cloud classic scopes (app passwords, OAuth consumers, repository/project/workspace access tokens)",
        BitbucketClassicShape(),
        knownScopes:
        [
            // PROVIDERS.md §3.3 (Bitbucket Cloud scopes and app-password permissions).
            "email", "account", "account:write", "team", "team:write", "project", "project:admin", "repository",
            "repository:write", "repository:admin", "repository:delete", "pullrequest", "pullrequest:write", "webhook",
            "pipeline", "pipeline:write", "pipeline:variable", "runner", "runner:write", "issue", "issue:write", "wiki",
            "snippet", "snippet:write",
        ],
        edges:
        [
            // PROVIDERS.md §3.3. repository:admin implies nothing (admin features only).
            Edge("repository:write", "repository"),
            Edge("pullrequest", "repository"),
            Edge("pullrequest:write", "pullrequest", "repository:write"),
            Edge("project", "repository"),
            Edge("pipeline:write", "pipeline"),
            Edge("pipeline:variable", "pipeline:write"),
            Edge("runner:write", "runner"),
            Edge("issue:write", "issue"),
            Edge("snippet:write", "snippet"),

            // Marked unconfirmed in PROVIDERS.md §3.3: Bitbucket's permission form ticks Read with Write, and the
            // incumbent CLI accepts account:write / team:write for the Read groups. project:admin replaced project:write.
            Edge("account:write", "account"),
            Edge("team:write", "team"),
            Edge("project:admin", "project"),
        ]);

    public static readonly ScopeVocabulary BitbucketCloudApiToken = new(
        GitProvider.BitbucketCloud,
        TokenFamily.ApiToken,
        "Bitbucket Cloud API-token scopes (Atlassian API tokens with scopes); none implies another",
        BitbucketApiTokenShape(),
        knownScopes:
        [
            // PROVIDERS.md §3.3. Atlassian: write does not imply read, admin implies neither: no edges.
            "read:repository:bitbucket", "write:repository:bitbucket", "admin:repository:bitbucket",
            "delete:repository:bitbucket", "read:pullrequest:bitbucket", "write:pullrequest:bitbucket",
            "read:project:bitbucket", "admin:project:bitbucket", "read:workspace:bitbucket", "admin:workspace:bitbucket",
            "read:user:bitbucket", "write:user:bitbucket", "read:pipeline:bitbucket", "write:pipeline:bitbucket",
            "admin:pipeline:bitbucket", "read:runner:bitbucket", "write:runner:bitbucket", "read:issue:bitbucket",
            "write:issue:bitbucket", "delete:issue:bitbucket", "read:webhook:bitbucket", "write:webhook:bitbucket",
            "delete:webhook:bitbucket", "read:snippet:bitbucket", "write:snippet:bitbucket", "delete:snippet:bitbucket",
            "read:ssh-key:bitbucket", "write:ssh-key:bitbucket", "delete:ssh-key:bitbucket", "read:gpg-key:bitbucket",
            "write:gpg-key:bitbucket", "delete:gpg-key:bitbucket", "read:permission:bitbucket",
            "write:permission:bitbucket", "delete:permission:bitbucket",
        ]);

    public static readonly ScopeVocabulary BitbucketServer = new(
        GitProvider.BitbucketServer,
        TokenFamily.HttpAccessToken,
        "Bitbucket Server / Data Center HTTP access token permissions (PROJECT_* and REPO_*)",
        BitbucketServerShape(),
        knownScopes: [],
        upperCase: true,
        edges:
        [
            // PROVIDERS.md §4.1: admin ⇒ write ⇒ read, and a project level grants the same level on its repositories.
            Edge("REPO_ADMIN", "REPO_WRITE"),
            Edge("REPO_WRITE", "REPO_READ"),
            Edge("PROJECT_ADMIN", "PROJECT_WRITE", "REPO_ADMIN"),
            Edge("PROJECT_WRITE", "PROJECT_READ", "REPO_WRITE"),
            Edge("PROJECT_READ", "REPO_READ"),
        ]);

    public static readonly IReadOnlyList<ScopeVocabulary> All =
    [
        GitHubClassic, GitHubFineGrained, GitLab, GitLabFineGrained, BitbucketCloudAppPassword, BitbucketCloudApiToken, BitbucketServer,
    ];

    /// <summary>The one-level-lower fine-grained permission (<c>x=admin</c> → <c>x=write</c> → <c>x=read</c>).</summary>
    private static string? FineGrainedLevelBelow(string permission) => permission.Split('=') switch
    {
        [{ Length: > 0 } name, "admin"] => name + "=write",
        [{ Length: > 0 } name, "write"] => name + "=read",
        _ => null,
    };

    // Repository and account permission names as used by X-Accepted-GitHub-Permissions and the fine-grained template
    // URL parameters (PROVIDERS.md §1.4, §1.7), each at read and write. "Repository access: All repositories or Only
    // select repositories" has no permission name at GitHub; the catalogue spells its two choices like the API's
    // repository_selection field.
    private static string[] FineGrainedKnownScopes()
    {
        string[] names =
        [
            "actions", "administration", "attestations", "checks", "code_scanning_alerts", "codespaces", "contents",
            "custom_properties", "dependabot_secrets", "deployments", "discussions", "environments", "issues",
            "merge_queues", "pages", "pull_requests", "repository_advisories", "repository_hooks",
            "repository_projects", "secret_scanning_alerts", "secrets", "security_events", "single_file", "statuses",
            "vulnerability_alerts", "workflows", "members", "organization_administration", "organization_hooks",
            "organization_projects", "organization_secrets", "organization_self_hosted_runners",
        ];
        return [.. names.SelectMany(name => new[] { name + "=read", name + "=write" }), "metadata=read", "repository_selection=all", "repository_selection=selected"];
    }

    private static KeyValuePair<string, string[]> Edge(string parent, params string[] children) => new(parent, children);

    [GeneratedRegex("^[a-z][a-z0-9_]*(:[a-z][a-z0-9_]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex GitHubClassicShape();

    [GeneratedRegex("^(repository_selection=(all|selected)|[a-z][a-z0-9_]*=(read|write|admin))$", RegexOptions.CultureInvariant)]
    private static partial Regex GitHubFineGrainedShape();

    [GeneratedRegex("^[a-z][a-z0-9_]*(:[a-z0-9_.-]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex GitLabShape();

    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex GitLabFineGrainedShape();

    [GeneratedRegex("^[a-z]+(:[a-z]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex BitbucketClassicShape();

    [GeneratedRegex("^[a-z]+:[a-z-]+:bitbucket$", RegexOptions.CultureInvariant)]
    private static partial Regex BitbucketApiTokenShape();

    [GeneratedRegex("^[A-Z]+(_[A-Z]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex BitbucketServerShape();
}
