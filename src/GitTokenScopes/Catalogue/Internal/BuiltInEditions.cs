// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Catalogue.Internal;

/// <summary>
/// The two built-in editions: the seed document's tables, row for row, and the vendor's current documentation where
/// it drifted from the seed (PROVIDERS.md §0.6). They differ in three Runtime rows and share the rest.
/// </summary>
internal static class BuiltInEditions
{
    private const string FineGrainedNote =
        "Fine-grained permissions are written name=level. \"Repository access\" has no permission name at GitHub; its two "
        + "choices are written repository_selection=all and repository_selection=selected.";

    private const string GitLabFineGrainedNote =
        "GitLab fine-grained tokens hold permissions, not the source's scopes; each row maps a source scope to the permissions "
        + "that grant the same. Confirmed: Git clone and pull need download_code, push needs push_code (docs.gitlab.com, Fine-grained "
        + "permissions for Git), and push_code does not include download_code; GET /projects/:id needs read_project and POST "
        + "/projects create_project (gitlab-org/gitlab MR 212373). Not confirmed: read_code and create_webhook, so their clauses "
        + "are unknown unless the token lists them. Each permission must also reach the named projects (its access boundary).";

    private const string CodefreshDocsUrl = "https://codefresh.io/docs/gitops/security/git-tokens";

    public static ScopeEdition Seed { get; } = Edition(
        ScopeEditions.SeedName,
        "The requirement tables of the seed document (Codefresh's \"Git tokens for GitOps\"), row for row. The default.",
        new RequirementSource(
            "Codefresh documentation: Git tokens for GitOps (the project's seed copy)",
            date: null,
            url: new Uri(CodefreshDocsUrl),
            note: "Undated copy. It predates February 2025: it lacks the Commit statuses and Pull requests permissions Codefresh "
                + "added then, and calls fine-grained tokens \"currently not officially supported\"."),
        [
            new(GitProvider.GitHub, TokenKind.Runtime, TokenFamily.FineGrained, FineGrainedNote,
                Clause(Labels.RepositoryAccess, Purposes.RuntimeRepositoryAccess, "repository_selection=all", "repository_selection=selected"),
                Clause(Labels.AdministrationReadWrite, Purposes.CreateRepository, "administration=write"),
                Clause(Labels.ContentsReadWrite, Purposes.RuntimeContents, "contents=write"),
                Clause(Labels.MetadataRead, Purposes.Metadata, "metadata=read"),
                Clause("Webhook: Read and write", Purposes.ArgoEventsWebhooks, "repository_hooks=write")),
            new(GitProvider.GitLab, TokenKind.Runtime, TokenFamily.PersonalAccessToken, null,
                Clause("read_api", "Read projects and repository metadata through the GitLab API", "read_api"),
                Clause("read_repository", Purposes.RuntimeClone, "read_repository")),
            new(GitProvider.GitLab, TokenKind.Runtime, TokenFamily.FineGrained, GitLabFineGrainedNote + " read_api → read_project, and read_code for repository metadata (unconfirmed); read_repository → download_code.",
                Clause("read_api", Purposes.ReadProjects, "read_project"),
                Clause("read_api", "Read repository metadata (branches, files) through the GitLab API", "read_code"),
                Clause("read_repository", Purposes.RuntimeClone, "download_code")),
        ]);

