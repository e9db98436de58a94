// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Inspection.Internal;
using GitTokenScopes.Providers.Internal;
namespace GitTokenScopes.GitHub.Internal;

internal sealed partial class GitHubTokenInspector
{
    private static readonly string[] Levels = ["read", "write", "admin"];

    /// <summary>
    /// Fine-grained PATs and App tokens: GitHub exposes no permission list, so the identity and each named repository
    /// are read and, in the same round, exactly the permission levels needed are probed on each named repository. The
    /// probes' verdicts and notes count only for the repositories whose GET shows them to the token.
    /// </summary>
    /// <remarks>
    /// A probe depends only on the repository's name, its requested access and the needed levels, never on the GET's
    /// answer, so waiting for the GET would only add a round trip. The price: a repository the token cannot see costs
    /// its probes too (they answer 404 and are ignored). What a probe proves about the whole token still counts there:
    /// a rate limit or an SSO block fails the inspection, and a write probe answered 2xx makes it a provider error.
    /// </remarks>
    private async Task InspectFineGrainedAsync(ProviderSession session, TokenInspectionRequest request, InspectionDraft result, CancellationToken cancellationToken)
    {
        var installation = result.Type == TokenType.GitHubAppInstallation;

        // Installation tokens get 403 on /user; they list what they can reach instead (no permission needed).
        var identityTask = session.TrySendAsync(HttpMethod.Get, installation ? "installation/repositories?per_page=100" : "user", null, cancellationToken);
        var needed = NeededPermissions(request);
        var repositories = request.Repositories;

        // Every GET is queued before any probe, so that under the session's concurrency cap the reads go out first.
        var reads = new Task<ProviderReply>[repositories.Count];
        for (var i = 0; i < reads.Length; i++)
        {
            reads[i] = session.TrySendAsync(HttpMethod.Get, GitHubApiAddress.RepositoryPath(repositories[i]), null, cancellationToken);
        }

        var readProbes = ProbesFor(RepositoryAccess.Read, needed);
        var readWriteProbes = ProbesFor(RepositoryAccess.ReadWrite, needed);
        var probeRuns = new Task<ProbeResult[]>[repositories.Count];
        for (var i = 0; i < probeRuns.Length; i++)
        {
            var repository = repositories[i];
            probeRuns[i] = ProbeAllAsync(session, result.CredentialFingerprint, repository, repository.Access == RepositoryAccess.ReadWrite ? readWriteProbes : readProbes, cancellationToken);
        }

        // Every request settles before any answer is read, so none is still running when the inspection ends.
        var probes = await Task.WhenAll(probeRuns).ConfigureAwait(false);
        var answers = await Task.WhenAll(reads).ConfigureAwait(false);
        var identity = (await identityTask.ConfigureAwait(false)).Required;
        var visible = new bool[answers.Length];
        var visibleCount = 0;
        for (var i = 0; i < answers.Length; i++)
        {
            visible[i] = answers[i].Answer is { } read && GitHubStatusMap.Classify(read) == ProviderOutcome.Success;
            if (visible[i])
            {
                visibleCount++;
                ApplyProbeResults(result, repositories[i], probes[i], visible: true);
            }
        }

        if (!identity.IsSuccess)
        {
            FailWith(result, identity, installation ? "GET /installation/repositories" : "GET /user");
            return;
        }

        result.ExpiresAt = GitHubHeaders.Expiration(identity);
        result.ExpiryKnown = result.ExpiresAt is not null || result.Type == TokenType.GitHubFineGrained;
        result.RateLimit = GitHubHeaders.RateLimit(identity, time);
        var granted = new List<string>();
        var undetermined = new List<string>();
        if (installation)
        {
            if (GitHubJson.Installation(identity.Body) is not { } listing)
            {
                result.Fail(InspectionStatus.ProviderError, "GitHub's answer to GET /installation/repositories could not be read.");
                return;
            }

            if (listing.Selection is "all" or "selected")
            {
                granted.Add("repository_selection=" + listing.Selection);
            }
        }
        else
        {
            result.Account = GitHubJson.Account(identity.Body);
        }

        var repositoryStates = new RepositoryAccessResult[repositories.Count];
        for (var i = 0; i < answers.Length; i++)
        {
            var repository = repositories[i];
            repositoryStates[i] = answers[i].Answer is not { } read ? answers[i].NotChecked(repository) : GitHubStatusMap.Classify(read) switch
            {
                ProviderOutcome.Success => FineGrainedRepository(repository, probes[i]),
                ProviderOutcome.NotFound => new(repository.Name, repository.Access, RepositoryAccessState.NotVisible, false, false,
                    "GitHub does not show the repository to the token: it is not in the token's repository selection, the account has no access, or an organization's approval is pending."),
                _ => UnknownRepository(result, repository, read),
            };
        }

        // After everything the repositories' own answers decided, as those probes would not have been sent before.
        for (var i = 0; i < answers.Length; i++)
        {
            if (!visible[i])
            {
                ApplyProbeResults(result, repositories[i], probes[i], visible: false);
            }
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
        else if (!installation)
        {
            undetermined.Add("repository_selection=all");
            undetermined.Add("repository_selection=selected");
        }

        if (visibleCount == 0)
        {
            undetermined.Add("metadata=read");
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

            // Only the repositories the token sees count: a hidden repository's probes prove nothing.
            var (probed, grantedCount, denied) = (0, 0, false);
            for (var i = 0; i < probes.Length; i++)
            {
                if (!visible[i])
                {
                    continue;
                }

                foreach (var answered in probes[i])
                {
                    if (answered.Probe == probe)
                    {
                        probed++;
                        grantedCount += answered.Verdict == ProbeVerdict.Granted ? 1 : 0;
                        denied |= answered.Verdict == ProbeVerdict.Denied;
                    }
                }
            }

            if (denied)
            {
                // Missing on at least one repository the token must serve.
            }
            else if (probed > 0 && grantedCount == probed)
            {
                granted.Add(scope);
            }
            else
            {
                undetermined.Add(scope);
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
    private static GitHubPermissionProbe[] ProbesFor(RepositoryAccess access, List<(string Permission, string Level)> needed)
    {
        var contentsLevel = access == RepositoryAccess.ReadWrite ? "write" : "read";
        var contentsNeeded = false;
        var probes = new List<GitHubPermissionProbe>(needed.Count + 1);
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

    private Task<ProbeResult[]> ProbeAllAsync(ProviderSession session, string fingerprint, RepositoryRequest repository, GitHubPermissionProbe[] probes, CancellationToken cancellationToken)
    {
        var runs = new Task<ProbeResult>[probes.Length];
        for (var i = 0; i < runs.Length; i++)
        {
            runs[i] = ProbeAsync(session, fingerprint, repository, probes[i], cancellationToken);
        }

        return Task.WhenAll(runs);
    }

    /// <summary>
    /// Sends one probe and reads its verdict. Nothing is written to the inspection here: the probe may be answered
    /// before its repository's GET, and what it means depends on that GET (see <see cref="ApplyProbeResults"/>).
    /// </summary>
    private async Task<ProbeResult> ProbeAsync(ProviderSession session, string fingerprint, RepositoryRequest repository, GitHubPermissionProbe probe, CancellationToken cancellationToken)
    {
        ProviderAnswer answer;
        try
        {
            answer = await session.SendAsync(probe.Method, probe.Endpoint(repository), probe.IsWrite ? "{}" : null, cancellationToken).ConfigureAwait(false);
        }
        catch (ProviderUnreachableException exception)
        {
            return new ProbeResult(probe, ProbeVerdict.Unknown, null, exception.Message);
        }

        var verdict = probe.Interpret(GitHubStatusMap.Classify(answer));
        Log.ProbeAnswered(logger, fingerprint, probe.Scope, repository.Name, answer.StatusCode, verdict);
        if (verdict == ProbeVerdict.UnexpectedSuccess)
        {
            // Logged at once, whatever the repository's GET says: the request may have changed the repository.
            Log.UnexpectedProbeSuccess(logger, fingerprint, probe.Method.Method, probe.Scope, repository.Name, answer.StatusCode);
        }

        return new ProbeResult(probe, verdict, answer, null);
    }

    /// <summary>
    /// Writes what one repository's probes showed into the inspection. Rate limits, SSO blocks and a write probe
    /// answered 2xx are facts about the token and count for every repository; "missing", "undetermined" and "not
    /// checked" notes only for a repository the token sees, since a hidden repository's probes answer 404 by design.
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
                case ProbeVerdict.RateLimited or ProbeVerdict.SsoRequired:
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
        bool? write = null;
        bool? read = null;
        foreach (var (probe, verdict, _, _) in probes)
        {
            if (probe.Permission != "contents")
            {
                continue;
            }

            bool? known = verdict switch { ProbeVerdict.Granted => true, ProbeVerdict.Denied => false, _ => null };
            if (probe.Level == "write")
            {
                write = known;
            }
            else if (probe.Level == "read")
            {
                read = known;
            }
        }

        read = write == true ? true : read;
        var enough = repository.Access == RepositoryAccess.ReadWrite ? write : read;
        return enough switch
        {
            true => new(repository.Name, repository.Access, RepositoryAccessState.Granted, true, write, null),
            false => new(repository.Name, repository.Access, RepositoryAccessState.Insufficient, read, write,
                repository.Access == RepositoryAccess.ReadWrite ? "The token lacks Contents: Read and write on this repository." : "The token lacks Contents: Read on this repository."),
            null => new(repository.Name, repository.Access, RepositoryAccessState.Unknown, read, write, "GitHub's answers did not settle the token's access to the repository's contents."),
        };
    }

    /// <summary>One probe's verdict, with GitHub's answer, or the reason GitHub could not be reached (then the verdict is Unknown).</summary>
    private readonly record struct ProbeResult(GitHubPermissionProbe Probe, ProbeVerdict Verdict, ProviderAnswer? Answer, string? Unreachable);
}
