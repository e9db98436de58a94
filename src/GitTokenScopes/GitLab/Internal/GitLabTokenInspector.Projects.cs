// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Inspection.Internal;using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.GitLab.Internal;

internal sealed partial class GitLabTokenInspector
{
    private const int Reporter = 20;
    private const int Developer = 30;

    /// <summary>
    /// Access to one named project: the token's scopes (<c>read_repository</c> to clone, <c>write_repository</c> to push,
    /// each implied by <c>api</c>) together with the role GitLab shows in <c>GET /projects/:id</c> <c>permissions</c>
    /// (Reporter or more reads a private project; Developer or more pushes). Scopes cap, roles decide (§2.2).
    /// Protected branches may still refuse a Developer's push; that is not checked.
    /// </summary>
    private static RepositoryAccessResult ProjectAccess(InspectionDraft result, RepositoryRequest repository, ProviderReply reply)
    {
        var granted = result.Granted!;
        var scopeRead = ScopeHeld(granted, "read_repository");
        var scopeWrite = ScopeHeld(granted, "write_repository");
        if (reply.Answer is not { } answer)
        {
            return reply.NotChecked(repository);
        }

        switch (GitLabStatusMap.Classify(answer))
        {
            case ProviderOutcome.Success when GitLabJson.Project(answer.Body) is { } project:
            {
                var (visibility, shownLevel, permissionsShown) = project;
                var open = visibility is "public" or "internal";

                // A permissions object with neither project nor group access means no membership (0). Without membership a
                // private project shows only to administrators, whose rights GitLab does not list: reading is then unknown.
                var level = shownLevel ?? (permissionsShown ? 0 : null);
                bool? roleRead = level >= Reporter || open ? true : level is null or 0 ? null : false;
                bool? roleWrite = level is null ? null : level >= Developer;
                var canRead = And(scopeRead, roleRead);
                var canWrite = And(scopeWrite, roleWrite);
                var enough = repository.Access == RepositoryAccess.Read ? canRead : And(canRead, canWrite);
                var verb = repository.Access == RepositoryAccess.Read ? "reading" : "pushing";
                var roleAllows = repository.Access == RepositoryAccess.Read ? roleRead != false : roleWrite != false && roleRead != false;
                var message = enough switch
                {
                    true => null,
                    false when roleAllows => repository.Access == RepositoryAccess.Read
                            ? "The token lacks read_repository (or a scope that implies it: read_api, write_repository, api)."
                            : "The token lacks write_repository (or api), which pushing needs.",
                    false => $"The token's role on the project ({LevelName(level)}) does not allow {verb}; {(repository.Access == RepositoryAccess.Read ? "Reporter" : "Developer")} or higher is needed.",
                    null when level is null => "GitLab did not show the token's role on the project.",
                    null => "The token's scopes could not be fully determined.",
                };
                var state = enough switch { true => RepositoryAccessState.Granted, false => RepositoryAccessState.Insufficient, null => RepositoryAccessState.Unknown };
                return new(repository.Name, repository.Access, state, canRead, canWrite, message);
            }

            case ProviderOutcome.Success:
                return new(repository.Name, repository.Access, RepositoryAccessState.Unknown, null, null, "GitLab's answer about the project could not be read.");
            case ProviderOutcome.NotFound:
                return new(repository.Name, repository.Access, RepositoryAccessState.NotVisible, false, false,
                    "GitLab does not show the project to the token: it does not exist, or the token's owner is not a member.");
            case ProviderOutcome.InsufficientScope:
            {
                // The REST API needs read_api or api; read_repository and write_repository only work over Git.
                bool? canRead = scopeRead == false ? false : null;
                bool? canWrite = scopeWrite == false ? false : null;
                var lacking = repository.Access == RepositoryAccess.Read ? canRead == false : canRead == false || canWrite == false;
                return new(repository.Name, repository.Access, lacking ? RepositoryAccessState.Insufficient : RepositoryAccessState.Unknown, canRead, canWrite,
                    "GitLab's API shows a project only to tokens with read_api or api; without them, the token's role on the project is unknown.");
            }

            case ProviderOutcome.RateLimited:
                return new(repository.Name, repository.Access, RepositoryAccessState.Unknown, null, null, "Not checked: GitLab's rate limit was reached.");
            default:
                return new(repository.Name, repository.Access, RepositoryAccessState.Unknown, null, null, $"GitLab answered {answer.StatusCode}.");
        }
    }

    /// <summary>Whether the grant holds a scope: yes, no, or unknown when the scope is undetermined.</summary>
    private static bool? ScopeHeld(GrantedScopes granted, string scope)
        => granted.Grants(scope) ? true
            : granted.AllOthersUndetermined || granted.PossibleClosure.Contains(scope) ? null
            : false;

    private static bool? And(bool? left, bool? right)
        => left == false || right == false ? false
            : left == true && right == true ? true
            : null;

    private static string LevelName(int? level) => level switch
    {
        null => "none shown",
        0 => "no membership",
        < 10 => $"access level {level}",
        < 20 => "Guest",
        < 30 => "Reporter",
        < 40 => "Developer",
        < 50 => "Maintainer",
        _ => "Owner",
    };
}