    public static ScopeEdition CodefreshDocs { get; } = Edition(
        ScopeEditions.CodefreshDocsName,
        "Codefresh's current documentation (2026-05-11), where it drifted from the seed: GitLab Runtime api; fine-grained Runtime adds Commit statuses and Pull requests.",
        new RequirementSource(
            "Codefresh documentation: Git tokens for GitOps (docs.codefresh.io, _docs/security/git-tokens.md at 0d0a610)",
            date: new DateOnly(2026, 5, 11),
            url: new Uri(CodefreshDocsUrl),
            note: "Differs from the seed in two places: the GitLab Runtime token needs api, and the fine-grained GitHub Runtime "
                + "token also needs Commit statuses and Pull requests (read and write), added in February 2025."),
        [
            new(GitProvider.GitHub, TokenKind.Runtime, TokenFamily.FineGrained, FineGrainedNote,
                Clause(Labels.RepositoryAccess, Purposes.RuntimeRepositoryAccess, "repository_selection=all", "repository_selection=selected"),
                Clause(Labels.AdministrationReadWrite, Purposes.CreateRepository, "administration=write"),
                Clause("Commit statuses: Read and write", "Report sync and deployment status on commits", "statuses=write"),
                Clause(Labels.ContentsReadWrite, Purposes.RuntimeContents, "contents=write"),
                Clause(Labels.MetadataRead, Purposes.Metadata, "metadata=read"),
                Clause("Pull requests: Read and write", "Open and update pull requests (for example for promotions)", "pull_requests=write"),
                Clause(Labels.WebhooksReadWrite, Purposes.ArgoEventsWebhooks, "repository_hooks=write")),
            new(GitProvider.GitLab, TokenKind.Runtime, TokenFamily.PersonalAccessToken,
                "A personal or group access token. GitLab's api scope includes read_api, read_repository and write_repository.",
                Clause("api", "Create the Runtime's project and webhooks through the GitLab API; Argo CD clones, pulls and syncs", "api")),
            new(GitProvider.GitLab, TokenKind.Runtime, TokenFamily.FineGrained, GitLabFineGrainedNote + " api → create_project, read_project, create_webhook (unconfirmed), download_code and push_code.",
                Clause("api", Purposes.CreateRepository, "create_project"),
                Clause("api", Purposes.ReadProjects, "read_project"),
                Clause("api", Purposes.ArgoEventsWebhooks, "create_webhook"),
                Clause("api", Purposes.RuntimeClone, "download_code"),
                Clause("api", "The installer pushes the Runtime's manifests over Git", "push_code")),
        ]);

    // Worked out once, as the editions are immutable: for each edition and key, how the other edition differs.
    private static readonly Dictionary<(ScopeEdition, ScopeRequirementKey), string?> Drifts = ScopeRequirementKey.All
        .SelectMany(key => new[] { ((Seed, key), Drift(Seed, CodefreshDocs, key)), ((CodefreshDocs, key), Drift(CodefreshDocs, Seed, key)) })
        .ToDictionary();

    /// <summary>How the other built-in edition differs for the requirement's key, or <see langword="null"/> when it does not (or the requirement is not from a built-in edition).</summary>
    public static string? DriftOf(ScopeRequirement requirement)
        => ScopeEditions.TryGet(requirement.Edition, out var edition) ? Drifts.GetValueOrDefault((edition, requirement.Key)) : null;

    private static string? Drift(ScopeEdition chosen, ScopeEdition other, ScopeRequirementKey key)
    {
        var more = Unmatched(other[key].Clauses, chosen[key].Clauses);
        var fewer = Unmatched(chosen[key].Clauses, other[key].Clauses);
        string?[] parts = [more.Length > 0 ? $"also requires {string.Join("; ", more)}" : null, fewer.Length > 0 ? $"does not require {string.Join("; ", fewer)}" : null];
        var differences = string.Join(", and ", parts.OfType<string>());
        return differences.Length == 0 ? null : $"The '{other.Name}' catalogue edition differs from '{chosen.Name}' for {key}: it {differences}.";

        // The clauses of one list whose scopes no clause of the other list has, each described as "a or b".
        static string[] Unmatched(IReadOnlyList<ScopeClause> these, IReadOnlyList<ScopeClause> those)
            => [.. these.Where(c => !those.Any(t => t.AnyOf.SequenceEqual(c.AnyOf, StringComparer.Ordinal))).Select(c => string.Join(" or ", c.AnyOf))];
    }

    private static ScopeEdition Edition(string name, string description, RequirementSource source, Row[] differing)
        => new(name, description, differing.Concat(SharedRows()).Select(r => new ScopeRequirement(new(r.Provider, r.Kind, r.Family), r.Clauses, name, source, r.Notes)));

