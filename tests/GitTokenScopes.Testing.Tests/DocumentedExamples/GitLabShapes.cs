// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing.Tests.DocumentedExamples;

/// <summary>
/// The documented exceptions for the fake GitLab's answers, each with its reason. An entry not backed by the stored docs
/// says so ("not in the stored docs"): it records a known gap, not a confirmed fact.
/// </summary>
internal static class GitLabShapes
{
    public static readonly ShapeRules User = new()
    {
        MayBeNull =
        {
            // The example shows a user who set pronouns; the fake's users set none, which GitLab answers as null.
            ["/pronouns"] = "null when the user set no pronouns (not in the stored docs; the example's user set some)",
        },
    };

    public static readonly ShapeRules Self = new()
    {
        ExtraAllowed =
        {
            // /self answers Entities::PersonalAccessTokenWithLastUsedIps since GitLab 17.11 (gitlab-org/gitlab#535394,
            // merge request !187671, both quoting /self answers with last_used_ips); the docs' example predates the field.
            ["/*/last_used_ips"] = "gitlab-org/gitlab#535394 and !187671 show /self answering it; not in the docs' example",
            // Fine-grained tokens (GitLab 18.10: granular; 19.5: granular_scopes), as the library and PROVIDERS.md read them.
            ["/*/granular"] = "GitLab 18.10 and later (not in the stored docs)",
            ["/*/granular_scopes"] = "GitLab 19.5 and later, fine-grained tokens only (not in the stored docs)",
        },
    };

    public static readonly ShapeRules Project = new()
    {
        MayBeAbsent =
        {
            ["/owner"] = "GitLab shows the owner of projects in a personal namespace only (the fake's group projects have none; not stated in the stored docs)",
            ["/license"] = "only with ?license=true (docs: the `license` attribute of Get a single project)",
            ["/statistics"] = "only with ?statistics=true (docs: the `statistics` attribute of Get a single project)",
            ["/spp_repository_pipeline_access"] = "docs: \"Only visible if the security_orchestration_policies feature is available\"",
            ["/runners_token"] = "shown to maintainers and owners only (not stated in the stored docs)",
        },
        MayBeNull = ProjectNulls("", includeNamespaceAvatar: true),
        ExtraAllowed =
        {
            ["/namespace/parent_id"] = "docs: the forked_from_project example of Get a single project lists namespace.parent_id",
            ["/package_registry_access_level"] = "docs: the List all projects example lists it",
            ["/repository_access_level"] = "docs: a project feature visibility attribute of Create a project",
            ["/empty_repo"] = "GitLab's project entity exposes it (not in the stored docs)",
        },
    };

    public static readonly ShapeRules List = new()
    {
        MayBeAbsent =
        {
            ["/*/owner"] = "GitLab shows the owner of projects in a personal namespace only (not stated in the stored docs)",
            ["/*/statistics"] = "only with ?statistics=true (docs: the `statistics` attribute of List all projects)",
            ["/*/runners_token"] = "shown to maintainers and owners only (not stated in the stored docs)",
        },
        MayBeNull = ProjectNulls("/*", includeNamespaceAvatar: false),
        ExtraAllowed =
        {
            ["/*/namespace/parent_id"] = "docs: the forked_from_project example of Get a single project lists namespace.parent_id",
            ["/*/namespace/avatar_url"] = "docs: the Get a single project example lists namespace.avatar_url",
            ["/*/namespace/web_url"] = "docs: the Get a single project example lists namespace.web_url",
            ["/*/repository_access_level"] = "docs: a project feature visibility attribute of Create a project",
            ["/*/empty_repo"] = "GitLab's project entity exposes it (not in the stored docs)",
        },
    };

    private static Dictionary<string, string> ProjectNulls(string prefix, bool includeNamespaceAvatar)
    {
        var nulls = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [prefix + "/avatar_url"] = "docs: the List all projects example shows avatar_url: null for a project without one",
            [prefix + "/permissions/project_access"] = "null when the user is no member of the project (not in the stored docs; the library relies on it)",
            [prefix + "/permissions/group_access"] = "null when the user is no member of the group (not in the stored docs; the library relies on it)",
            [prefix + "/mirror_user_id"] = "null when the project is no pull mirror (not in the stored docs)",
            [prefix + "/issue_branch_template"] = "null while no template is set, GitLab's default (not in the stored docs)",
            [prefix + "/marked_for_deletion_at"] = "null unless the project is pending deletion (not in the stored docs)",
            [prefix + "/marked_for_deletion_on"] = "null unless the project is pending deletion (not in the stored docs)",
        };
        if (includeNamespaceAvatar)
        {
            nulls["/namespace/avatar_url"] = "null for a namespace without an avatar (as avatar_url: null for a project, List all projects example)";
        }

        return nulls;
    }
}
