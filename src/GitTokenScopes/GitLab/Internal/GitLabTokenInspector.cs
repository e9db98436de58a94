// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Inspection.Internal;
using GitTokenScopes.Providers.Internal;
using GitTokenScopes.Scopes.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitTokenScopes.GitLab.Internal;

/// <summary>
/// Inspects GitLab access tokens (PROVIDERS.md §2). <c>GET /personal_access_tokens/self</c> (any scope may call it) gives
/// the scopes, expiry and revoked/active state; <c>GET /user</c>, sent at the same time, gives the owner's user name
/// and bot flag when the scopes allow (a 403 <c>insufficient_scope</c> there is information, not failure). Each named
/// project adds one <c>GET /projects/:id</c>, also concurrent. On GitLab older than 15.5 (<c>/self</c> answers 404),
/// the scopes are inferred from probes. Token kinds other than access tokens are refused from their prefix, without a request.
/// </summary>
internal sealed partial class GitLabTokenInspector(
    IHttpClientFactory clients,
    IOptionsMonitor<GitLabInspectorOptions> options,
    TimeProvider time,
    ILogger<GitLabTokenInspector> logger) : ProviderInspector<GitLabInspectorOptions>(
        GitProvider.GitLab, "GitLab", GitLabApiAddress.GitLabDotCom, GitLabApiAddress.Resolve, options, time, logger)
{
    private const string ListProjectsProbe = "projects?per_page=1&simple=true";
    private const string CreateProjectProbe = "projects";
    private const int Reporter = 20;
    private const int Developer = 30;

    private static readonly ScopeVocabulary Vocabulary = ScopeVocabulary.For(GitProvider.GitLab, TokenFamily.PersonalAccessToken);
    private static readonly ScopeVocabulary FineGrained = ScopeVocabulary.For(GitProvider.GitLab, TokenFamily.FineGrained);

    protected override (TokenType Type, TokenFamily? Family) Classify(GitCredential credential)
    {
        var (type, _) = GitLabTokenClassifier.Classify(credential.Token);
        return (type, type == TokenType.GitLabOther ? null : TokenFamily.PersonalAccessToken);
    }

    protected override void Refuse(GitCredential credential, InspectionDraft draft)
    {
        if (GitLabTokenClassifier.Classify(credential.Token).UnsupportedMessage is { } unsupported)
        {
            draft.Fail(InspectionStatus.Unsupported, unsupported);
        }
    }

    protected override ProviderSession Open(Uri apiUrl, GitCredential credential, GitLabInspectorOptions settings)
        => Over(clients.CreateClient(GitTokenScopesHttpClientNames.GitLab), apiUrl, credential, settings, r => r.Headers.TryAddWithoutValidation("PRIVATE-TOKEN", credential.Token));

    protected override async Task InspectCoreAsync(ProviderSession session, TokenInspectionRequest request, InspectionDraft result, GitLabInspectorOptions settings, CancellationToken cancellationToken)
    {
        // Both identity calls and every project call go out together: wall time is one round trip.
        var selfTask = session.GetAsync("personal_access_tokens/self", cancellationToken);
        var userTask = session.GetAsync("user", cancellationToken);
        var projectsTask = session.GetEachAsync(request.Repositories, GitLabApiAddress.ProjectPath, cancellationToken);
        var self = await selfTask.ConfigureAwait(false);
        var user = await userTask.ConfigureAwait(false);
        var projects = await projectsTask.ConfigureAwait(false);
        var answer = self.Required;
        result.RateLimit = GitLabStatusMap.RateLimit(answer, Time);
        IReadOnlyList<GitLabGrant>? grants = null;
        switch (GitLabStatusMap.Classify(answer))
        {
            case ProviderOutcome.Success:
                if (GitLabJson.Token(answer.Body) is not { } token)
                {
                    result.Fail(InspectionStatus.ProviderError, "GitLab's answer to GET /personal_access_tokens/self could not be read (malformed JSON or no scopes list).");
                    return;
                }

                grants = ApplyToken(result, token);
                break;
            case ProviderOutcome.Forbidden when GitLabJson.Error(answer.Body) is { Code: "insufficient_granular_scope" } refusal:
                // Only a fine-grained token is refused its own description, which needs Personal Access Token: Read.
                (result.Family, result.Granted, result.ExpiryKnown) = (TokenFamily.FineGrained, GrantedScopes.CreateUndetermined(FineGrained), false);
                result.Type = result.Type == TokenType.Unknown ? TokenType.GitLabPersonal : result.Type;
                result.Message = "The fine-grained token may not read its own permissions: add read_personal_access_token (Personal Access Token: Read, "
                    + $"user boundary) to the token, so that they can be checked; until then they are unknown. GitLab said: {GitLabJson.Said(refusal)}";
                break;
            case ProviderOutcome.NotFound when user.Answer is { } userAnswer && GitLabStatusMap.Classify(userAnswer) == ProviderOutcome.NotFound:
                result.Fail(InspectionStatus.Misconfigured, $"No GitLab REST API answers at {session.ApiUrl}: GET /personal_access_tokens/self and GET /user both answered 404. Check the server or API URL.");
                return;
            case ProviderOutcome.NotFound:
                await InferAsync(session, result, user, cancellationToken).ConfigureAwait(false);
                break;
            default:
                FailWith(result, answer, "GET /personal_access_tokens/self");
                return;
        }

        if (result.Failed)
        {
            return;
        }

        ReadOwner(result, user);
        result.Repositories.AddRange(request.Repositories.Zip(projects, (repository, reply)
            => reply.Assess(repository, answer => ProjectAccess(result, grants, repository, answer))));
    }

    /// <summary>What <c>/self</c> said: scopes (or fine-grained permissions), expiry, state, and the type when GitLab says it.</summary>
    private IReadOnlyList<GitLabGrant>? ApplyToken(InspectionDraft result, GitLabTokenInfo token)
    {
        if (token.Revoked == true)
        {
            result.Fail(InspectionStatus.Revoked, "GitLab reports the token as revoked.");
            return null;
        }

        // GitLab answered, so it accepted the token: a passed expiry date means the instance does not enforce it
        // (GitLab then also says active: false); the guide warns.
        var pastExpiry = token.ExpiresAt is { } at && at <= Time.GetUtcNow();
        if (token.Active == false && !pastExpiry)
        {
            result.Fail(InspectionStatus.Invalid, "GitLab reports the token as inactive.");
            return null;
        }

        if (result.Type == TokenType.Unknown)
        {
            result.Type = TokenType.GitLabPersonal;
            result.Note("The token has no glpat- prefix (made before GitLab 14.5, or the instance uses a custom prefix); GitLab's answer shows it is an access token.");
        }

        if (token.Impersonation == true)
        {
            result.Type = TokenType.GitLabImpersonation;
        }

        result.ExpiresAt = token.ExpiresAt;
        result.ExpiryKnown = token.ExpiryReadable;
        if (!token.ExpiryReadable)
        {
            result.Note("GitLab's expires_at could not be read; the expiry is unknown.");
        }

        if (!token.FineGrained)
        {
            result.Granted = GrantedScopes.Create(Vocabulary, token.Scopes);
            return null;
        }

        result.Family = TokenFamily.FineGrained;
        if (token.Grants is not { } grants)
        {
            result.Granted = GrantedScopes.CreateUndetermined(FineGrained);
            result.Note("Fine-grained GitLab token whose permissions GitLab does not list (granular_scopes comes with GitLab 19.5; 18.10 to 19.4 "
                + "answer only granular: true): its permissions cannot be read and are unknown; named projects are checked read-only.");
            return null;
        }

        string[] held = [.. grants.SelectMany(g => g.Permissions).Distinct(StringComparer.Ordinal)];
        result.Granted = GrantedScopes.Create(FineGrained, held, BuiltInVocabularies.GitLabFineGrainedUnconfirmed.Except(held, StringComparer.Ordinal));
        return grants;
    }

    /// <summary>What <c>/user</c> said: the account and, from its user name, whether the token is a project or group token.</summary>
    private static void ReadOwner(InspectionDraft result, ProviderReply user)
    {
        if (user.Unreachable is { } unreachable)
        {
            result.Note($"GET /user was not answered ({unreachable}); the account is unknown.");
            return;
        }

        var answer = user.Answer!;
        switch (GitLabStatusMap.Classify(answer))
        {
            case ProviderOutcome.Success when GitLabJson.User(answer.Body) is { } owner:
                var (username, bot) = owner;
                if (result.Type == TokenType.GitLabPersonal && GitLabTokenClassifier.FromOwner(username, bot) is { } owned)
                {
                    result.Type = owned;
                }

                var kind = result.Type == TokenType.GitLabServiceAccount ? "service-account" : bot switch { true => "bot", false => "user", null => null };
                result.Account = new AccountInfo(username, kind, bot);

                break;
            case ProviderOutcome.Success:
                result.Note("GitLab's answer to GET /user could not be read; the account is unknown.");
                break;
            case ProviderOutcome.InsufficientScope:
                var accepted = GitLabJson.Error(answer.Body)?.Scopes is { Count: > 0 } scopes ? string.Join(", ", scopes) : "read_user, read_api or api";
                result.Note($"GET /user answered 403 insufficient_scope (it accepts {accepted}); the account, and so whether the token belongs to a person or to a project or group bot, is unknown.");
                break;
            default:
                var said = GitLabJson.Said(GitLabJson.Error(answer.Body)) is { } text ? $" ({text})" : string.Empty;
                result.Note($"GET /user answered {answer.StatusCode}{said}; the account is unknown.");
                break;
        }
    }

    /// <summary>Maps a failed answer of a call the whole inspection depends on to the inspection's status.</summary>
    private void FailWith(InspectionDraft result, ProviderAnswer answer, string what)
    {
        var outcome = GitLabStatusMap.Classify(answer);
        result.RateLimit = GitLabStatusMap.RateLimit(answer, Time) ?? result.RateLimit;
        var error = GitLabJson.Error(answer.Body);
        var said = GitLabJson.Said(error);
        var suffix = said is null ? string.Empty : $": {said}";
        var code = answer.StatusCode;
        (InspectionStatus, string)? own = outcome switch
        {
            ProviderOutcome.Unauthorized => (InspectionStatus.Invalid, $"GitLab rejected the token ({code}{suffix}); this GitLab instance does not know it."),
            ProviderOutcome.Expired => (InspectionStatus.Expired, $"GitLab says the token has expired ({code}{suffix})."),
            ProviderOutcome.Revoked => (InspectionStatus.Revoked, $"GitLab says the token was revoked ({code}{suffix})."),
            ProviderOutcome.ImpersonationDisabled => (InspectionStatus.Invalid, $"The token is an impersonation token, and impersonation is disabled on this GitLab instance ({code}{suffix})."),
            ProviderOutcome.WrongTokenType => (InspectionStatus.Unsupported, $"GitLab says {what} needs a personal, project or group access token{suffix}. This kind of token (OAuth, CI job, …) cannot be checked and is not meant for this use."),
            ProviderOutcome.InsufficientScope => (InspectionStatus.Forbidden,
                $"GitLab refused {what}: the token lacks the scope it needs{(error?.Scopes is { Count: > 0 } scopes ? $" (it accepts {string.Join(", ", scopes)})" : string.Empty)}."),
            _ => null,
        };
        if (outcome == ProviderOutcome.ImpersonationDisabled)
        {
            result.Type = TokenType.GitLabImpersonation;
        }
        else if (outcome == ProviderOutcome.WrongTokenType)
        {
            (result.Type, result.Family) = (TokenType.GitLabOther, null);
        }

        Fail(result, outcome, answer, what, said, own);
    }

    /// <summary>
    /// GitLab before 15.5 has no <c>/self</c> (PROVIDERS.md §2.1), so scopes are inferred: <c>GET /user</c> accepts
    /// read_user, read_api and api; <c>GET /projects</c> read_api and api; a body-less <c>POST /projects</c> only api
    /// (400, nothing created). read_repository and write_repository work only over Git and stay undetermined.
    /// </summary>
    private async Task InferAsync(ProviderSession session, InspectionDraft result, ProviderReply user, CancellationToken cancellationToken)
    {
        Log.SelfUnavailable(Logger, result.CredentialFingerprint, session.ApiUrl.Host);
        result.Note("Scopes inferred from probes because GET /personal_access_tokens/self is not available (GitLab older than 15.5): "
            + "read_repository and write_repository cannot be seen through the API, and the expiry is unknown.");
        result.ExpiryKnown = false;
        var userAnswer = user.Required;
        var granted = new List<string>();
        var disproven = new HashSet<string>(StringComparer.Ordinal);
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
            var listTask = session.GetAsync(ListProjectsProbe, cancellationToken);
            var createTask = session.TrySendAsync(HttpMethod.Post, CreateProjectProbe, null, cancellationToken);
            var (listReply, createReply) = (await listTask.ConfigureAwait(false), await createTask.ConfigureAwait(false));
            var (list, create) = (listReply.Required, createReply.Required);
            switch (GitLabStatusMap.Classify(list))
            {
                case ProviderOutcome.Success:
                    granted.Add("read_api");
                    break;
                case ProviderOutcome.InsufficientScope:
                    disproven.UnionWith(["api", "read_api"]);
                    break;
                default:
                    FailWith(result, list, "GET /projects");
                    return;
            }

            switch (GitLabStatusMap.Classify(create))
            {
                case ProviderOutcome.Rejected:
                    granted.Add("api");
                    break;
                case ProviderOutcome.InsufficientScope:
                    disproven.Add("api");
                    break;
                case ProviderOutcome.Success:
                    ProviderLog.UnexpectedProbeSuccess(Logger, Name, result.CredentialFingerprint, "POST /" + CreateProjectProbe, create.StatusCode);
                    result.Fail(InspectionStatus.ProviderError,
                        $"GitLab answered POST /projects with {create.StatusCode}, although the probe sends no project name and GitLab must reject it; "
                        + "the api scope was not trusted. Check the instance's projects and report this.");
                    return;
                default:
                    FailWith(result, create, "POST /projects");
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

    /// <summary>
    /// Access to one project (§2.2): scopes cap, the role in <c>permissions</c> decides (Reporter reads a private
    /// project, Developer pushes). Protected branches are not checked.
    /// </summary>
    private RepositoryAccessResult ProjectAccess(
        InspectionDraft result, IReadOnlyList<GitLabGrant>? grants, RepositoryRequest repository, ProviderAnswer answer)
    {
        var granted = result.Granted!;
        var fineGrained = result.Family == TokenFamily.FineGrained;
        var (readScope, writeScope) = fineGrained ? ("download_code", "push_code") : ("read_repository", "write_repository");
        var scopeRead = RepositoryResults.Holds(granted, readScope);
        var scopeWrite = RepositoryResults.Holds(granted, writeScope);
        switch (GitLabStatusMap.Classify(answer))
        {
            case ProviderOutcome.Success when GitLabJson.Project(answer.Body) is { } project:
            {
                var open = project.Visibility is "public" or "internal";

                // A permissions object with neither project nor group access means no membership (0). Without membership a
                // private project shows only to administrators, whose rights GitLab does not list: reading is then unknown.
                var level = project.AccessLevel ?? (project.Permissions is not null ? 0 : null);
                if (grants is not null)
                {
                    // A fine-grained permission counts only where its access boundary reaches the project.
                    scopeRead = Reaches(grants, readScope, project, level, result.Account?.Login);
                    scopeWrite = Reaches(grants, writeScope, project, level, result.Account?.Login);
                }

                bool? roleRead = level >= Reporter || open ? true : level is null or 0 ? null : false;
                bool? roleWrite = level is null ? null : level >= Developer;
                var canRead = RepositoryResults.All(scopeRead, roleRead);
                var canWrite = RepositoryResults.All(scopeWrite, roleWrite);
                var enough = repository.Access == RepositoryAccess.Read ? canRead : RepositoryResults.All(canRead, canWrite);
                var verb = repository.Access == RepositoryAccess.Read ? "reading" : "pushing";
                var roleAllows = repository.Access == RepositoryAccess.Read ? roleRead != false : roleWrite != false && roleRead != false;
                return repository.Judged(enough, canRead, canWrite, enough switch
                {
                    true => null,
                    false when roleAllows && fineGrained => $"The token's fine-grained permissions do not give {(scopeRead == false ? readScope : writeScope)} on the project (check the permission and the token's access: its memberships, personal projects or selected projects and groups).",
                    false when roleAllows => repository.Access == RepositoryAccess.Read
                            ? "The token lacks read_repository (or a scope that implies it: read_api, write_repository, api)."
                            : "The token lacks write_repository (or api), which pushing needs.",
                    false => $"The token's role on the project ({LevelName(level)}) does not allow {verb}; {(repository.Access == RepositoryAccess.Read ? "Reporter" : "Developer")} or higher is needed.",
                    null when level is null => "GitLab did not show the token's role on the project.",
                    null when fineGrained && grants is null => "The token's fine-grained permissions cannot be read, so whether it may clone or push is unknown; the project and the token's role on it were checked read-only.",
                    null => "The token's scopes could not be fully determined.",
                });
            }

            case ProviderOutcome.Success:
                return repository.Unknown("GitLab's answer about the project could not be read.");
            case ProviderOutcome.NotFound:
                return repository.NotVisible("GitLab does not show the project to the token: it does not exist, or the token's owner is not a member.");
            case ProviderOutcome.InsufficientScope:
            {
                // The REST API needs read_api or api; read_repository and write_repository only work over Git.
                bool? canRead = scopeRead == false ? false : null;
                bool? canWrite = scopeWrite == false ? false : null;
                var lacking = repository.Access == RepositoryAccess.Read ? canRead == false : canRead == false || canWrite == false;
                return repository.Judged(lacking ? false : null, canRead, canWrite, "GitLab's API shows a project only to tokens with read_api or api; without them, the token's role on the project is unknown.");
            }

            case ProviderOutcome.Forbidden when fineGrained:
                return repository.Unknown($"GitLab refused to show the project to this fine-grained token, which needs read_project on it: {GitLabJson.Said(GitLabJson.Error(answer.Body))}");
            case ProviderOutcome.RateLimited:
                // A rate limit is a fact about the token, whichever call showed it (as on the other providers).
                FailWith(result, answer, $"GET /{GitLabApiAddress.ProjectPath(repository)}");
                return repository.Unknown("Not checked: GitLab's rate limit was reached.");
            default:
                return repository.Unknown($"GitLab answered {answer.StatusCode}.");
        }
    }

    /// <summary>
    /// Whether a fine-grained permission reaches a project: <c>all_memberships</c> where the token's user is a member,
    /// <c>personal_projects</c> in the user's own namespace, <c>selected_memberships</c> for the project or its group (a
    /// group further up is not shown, so unknown); <c>user</c> and <c>instance</c> never reach a project.
    /// </summary>
    private static bool? Reaches(IReadOnlyList<GitLabGrant> grants, string permission, GitLabProject project, int? level, string? owner)
    {
        bool? reaches = false;
        foreach (var grant in grants.Where(g => g.Permissions.Contains(permission, StringComparer.Ordinal)))
        {
            bool? covers = grant.Access switch
            {
                "all_memberships" => level is null ? null : level > 0,
                "personal_projects" => project.Namespace?.Kind is null || owner is null ? null
                    : project.Namespace.Kind == "user" && string.Equals(project.Namespace.FullPath, owner, StringComparison.OrdinalIgnoreCase),
                "selected_memberships" when grant.ProjectId is { } id => project.Id == id,
                "selected_memberships" when grant.GroupId is { } group
                    => project.Namespace?.Id == group ? true : project.Namespace?.Kind == "user" ? false : null,
                "user" or "instance" => false,
                _ => null,
            };
            if (covers == true)
            {
                return true;
            }

            reaches = covers is null ? null : reaches;
        }

        return reaches;
    }

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

    /// <summary>GitLab's own log event (the shared ones: <see cref="ProviderLog"/>).</summary>
    private static partial class Log
    {
        [LoggerMessage(EventId = 95, EventName = "GitLabSelfUnavailable", Level = LogLevel.Information,
            Message = "GitLab token {Fingerprint} at {ApiHost}: GET /personal_access_tokens/self answered 404 (GitLab older than 15.5); inferring scopes from probes")]
        public static partial void SelfUnavailable(ILogger logger, string fingerprint, string apiHost);
    }
}