    /// <summary>The rows both editions share: the classic GitHub Runtime token, every User token, and Bitbucket's.</summary>
    private static Row[] SharedRows() =>
    [
        new(GitProvider.GitHub, TokenKind.Runtime, TokenFamily.Classic,
            "GitHub's repo scope already grants full access to repository webhooks; the source still lists admin:repo_hook, "
            + "and so does this requirement (Codefresh's own CLI checks both by exact name).",
            Clause("repo", "Create the Git repository and install the Runtime; Argo CD clones the Git repositories, pulls changes and syncs them to the cluster; cap-app-proxy clones the Shared Configuration Repository", "repo"),
            Clause("admin:repo_hook", Purposes.ArgoEventsWebhooks, "admin:repo_hook")),
        .. Bitbucket(TokenKind.Runtime),
        new(GitProvider.GitHub, TokenKind.User, TokenFamily.Classic, null,
            Clause("repo", "Authorize the user's Git actions from the Codefresh UI and CLI: read and write the Runtime's repositories", "repo")),
        new(GitProvider.GitHub, TokenKind.User, TokenFamily.FineGrained, FineGrainedNote,
            Clause(Labels.RepositoryAccess, "Reach every repository the user works with through the Runtime, including the Shared Configuration Repository", "repository_selection=all", "repository_selection=selected"),
            Clause(Labels.ContentsReadWrite, "Read and commit to the Runtime's repositories on the user's behalf", "contents=write"),
            Clause(Labels.MetadataRead, Purposes.Metadata, "metadata=read")),
        new(GitProvider.GitLab, TokenKind.User, TokenFamily.PersonalAccessToken,
            "The source lists \"api_read\", which is not a GitLab scope: it is a typo for read_api (GitLab's READ_API_SCOPE), "
            + "which this requirement uses. The label keeps the source's words.",
            Clause(Labels.WriteRepository, "Pull from and push to the Runtime's repositories over Git on the user's behalf", "write_repository"),
            Clause("api_read", Purposes.UserReadApi, "read_api")),
        new(GitProvider.GitLab, TokenKind.User, TokenFamily.FineGrained, GitLabFineGrainedNote + " write_repository → download_code and push_code; api_read (read_api) → read_project.",
            Clause(Labels.WriteRepository, "Pull from the Runtime's repositories over Git on the user's behalf", "download_code"),
            Clause(Labels.WriteRepository, "Push to the Runtime's repositories over Git on the user's behalf", "push_code"),
            Clause("api_read", Purposes.UserReadApi, "read_project")),
        .. Bitbucket(TokenKind.User),
    ];

