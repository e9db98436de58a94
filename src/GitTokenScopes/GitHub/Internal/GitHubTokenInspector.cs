// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Inspection.Internal;
using GitTokenScopes.Providers.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Octokit.Internal;

namespace GitTokenScopes.GitHub.Internal;

/// <summary>
/// Inspects GitHub tokens (PROVIDERS.md §1). Classic and OAuth tokens: one <c>GET /user</c> (scopes, identity, expiry,
/// rate limit) plus one <c>GET /repos/{o}/{r}</c> per repository, concurrently. Fine-grained and App tokens: the same
/// reads and, in the same round, probes of the permissions the requirements ask for.
/// </summary>
internal sealed class GitHubTokenInspector(
    IHttpClientFactory clients,
    IHttpMessageHandlerFactory handlers,
    IOptionsMonitor<GitHubInspectorOptions> options,
    TimeProvider time,
    ILogger<GitHubTokenInspector> logger) : ProviderInspector<GitHubInspectorOptions>(
        GitProvider.GitHub, "GitHub", GitHubApiAddress.GitHubDotCom, GitHubApiAddress.Resolve, options, time, logger)
{
    private static readonly ScopeVocabulary ClassicVocabulary = ScopeVocabulary.For(GitProvider.GitHub, TokenFamily.Classic);
    private static readonly ScopeVocabulary FineGrainedVocabulary = ScopeVocabulary.For(GitProvider.GitHub, TokenFamily.FineGrained);
    private static readonly string[] Levels = ["read", "write", "admin"];

    protected override (TokenType Type, TokenFamily? Family) Classify(GitCredential credential)
    {
        var type = GitHubTokenClassifier.Classify(credential.Token);
        return (type, GitHubTokenClassifier.FamilyOf(type));
    }

    protected override void Refuse(GitCredential credential, InspectionDraft draft)
    {
        if (draft.Type == TokenType.GitHubRefresh)
        {
            draft.Fail(InspectionStatus.Unsupported, "GitHub App refresh tokens (ghr_) cannot call the API; exchange it for a user access token (ghu_) and check that one.");
        }
    }

    /// <summary>
    /// Octokit's stock adapter over the named client's handler, one per inspection (its redirect handler drops
    /// <c>Authorization</c> off-host); it takes the named client's time-out and default headers, as the others have them.
    /// </summary>
    protected override ProviderSession Open(Uri apiUrl, GitCredential credential, GitHubInspectorOptions settings)
    {
        using var configured = clients.CreateClient(GitTokenScopesHttpClientNames.GitHub);
        var defaults = configured.DefaultRequestHeaders.ToArray();
        var adapter = new HttpClientAdapter(() => handlers.CreateHandler(GitTokenScopesHttpClientNames.GitHub));
        adapter.SetRequestTimeout(configured.Timeout);
        var authorization = "token " + credential.Token;
        return new ProviderSession(Name, apiUrl, settings, Time, Logger, credential.Fingerprint, adapter.SendAsync, r =>
        {
            r.Headers.TryAddWithoutValidation("Authorization", authorization);
            r.Headers.Accept.Clear();
            r.Headers.TryAddWithoutValidation("Accept", "application/vnd.github+json");
            r.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", "2022-11-28");

            // As HttpClient applies default headers: only those the request does not set itself.
            foreach (var (name, values) in defaults.Where(d => !r.Headers.Contains(d.Key)))
            {
                r.Headers.TryAddWithoutValidation(name, values);
            }
        }, adapter);
    }

    protected override Task InspectCoreAsync(ProviderSession session, TokenInspectionRequest request, InspectionDraft result, GitHubInspectorOptions settings, CancellationToken cancellationToken)
        => result.Family == TokenFamily.FineGrained
            ? InspectFineGrainedAsync(session, request, result, cancellationToken)
            : InspectClassicAsync(session, request, result, cancellationToken);

    /// <summary>Maps a failed answer of a call the whole inspection depends on to the inspection's status.</summary>
    private void FailWith(InspectionDraft result, ProviderAnswer answer, string what)
    {
        var outcome = GitHubStatusMap.Classify(answer);
        result.RateLimit = GitHubHeaders.RateLimit(answer, Time) ?? result.RateLimit;
        var url = outcome == ProviderOutcome.SsoRequired ? GitHubHeaders.SsoRequirement(answer).Url : null;
        var policy = outcome == ProviderOutcome.PolicyForbidden ? GitHubStatusMap.PolicyRefusal(answer) : null;
        result.ActionUrl = outcome == ProviderOutcome.SsoRequired ? url : policy?.SettingsUrl ?? result.ActionUrl;
        Fail(result, outcome, answer, what, answer.ErrorMessage(), outcome switch
        {
            ProviderOutcome.SsoRequired => (InspectionStatus.SsoRequired, "An organization requires SAML single sign-on: authorize the token for it" + (url is null ? "." : $" at {url}.")),
            ProviderOutcome.PolicyForbidden => (InspectionStatus.PolicyForbidden, GitHubStatusMap.PolicyMessage(policy!.Value, what)),
            _ => null,
        });
    }

    /// <summary>Classic, OAuth and unrecognized tokens: scopes from <c>X-OAuth-Scopes</c>, repositories from their <c>permissions</c>.</summary>
    private async Task InspectClassicAsync(ProviderSession session, TokenInspectionRequest request, InspectionDraft result, CancellationToken cancellationToken)
    {
        // Every request settles before any answer is read, so none is still running when the inspection ends.
        var identityTask = session.GetAsync("user", cancellationToken);
        var repositories = await session.GetEachAsync(request.Repositories, GitHubApiAddress.RepositoryPath, cancellationToken).ConfigureAwait(false);
        var identity = (await identityTask.ConfigureAwait(false)).Required;

        if (!identity.IsSuccess)
        {
            FailWith(result, identity, "GET /user");
            return;
        }

        // JSON that is not a user (a proxy's, a stranger's) says nothing about the token: without it, no scope header means none.
        if (GitHubJson.Account(identity.Body) is not { } account)
        {
            result.Fail(InspectionStatus.ProviderError, "GitHub answered GET /user with JSON that is not a user (no login): not GitHub's API.");
            return;
        }

        var scopes = GitHubHeaders.Scopes(identity);
        if (result.Type == TokenType.Unknown)
        {
            if (scopes is null)
            {
                result.Fail(InspectionStatus.Unsupported, "The token's format is not one GitHub issues, and GitHub sent no scope list for it.");
                return;
            }

            result.Family = TokenFamily.Classic;
            result.Note("Unrecognized token format; GitHub reported OAuth scopes, so it was read as a classic token.");
        }

        // The prefix decides the family; an absent or empty scope header on a classic token means "no scopes".
        result.Granted = GrantedScopes.Create(ClassicVocabulary, scopes ?? []);
        if (scopes is null)
        {
            result.Note("GitHub sent no X-OAuth-Scopes header: the token holds no scopes.");
        }

        result.Account = account;
        result.ExpiresAt = GitHubHeaders.Expiration(identity);
        result.ExpiryKnown = true;
        result.RateLimit = GitHubHeaders.RateLimit(identity, Time);

        result.Repositories.AddRange(request.Repositories.Zip(repositories, (repository, reply)
            => reply.Assess(repository, answer => ClassicRepository(result, repository, answer))));
    }

    private RepositoryAccessResult ClassicRepository(InspectionDraft result, RepositoryRequest repository, ProviderAnswer answer)
    {
        var granted = result.Granted!;
        switch (GitHubStatusMap.Classify(answer))
        {
            case ProviderOutcome.Success when GitHubJson.Repository(answer.Body) is { } info:
            {
                var (isPrivate, pull, push) = (info.Private, info.Permissions?.Pull, info.Permissions?.Push);

                // Push needs both the account's role and a scope that lets the token write: repo, or public_repo on a public repository.
                var scopeWrites = granted.Grants("repo") || (isPrivate == false && granted.Grants("public_repo"));
                var canRead = pull ?? true;
                bool? canWrite = push is null ? null : push.Value && scopeWrites;
                var enough = repository.Access == RepositoryAccess.Read ? canRead : canWrite;
                return repository.Judged(enough, canRead, canWrite, enough switch
                {
                    true => null,
                    null => "GitHub did not report the token's permissions on the repository.",
                    false when push == true => "The account may push, but the token lacks the repo scope (public_repo covers public repositories only).",
                    false => "The account's role on the repository does not allow pushing.",
                });
            }

            case ProviderOutcome.NotFound:
                return repository.NotVisible(granted.Grants("repo")
                        ? "GitHub does not show the repository to the token: it does not exist or the account has no access."
                        : "GitHub does not show the repository to the token: a private repository needs the repo scope, or the account has no access.");
            default:
                return UnknownRepository(result, repository, answer);
        }
    }

    /// <summary>A repository call that neither succeeded nor said "not visible": rate limit, SSO, outage or a malformed answer.</summary>
    private RepositoryAccessResult UnknownRepository(InspectionDraft result, RepositoryRequest repository, ProviderAnswer answer)
    {
        var outcome = GitHubStatusMap.Classify(answer);
        if (outcome is ProviderOutcome.RateLimited or ProviderOutcome.SsoRequired or ProviderOutcome.PolicyForbidden)
        {
            FailWith(result, answer, $"GET /{GitHubApiAddress.RepositoryPath(repository)}");
        }

        return repository.Unknown(outcome switch
        {
            ProviderOutcome.RateLimited => "Not checked: GitHub's rate limit was reached.",
            ProviderOutcome.SsoRequired => "The owning organization requires SAML single sign-on authorization of the token.",
            ProviderOutcome.PolicyForbidden => "The owning organization's token policy refuses the token.",
            ProviderOutcome.Success => "GitHub's answer could not be read.",
            _ => $"GitHub answered {answer.StatusCode}.",
        });
    }

    /// <summary>
    /// Fine-grained PATs and App tokens have no permission list: the identity and each repository are read and, in the
    /// same round, the needed levels are probed on each repository (a probe never depends on the GET, so waiting would
    /// only add a round trip). Verdicts count for visible repositories; rate limits, SSO and a 2xx write probe count always.
    /// </summary>
    private async Task InspectFineGrainedAsync(ProviderSession session, TokenInspectionRequest request, InspectionDraft result, CancellationToken cancellationToken)
    {
        var installation = result.Type == TokenType.GitHubAppInstallation;

        // Installation tokens get 403 on /user; they list what they can reach instead (no permission needed).
        var identityTask = session.GetAsync(installation ? "installation/repositories?per_page=100" : "user", cancellationToken);
        var needed = NeededPermissions(request);
        var repositories = request.Repositories;

        // Every GET is queued before any probe, so that under the session's concurrency cap the reads go out first.
        var reads = session.GetEachAsync(repositories, GitHubApiAddress.RepositoryPath, cancellationToken);

        var readProbes = ProbesFor(RepositoryAccess.Read, needed);
        var readWriteProbes = ProbesFor(RepositoryAccess.ReadWrite, needed);
        var probeRuns = repositories.Select(r => Task.WhenAll((r.Access == RepositoryAccess.ReadWrite ? readWriteProbes : readProbes)
            .Select(p => ProbeAsync(session, result.CredentialFingerprint, r, p, GitHubStatusMap.Classify, cancellationToken)))).ToArray();

        // Every request settles before any answer is read, so none is still running when the inspection ends.
        var probes = await Task.WhenAll(probeRuns).ConfigureAwait(false);
        var answers = await reads.ConfigureAwait(false);
        var identity = (await identityTask.ConfigureAwait(false)).Required;
        var visible = answers.Select(a => a.Answer is { } read && GitHubStatusMap.Classify(read) == ProviderOutcome.Success).ToArray();
        var visibleCount = visible.Count(v => v);
        foreach (var i in Enumerable.Range(0, answers.Length).Where(i => visible[i]))
        {
            ApplyProbeResults(result, repositories[i], probes[i], visible: true);
        }

        if (!identity.IsSuccess)
        {
            FailWith(result, identity, installation ? "GET /installation/repositories" : "GET /user");
            return;
        }

        result.ExpiresAt = GitHubHeaders.Expiration(identity);
        result.ExpiryKnown = result.ExpiresAt is not null || result.Type == TokenType.GitHubFineGrained;
        result.RateLimit = GitHubHeaders.RateLimit(identity, Time);
        var granted = new List<string>();
        var undetermined = new List<string>();
        if (installation)
        {
            if (GitHubJson.Installation(identity.Body) is not { } listing)
            {
                result.Fail(InspectionStatus.ProviderError, "GitHub's answer to GET /installation/repositories could not be read.");
                return;
            }

            if (listing.RepositorySelection is "all" or "selected")
            {
                granted.Add("repository_selection=" + listing.RepositorySelection);
            }
        }
        else
        {
            result.Account = GitHubJson.Account(identity.Body);
        }

        var repositoryStates = answers.Select((reply, i) => reply.Assess(repositories[i], read => GitHubStatusMap.Classify(read) switch
        {
            ProviderOutcome.Success => FineGrainedRepository(repositories[i], probes[i]),
            ProviderOutcome.NotFound => repositories[i].NotVisible(
                "GitHub does not show the repository to the token: it is not in the token's repository selection, the account has no access, or an organization's approval is pending."),
            _ => UnknownRepository(result, repositories[i], read),
        })).ToArray();

        // Hidden repositories' probes last, after what their own answers decided.
        foreach (var i in Enumerable.Range(0, answers.Length).Where(i => !visible[i]))
        {
            ApplyProbeResults(result, repositories[i], probes[i], visible: false);
        }

        if (visibleCount > 0)
        {
            granted.Add("metadata=read");
            if (!installation && visibleCount == repositories.Count)
            {
                // Every named repository is within the token's reach; GitHub does not say whether "all" or "selected".
                granted.Add("repository_selection=selected");
            }
        }
        else
        {
            undetermined.AddRange(installation ? ["metadata=read"] : ["repository_selection=all", "repository_selection=selected", "metadata=read"]);
        }

        foreach (var (permission, level) in needed)
        {
            var scope = $"{permission}={level}";
            if (GitHubPermissionProbe.For(permission, level) is not { } probe)
            {
                undetermined.Add(scope);
                result.Note($"{scope}: GitHub offers no safe way to check this permission; it is undetermined.");
                continue;
            }

            // Only the repositories the token sees count: a hidden repository's probes prove nothing. Denied on one: missing.
            var verdicts = probes.Where((_, i) => visible[i]).SelectMany(p => p).Where(p => p.Probe == probe).Select(p => p.Verdict).ToArray();
            if (!verdicts.Contains(ProbeVerdict.Denied))
            {
                (verdicts.Length > 0 && verdicts.All(v => v == ProbeVerdict.Granted) ? granted : undetermined).Add(scope);
            }
        }

        result.Repositories.AddRange(repositoryStates);
        result.Granted = GrantedScopes.Create(FineGrainedVocabulary, granted, undetermined);
        if (repositories.Count == 0 && needed.Count > 0)
        {
            result.Note("GitHub cannot list a fine-grained token's permissions; name a repository the token must reach (for example the Shared Configuration Repository) to check them.");
        }
    }

    /// <summary>The strongest level of each fine-grained permission the requirements name (metadata and repository selection come from the reads).</summary>
    private static List<(string Permission, string Level)> NeededPermissions(TokenInspectionRequest request)
    {
        var strongest = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var clause in request.Requirements.Where(r => r.Key.Family == TokenFamily.FineGrained).SelectMany(r => r.Clauses))
        {
            foreach (var scope in clause.AnyOf)
            {
                var separator = scope.IndexOf('=', StringComparison.Ordinal);
                var (permission, level) = (scope[..separator], scope[(separator + 1)..]);
                var rank = Array.IndexOf(Levels, level);
                if (permission is "metadata" or "repository_selection" || rank < 0)
                {
                    continue;
                }

                strongest[permission] = Math.Max(rank, strongest.GetValueOrDefault(permission, -1));
            }
        }

        return strongest.Select(p => (p.Key, Levels[p.Value])).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>The probes for a repository of the given access: every needed level plus the contents level the access needs.</summary>
    private static PermissionProbe[] ProbesFor(RepositoryAccess access, List<(string Permission, string Level)> needed)
    {
        var contentsLevel = access == RepositoryAccess.ReadWrite ? "write" : "read";
        var contentsNeeded = false;
        var probes = new List<PermissionProbe>(needed.Count + 1);
        foreach (var (permission, level) in needed)
        {
            contentsNeeded |= permission == "contents" && Array.IndexOf(Levels, level) >= Array.IndexOf(Levels, contentsLevel);
            if (GitHubPermissionProbe.For(permission, level) is { } probe)
            {
                probes.Add(probe);
            }
        }

        if (!contentsNeeded && GitHubPermissionProbe.For("contents", contentsLevel) is { } contents)
        {
            probes.Add(contents);
        }

        return [.. probes];
    }

    /// <summary>
    /// Writes one repository's probe verdicts. Rate limits, SSO blocks and a 2xx write probe are facts about the token;
    /// notes only for a visible repository, since a hidden one's probes answer 404 by design.
    /// </summary>
    private void ApplyProbeResults(InspectionDraft result, RepositoryRequest repository, ProbeResult[] probes, bool visible)
    {
        foreach (var (probe, verdict, answer, unreachable) in probes)
        {
            switch (verdict)
            {
                case ProbeVerdict.UnexpectedSuccess:
                    result.Fail(InspectionStatus.ProviderError,
                        $"GitHub answered {probe.Method.Method} /{probe.Endpoint(repository)} with {answer!.StatusCode}, although the probe sends a payload GitHub must reject; {probe.Scope} was not trusted. Check the repository and report this.");
                    break;
                case ProbeVerdict.RateLimited or ProbeVerdict.SsoRequired or ProbeVerdict.PolicyForbidden:
                    FailWith(result, answer!, $"{probe.Method.Method} /{probe.Endpoint(repository)}");
                    break;
                case ProbeVerdict.Denied when visible:
                    var accepted = GitHubHeaders.AcceptedPermissions(answer!);
                    result.Note(accepted.Count > 0
                        ? $"{probe.Scope} on {repository.Name}: missing (GitHub requires {string.Join(" or ", accepted.Select(set => string.Join(" and ", set)))})."
                        : $"{probe.Scope} on {repository.Name}: missing (GitHub answered {answer!.StatusCode}).");
                    break;
                case ProbeVerdict.Unknown when visible:
                    result.Note(unreachable is not null
                        ? $"{probe.Scope} on {repository.Name}: not checked ({unreachable})"
                        : $"{probe.Scope} on {repository.Name}: undetermined (GitHub answered {answer!.StatusCode}).");
                    break;
            }
        }
    }

    private static RepositoryAccessResult FineGrainedRepository(RepositoryRequest repository, ProbeResult[] probes)
    {
        bool? Contents(string level) => probes
            .Where(p => p.Probe.Scope == "contents=" + level)
            .Select(p => p.Verdict switch { ProbeVerdict.Granted => (bool?)true, ProbeVerdict.Denied => false, _ => null })
            .LastOrDefault();

        var write = Contents("write");
        var read = write == true ? true : Contents("read");
        var enough = repository.Access == RepositoryAccess.ReadWrite ? write : read;
        return repository.Judged(enough, enough == true ? true : read, write, enough switch
        {
            true => null,
            false when repository.Access == RepositoryAccess.ReadWrite => "The token lacks Contents: Read and write on this repository.",
            false => "The token lacks Contents: Read on this repository.",
            null => "GitHub's answers did not settle the token's access to the repository's contents.",
        });
    }
}
