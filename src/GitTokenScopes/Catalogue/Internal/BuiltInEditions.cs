// Licensed under the MIT License. See LICENSE in the repository root.

using static GitTokenScopes.Catalogue.Internal.EditionBuilder;

namespace GitTokenScopes.Catalogue.Internal;

/// <summary>
/// The two built-in editions: the seed document's tables, row for row, and the vendor's current documentation where
/// it drifted from the seed (PROVIDERS.md §0.6).
/// </summary>
internal static class BuiltInEditions
{
    private const string GitHubRepoHookNote =
        "GitHub's repo scope already grants full access to repository webhooks; the source still lists admin:repo_hook, "
        + "and so does this requirement (Codefresh's own CLI checks both by exact name).";

    private const string ApiReadTypoNote =
        "The source lists \"api_read\", which is not a GitLab scope: it is a typo for read_api (GitLab's READ_API_SCOPE), "
        + "which this requirement uses. The label keeps the source's words.";

    private const string FineGrainedNote =
        "Fine-grained permissions are written name=level. \"Repository access\" has no permission name at GitHub; its two "
        + "choices are written repository_selection=all and repository_selection=selected.";

    private const string GitLabFineGrainedNote =
        "GitLab fine-grained tokens hold permissions, not the source's scopes; each row maps a source scope to the permissions "
        + "that grant the same. Confirmed: Git clone and pull need download_code, push needs push_code (docs.gitlab.com, Fine-grained "
        + "permissions for Git), and push_code does not include download_code; GET /projects/:id needs read_project and POST "
        + "/projects create_project (gitlab-org/gitlab MR 212373). Not confirmed: read_code and create_webhook, so their clauses "
        + "are unknown unless the token lists them. Each permission must also reach the named projects (its access boundary).";

    public static ScopeEdition Seed { get; } = CreateSeed();

    public static ScopeEdition CodefreshDocs { get; } = CreateCodefreshDocs();

    // Facts of the two immutable editions, worked out once: what the other one asks differently for each key.
    private static readonly Dictionary<(ScopeEdition, ScopeRequirementKey), string> Drifts = DriftsOf(Seed, CodefreshDocs);

    /// <summary>How the other built-in edition differs for the requirement's key, or <see langword="null"/> when it does not (or the requirement is not from a built-in edition).</summary>
    public static string? DriftOf(ScopeRequirement requirement)
        => ScopeEditions.TryGet(requirement.Edition, out var edition) ? Drifts.GetValueOrDefault((edition, requirement.Key)) : null;

    private static Dictionary<(ScopeEdition, ScopeRequirementKey), string> DriftsOf(ScopeEdition one, ScopeEdition other)
        => ScopeRequirementKey.All
            .SelectMany(key => new[] { (Chosen: one, Theirs: other), (Chosen: other, Theirs: one) }.Select(p => (p.Chosen, Key: key, Drift: Drift(p.Chosen, p.Theirs, key))))
            .Where(d => d.Drift is not null)
            .ToDictionary(d => (d.Chosen, d.Key), d => d.Drift!);

    private static string? Drift(ScopeEdition chosen, ScopeEdition other, ScopeRequirementKey key)
    {
        static string Describe(ScopeClause c) => string.Join(" or ", c.AnyOf);
        var mine = chosen[key].Clauses;
        var theirs = other[key].Clauses;
        var more = theirs.Where(t => !mine.Any(m => m.AnyOf.SequenceEqual(t.AnyOf, StringComparer.Ordinal))).Select(Describe).ToArray();
        var fewer = mine.Where(m => !theirs.Any(t => t.AnyOf.SequenceEqual(m.AnyOf, StringComparer.Ordinal))).Select(Describe).ToArray();
        var parts = new[] { more.Length > 0 ? $"also requires {string.Join("; ", more)}" : null, fewer.Length > 0 ? $"does not require {string.Join("; ", fewer)}" : null }
            .OfType<string>().ToArray();
        return parts.Length == 0 ? null : $"The '{other.Name}' catalogue edition differs from '{chosen.Name}' for {key}: it {string.Join(", and ", parts)}.";
    }

    private static ScopeEdition CreateSeed()
    {
        var source = new RequirementSource(
            "Codefresh documentation: Git tokens for GitOps (the project's seed copy)",
            date: null,
            url: new Uri("https://codefresh.io/docs/gitops/security/git-tokens"),
            note: "Undated copy. It predates February 2025: it lacks the Commit statuses and Pull requests permissions Codefresh "
                + "added then, and calls fine-grained tokens \"currently not officially supported\".");
        var b = new EditionBuilder(ScopeEditions.SeedName, source);

        AddGitHubRuntime(b, vendorDocs: false);
        b.Add(GitProvider.GitLab, TokenKind.Runtime, TokenFamily.PersonalAccessToken, null,
            Clause("read_api", Purposes.RuntimeReadApi, "read_api"),
            Clause("read_repository", Purposes.RuntimeClone, "read_repository"));
        b.Add(GitProvider.GitLab, TokenKind.Runtime, TokenFamily.FineGrained, GitLabFineGrainedNote + " read_api → read_project, and read_code for repository metadata (unconfirmed); read_repository → download_code.",
            Clause("read_api", "Read projects through the GitLab API", "read_project"),
            Clause("read_api", "Read repository metadata (branches, files) through the GitLab API", "read_code"),
            Clause("read_repository", Purposes.RuntimeClone, "download_code"));
        b.AddBitbucket(TokenKind.Runtime);

        AddUserRequirements(b);
        return new ScopeEdition(
            ScopeEditions.SeedName,
            "The requirement tables of the seed document (Codefresh's \"Git tokens for GitOps\"), row for row. The default.",
            b.Requirements);
    }

