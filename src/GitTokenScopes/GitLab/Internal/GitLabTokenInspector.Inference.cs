// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Inspection.Internal;using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.GitLab.Internal;

internal sealed partial class GitLabTokenInspector
{
    private const string ListProjectsProbe = "projects?per_page=1&simple=true";
    private const string CreateProjectProbe = "projects";

    /// <summary>
    /// GitLab older than 15.5 has no <c>/personal_access_tokens/self</c> (PROVIDERS.md §2.1): the scopes are inferred.
    /// <c>GET /user</c> (already answered) accepts <c>read_user</c>, <c>read_api</c> and <c>api</c>;
    /// <c>GET /projects?per_page=1</c> accepts <c>read_api</c> and <c>api</c>; <c>POST /projects</c> with no body accepts
    /// only <c>api</c> and answers 400 (name and path missing) when the scope allows it, creating nothing. The two probes
    /// are skipped when <c>/user</c> already proved neither <c>api</c> nor <c>read_api</c> is held.
    /// <c>read_repository</c> and <c>write_repository</c> work only over Git: unless implied, they stay undetermined.
    /// </summary>
    private async Task InferAsync(ProviderSession session, InspectionDraft result, ProviderReply user, CancellationToken cancellationToken)
    {
        Log.SelfUnavailable(logger, result.CredentialFingerprint, session.ApiUrl.Host);
        result.Note("Scopes inferred from probes because GET /personal_access_tokens/self is not available (GitLab older than 15.5): "
            + "read_repository and write_repository cannot be seen through the API, and the expiry is unknown.");
        result.ExpiryKnown = false;
        if (user.Unreachable is { } unreachable)
        {
            result.Fail(InspectionStatus.Unreachable, unreachable);
            return;
        }

        var granted = new List<string>();
        var disproven = new HashSet<string>(StringComparer.Ordinal);
        var userAnswer = user.Answer!;
        var userOutcome = GitLabStatusMap.Classify(userAnswer);
        switch (userOutcome)
        {
            case ProviderOutcome.Success:
                break;
            case ProviderOutcome.InsufficientScope:
                disproven.UnionWith(["api", "read_api", "read_user"]);
                break;
            default:
                FailWith(result, userAnswer, "GET /user");
                return;
        }

        if (!disproven.Contains("read_api"))
        {
            var listTask = SendAsync(session, result, HttpMethod.Get, ListProjectsProbe, cancellationToken);
            var createTask = SendAsync(session, result, HttpMethod.Post, CreateProjectProbe, cancellationToken);
            var list = await listTask.ConfigureAwait(false);
            var create = await createTask.ConfigureAwait(false);
            if ((list.Unreachable ?? create.Unreachable) is { } failed)
            {
                result.Fail(InspectionStatus.Unreachable, failed);
                return;
            }

            switch (GitLabStatusMap.Classify(list.Answer!))
            {
                case ProviderOutcome.Success:
                    granted.Add("read_api");
                    break;
                case ProviderOutcome.InsufficientScope:
                    disproven.UnionWith(["api", "read_api"]);
                    break;
                default:
                    FailWith(result, list.Answer!, "GET /projects");
                    return;
            }

            switch (GitLabStatusMap.Classify(create.Answer!))
            {
                case ProviderOutcome.Rejected:
                    granted.Add("api");
                    break;
                case ProviderOutcome.InsufficientScope:
                    disproven.Add("api");
                    break;
                case ProviderOutcome.Success:
                    Log.UnexpectedProbeSuccess(logger, result.CredentialFingerprint, "POST", "/" + CreateProjectProbe, create.Answer!.StatusCode);
                    result.Fail(InspectionStatus.ProviderError,
                        $"GitLab answered POST /projects with {create.Answer.StatusCode}, although the probe sends no project name and GitLab must reject it; the api scope was not trusted. Check the instance's projects and report this.");
                    return;
                default:
                    FailWith(result, create.Answer!, "POST /projects");
                    return;
            }
        }

        // /user answered 200, so one of read_user, read_api, api is held; with neither API scope, it is read_user.
        if (userOutcome == ProviderOutcome.Success && disproven.Contains("read_api") && disproven.Contains("api"))
        {
            granted.Add("read_user");
        }

        var closure = Vocabulary.Expand(granted);
        var undetermined = Vocabulary.KnownScopes.Where(s => !closure.Contains(s) && !disproven.Contains(s)).ToArray();
        result.Granted = GrantedScopes.Create(Vocabulary, granted, undetermined);
        if (result.Type == TokenType.Unknown)
        {
            result.Type = TokenType.GitLabPersonal;
            result.Note("The token has no glpat- prefix (made before GitLab 14.5, or the instance uses a custom prefix); GitLab accepted it as an access token.");
        }
    }
}
