// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Catalogue.Internal;

/// <summary>Small helpers that keep the built-in editions readable as tables.</summary>
internal sealed class EditionBuilder(string edition, RequirementSource source)
{
    private readonly List<ScopeRequirement> _requirements = [];

    public IReadOnlyList<ScopeRequirement> Requirements => _requirements;

    public static ScopeClause Clause(string label, string purpose, params string[] anyOf) => new(label, anyOf, purpose);

    public EditionBuilder Add(GitProvider provider, TokenKind kind, TokenFamily family, string? notes, params ScopeClause[] clauses)
    {
        _requirements.Add(new ScopeRequirement(new ScopeRequirementKey(provider, kind, family), clauses, edition, source, notes));
        return this;
    }

    /// <summary>
    /// Adds the four Bitbucket labels the source document gives for both token kinds, mapped onto each Bitbucket
    /// vocabulary (PROVIDERS.md §3.3 and §4.1). Both editions and both kinds share this mapping.
    /// </summary>
    public EditionBuilder AddBitbucket(TokenKind kind)
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

        Add(GitProvider.BitbucketCloud, kind, TokenFamily.AppPassword,
            "Classic Bitbucket Cloud scopes (app passwords, OAuth consumers, access tokens). \"Repositories: Write, Admin\" needs both "
            + "repository:write and repository:admin, because repository:admin does not imply repository:write. Repository, "
            + "project and workspace access tokens have no user behind them, so they cannot hold account or team.",
            Clause(Labels.AccountRead, account, "account"),
            Clause(Labels.WorkspaceRead, workspace, "team"),
            Clause(Labels.WebhooksReadWrite, webhooks, "webhook"),
            Clause(Labels.RepositoriesWriteAdmin, write, "repository:write"),
            Clause(Labels.RepositoriesWriteAdmin, admin, "repository:admin"));

        Add(GitProvider.BitbucketCloud, kind, TokenFamily.ApiToken,
            "Atlassian API-token scopes imply nothing: write does not include read and admin includes neither, so each "
            + "level is listed on its own (PROVIDERS.md §3.3).",
            Clause(Labels.AccountRead, account, "read:user:bitbucket"),
            Clause(Labels.WorkspaceRead, workspace, "read:workspace:bitbucket"),
            Clause(Labels.WebhooksReadWrite, webhooks, "read:webhook:bitbucket"),
            Clause(Labels.WebhooksReadWrite, webhooks, "write:webhook:bitbucket"),
            Clause(Labels.RepositoriesWriteAdmin, write, "read:repository:bitbucket"),
            Clause(Labels.RepositoriesWriteAdmin, write, "write:repository:bitbucket"),
            Clause(Labels.RepositoriesWriteAdmin, admin, "admin:repository:bitbucket"));

        return Add(GitProvider.BitbucketServer, kind, TokenFamily.HttpAccessToken,
            "Bitbucket Server HTTP access tokens hold one project and one repository permission. The document's labels map as: "
            + "Account: Read → REPO_READ (a token has no account permission; every valid token reads its owner's identity); "
            + "Workspace membership: Read → PROJECT_READ (Bitbucket Server has projects, not workspaces); "
            + "Webhooks: Read and write → REPO_ADMIN (repository webhooks need repository admin); "
            + "Repositories: Write, Admin → REPO_WRITE and REPO_ADMIN.",
            Clause(Labels.AccountRead, account, "REPO_READ"),
            Clause(Labels.WorkspaceRead, workspace, "PROJECT_READ"),
            Clause(Labels.WebhooksReadWrite, webhooks, "REPO_ADMIN"),
            Clause(Labels.RepositoriesWriteAdmin, write, "REPO_WRITE"),
            Clause(Labels.RepositoriesWriteAdmin, admin, "REPO_ADMIN"));
    }

    /// <summary>The labels the source document writes, kept verbatim.</summary>
    internal static class Labels
    {
        public const string RepositoryAccess = "Repository access: All repositories or Only select repositories";
        public const string AdministrationReadWrite = "Administration: Read and write";
        public const string ContentsReadWrite = "Contents: Read and write";
        public const string MetadataRead = "Metadata: Read-only";
        public const string AccountRead = "Account: Read";
        public const string WorkspaceRead = "Workspace membership: Read";
        public const string WebhooksReadWrite = "Webhooks: Read and write";
        public const string RepositoriesWriteAdmin = "Repositories: Write, Admin";
    }

    /// <summary>Why each need exists, from the source document's usage table.</summary>
    internal static class Purposes
    {
        public const string RuntimeRepo = "Create the Git repository and install the Runtime; Argo CD clones the Git repositories, pulls changes and syncs them to the cluster; cap-app-proxy clones the Shared Configuration Repository";
        public const string ArgoEventsWebhooks = "Argo Events creates webhooks in the Git repositories";
        public const string RuntimeRepositoryAccess = "Reach every repository the Runtime uses: the Shared Configuration Repository and every repository Argo CD syncs";
        public const string CreateRepository = "Create the Git repository while installing the Runtime";
        public const string RuntimeContents = "Argo CD clones the Git repositories, pulls changes and syncs; the installer commits the Runtime's manifests";
        public const string Metadata = "Read repository metadata (GitHub adds it to every token with a repository permission)";
        public const string UserRepo = "Authorize the user's Git actions from the Codefresh UI and CLI: read and write the Runtime's repositories";
        public const string UserRepositoryAccess = "Reach every repository the user works with through the Runtime, including the Shared Configuration Repository";
        public const string UserContents = "Read and commit to the Runtime's repositories on the user's behalf";
        public const string RuntimeClone = "Argo CD clones the Git repositories and pulls changes; cap-app-proxy clones the Shared Configuration Repository";
        public const string RuntimeReadApi = "Read projects and repository metadata through the GitLab API";
        public const string UserWriteRepository = "Pull from and push to the Runtime's repositories over Git on the user's behalf";
        public const string UserReadApi = "Read projects through the GitLab API on the user's behalf";
    }
}