    private static ScopeEdition CreateCodefreshDocs()
    {
        var source = new RequirementSource(
            "Codefresh documentation: Git tokens for GitOps (docs.codefresh.io, _docs/security/git-tokens.md at 0d0a610)",
            date: new DateOnly(2026, 5, 11),
            url: new Uri("https://codefresh.io/docs/gitops/security/git-tokens"),
            note: "Differs from the seed in two places: the GitLab Runtime token needs api, and the fine-grained GitHub Runtime "
                + "token also needs Commit statuses and Pull requests (read and write), added in February 2025.");
        var b = new EditionBuilder(ScopeEditions.CodefreshDocsName, source);

        AddGitHubRuntime(b, vendorDocs: true);
        b.Add(GitProvider.GitLab, TokenKind.Runtime, TokenFamily.PersonalAccessToken,
            "A personal or group access token. GitLab's api scope includes read_api, read_repository and write_repository.",
            Clause("api", "Create the Runtime's project and webhooks through the GitLab API; Argo CD clones, pulls and syncs", "api"));
        b.Add(GitProvider.GitLab, TokenKind.Runtime, TokenFamily.FineGrained, GitLabFineGrainedNote + " api → create_project, read_project, create_webhook (unconfirmed), download_code and push_code.",
            Clause("api", Purposes.CreateRepository, "create_project"),
            Clause("api", "Read projects through the GitLab API", "read_project"),
            Clause("api", Purposes.ArgoEventsWebhooks, "create_webhook"),
            Clause("api", Purposes.RuntimeClone, "download_code"),
            Clause("api", "The installer pushes the Runtime's manifests over Git", "push_code"));
        b.AddBitbucket(TokenKind.Runtime);

        AddUserRequirements(b);
        return new ScopeEdition(
            ScopeEditions.CodefreshDocsName,
            "Codefresh's current documentation (2026-05-11), where it drifted from the seed: GitLab Runtime api; fine-grained Runtime adds Commit statuses and Pull requests.",
            b.Requirements);
    }

    /// <summary>
    /// The GitHub Runtime rows. The vendor's current documentation adds Commit statuses and Pull requests to the
    /// fine-grained token and spells the webhook label in the plural; the seed writes "Webhook".
    /// </summary>
    private static void AddGitHubRuntime(EditionBuilder b, bool vendorDocs)
    {
        b.Add(GitProvider.GitHub, TokenKind.Runtime, TokenFamily.Classic, GitHubRepoHookNote,
            Clause("repo", Purposes.RuntimeRepo, "repo"),
            Clause("admin:repo_hook", Purposes.ArgoEventsWebhooks, "admin:repo_hook"));

        var clauses = new List<ScopeClause>
        {
            Clause(Labels.RepositoryAccess, Purposes.RuntimeRepositoryAccess, "repository_selection=all", "repository_selection=selected"),
            Clause(Labels.AdministrationReadWrite, Purposes.CreateRepository, "administration=write"),
        };
        if (vendorDocs)
        {
            clauses.Add(Clause("Commit statuses: Read and write", "Report sync and deployment status on commits", "statuses=write"));
        }

        clauses.Add(Clause(Labels.ContentsReadWrite, Purposes.RuntimeContents, "contents=write"));
        clauses.Add(Clause(Labels.MetadataRead, Purposes.Metadata, "metadata=read"));
        if (vendorDocs)
        {
            clauses.Add(Clause("Pull requests: Read and write", "Open and update pull requests (for example for promotions)", "pull_requests=write"));
        }

        clauses.Add(Clause(vendorDocs ? "Webhooks: Read and write" : "Webhook: Read and write", Purposes.ArgoEventsWebhooks, "repository_hooks=write"));
        b.Add(GitProvider.GitHub, TokenKind.Runtime, TokenFamily.FineGrained, FineGrainedNote, [.. clauses]);
    }

    /// <summary>The User-token rows, which are the same in both editions.</summary>
    private static void AddUserRequirements(EditionBuilder b)
    {
        b.Add(GitProvider.GitHub, TokenKind.User, TokenFamily.Classic, null,
            Clause("repo", Purposes.UserRepo, "repo"));
        b.Add(GitProvider.GitHub, TokenKind.User, TokenFamily.FineGrained, FineGrainedNote,
            Clause(Labels.RepositoryAccess, Purposes.UserRepositoryAccess, "repository_selection=all", "repository_selection=selected"),
            Clause(Labels.ContentsReadWrite, Purposes.UserContents, "contents=write"),
            Clause(Labels.MetadataRead, Purposes.Metadata, "metadata=read"));
        b.Add(GitProvider.GitLab, TokenKind.User, TokenFamily.PersonalAccessToken, ApiReadTypoNote,
            Clause("write_repository (includes read_repository)", Purposes.UserWriteRepository, "write_repository"),
            Clause("api_read", Purposes.UserReadApi, "read_api"));
        b.Add(GitProvider.GitLab, TokenKind.User, TokenFamily.FineGrained, GitLabFineGrainedNote + " write_repository → download_code and push_code; api_read (read_api) → read_project.",
            Clause("write_repository (includes read_repository)", "Pull from the Runtime's repositories over Git on the user's behalf", "download_code"),
            Clause("write_repository (includes read_repository)", "Push to the Runtime's repositories over Git on the user's behalf", "push_code"),
            Clause("api_read", Purposes.UserReadApi, "read_project"));
        b.AddBitbucket(TokenKind.User);
    }
}