    /// <summary>
    /// The four Bitbucket labels the source document gives for both token kinds, mapped onto each Bitbucket vocabulary
    /// (PROVIDERS.md §3.3 and §4.1).
    /// </summary>
    private static Row[] Bitbucket(TokenKind kind)
    {
        var onBehalf = kind == TokenKind.User ? " on the user's behalf" : string.Empty;
        var account = $"Read the token's own account{onBehalf}";
        var workspace = "Find the workspaces (projects, on Bitbucket Server) that hold the Runtime's repositories";
        var webhooks = kind == TokenKind.Runtime
            ? Purposes.ArgoEventsWebhooks
            : "Read and manage the Runtime's repository webhooks on the user's behalf";
        var write = kind == TokenKind.Runtime
            ? "Create the Runtime's repository and push to it; Argo CD clones, pulls and syncs"
            : "Read and push to the Runtime's repositories on the user's behalf";
        var admin = $"Administer the Runtime's repositories (webhooks, settings){onBehalf}";

        return
        [
            new(GitProvider.BitbucketCloud, kind, TokenFamily.AppPassword,
                "Classic Bitbucket Cloud scopes (app passwords, OAuth consumers, access tokens). \"Repositories: Write, Admin\" needs both "
                + "repository:write and repository:admin, because repository:admin does not imply repository:write. Repository, "
                + "project and workspace access tokens have no user behind them, so they cannot hold account or team.",
                Clause(Labels.AccountRead, account, "account"),
                Clause(Labels.WorkspaceRead, workspace, "team"),
                Clause(Labels.WebhooksReadWrite, webhooks, "webhook"),
                Clause(Labels.RepositoriesWriteAdmin, write, "repository:write"),
                Clause(Labels.RepositoriesWriteAdmin, admin, "repository:admin")),
            new(GitProvider.BitbucketCloud, kind, TokenFamily.ApiToken,
                "Atlassian API-token scopes imply nothing: write does not include read and admin includes neither, so each "
                + "level is listed on its own (PROVIDERS.md §3.3).",
                Clause(Labels.AccountRead, account, "read:user:bitbucket"),
                Clause(Labels.WorkspaceRead, workspace, "read:workspace:bitbucket"),
                Clause(Labels.WebhooksReadWrite, webhooks, "read:webhook:bitbucket"),
                Clause(Labels.WebhooksReadWrite, webhooks, "write:webhook:bitbucket"),
                Clause(Labels.RepositoriesWriteAdmin, write, "read:repository:bitbucket"),
                Clause(Labels.RepositoriesWriteAdmin, write, "write:repository:bitbucket"),
                Clause(Labels.RepositoriesWriteAdmin, admin, "admin:repository:bitbucket")),
            new(GitProvider.BitbucketServer, kind, TokenFamily.HttpAccessToken,
                "Bitbucket Server HTTP access tokens hold one project and one repository permission. The document's labels map as: "
                + "Account: Read → REPO_READ (a token has no account permission; every valid token reads its owner's identity); "
                + "Workspace membership: Read → PROJECT_READ (Bitbucket Server has projects, not workspaces); "
                + "Webhooks: Read and write → REPO_ADMIN (repository webhooks need repository admin); "
                + "Repositories: Write, Admin → REPO_WRITE and REPO_ADMIN.",
                Clause(Labels.AccountRead, account, "REPO_READ"),
                Clause(Labels.WorkspaceRead, workspace, "PROJECT_READ"),
                Clause(Labels.WebhooksReadWrite, webhooks, "REPO_ADMIN"),
                Clause(Labels.RepositoriesWriteAdmin, write, "REPO_WRITE"),
                Clause(Labels.RepositoriesWriteAdmin, admin, "REPO_ADMIN")),
        ];
    }

    private static ScopeClause Clause(string label, string purpose, params string[] anyOf) => new(label, anyOf, purpose);

    /// <summary>One row of a table: a requirement before it is given its edition and source.</summary>
    private sealed record Row(GitProvider Provider, TokenKind Kind, TokenFamily Family, string? Notes, params ScopeClause[] Clauses);

    /// <summary>The labels the source document writes (kept verbatim) that more than one row uses.</summary>
    private static class Labels
    {
        public const string RepositoryAccess = "Repository access: All repositories or Only select repositories";
        public const string AdministrationReadWrite = "Administration: Read and write";
        public const string ContentsReadWrite = "Contents: Read and write";
        public const string MetadataRead = "Metadata: Read-only";
        public const string WriteRepository = "write_repository (includes read_repository)";
        public const string AccountRead = "Account: Read";
        public const string WorkspaceRead = "Workspace membership: Read";
        public const string WebhooksReadWrite = "Webhooks: Read and write";
        public const string RepositoriesWriteAdmin = "Repositories: Write, Admin";
    }

    /// <summary>Why each need exists, from the source document's usage table, where more than one row says it.</summary>
    private static class Purposes
    {
        public const string ArgoEventsWebhooks = "Argo Events creates webhooks in the Git repositories";
        public const string RuntimeRepositoryAccess = "Reach every repository the Runtime uses: the Shared Configuration Repository and every repository Argo CD syncs";
        public const string CreateRepository = "Create the Git repository while installing the Runtime";
        public const string RuntimeContents = "Argo CD clones the Git repositories, pulls changes and syncs; the installer commits the Runtime's manifests";
        public const string Metadata = "Read repository metadata (GitHub adds it to every token with a repository permission)";
        public const string RuntimeClone = "Argo CD clones the Git repositories and pulls changes; cap-app-proxy clones the Shared Configuration Repository";
        public const string ReadProjects = "Read projects through the GitLab API";
        public const string UserReadApi = "Read projects through the GitLab API on the user's behalf";
    }
}
