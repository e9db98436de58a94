// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Inspection.Internal;
namespace GitTokenScopes.GitHub.Internal;

internal sealed partial class GitHubTokenInspector
{
    private static readonly string[] Levels = ["read", "write", "admin"];

    /// <summary>
    /// Fine-grained PATs and App tokens: GitHub exposes no permission list, so the identity and each named repository
    /// are read, and on each repository the token sees, exactly the permission levels needed are probed as soon as
    /// that repository's answer arrives.
    /// </summary>
    private async Task InspectFineGrainedAsync(GitHubSession session, TokenInspectionRequest request, InspectionDraft result, CancellationToken cancellationToken)
    {
        var installation = result.Type == TokenType.GitHubAppInstallation;

        // Installation tokens get 403 on /user; they list what they can reach instead (no permission needed).
        var identityTask = session.SendAsync(HttpMethod.Get, installation ? "installation/repositories?per_page=100" : "user", withEmptyBody: false, cancellationToken);
        var needed = NeededPermissions(request);

        // Each repository's probes start as soon as its own GET shows it, instead of after every GET and the identity:
        // wall time is the slowest repository's two round trips, not the slowest GET plus the slowest probe.
        var repositoryTasks = request.Repositories
            .Select(r => ReadAndProbeAsync(session, result, r, needed, cancellationToken))
            .ToArray();
        var identity = await identityTask.ConfigureAwait(false);
        var repositoryReads = await Task.WhenAll(repositoryTasks).ConfigureAwait(false);
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

        var visible = new List<RepositoryRequest>();
        var repositoryStates = new RepositoryAccessResult?[request.Repositories.Count];
        for (var i = 0; i < repositoryReads.Length; i++)
        {
            var repository = request.Repositories[i];
            switch (GitHubStatusMap.Classify(repositoryReads[i].Answer))
            {
                case GitHubOutcome.Success:
                    visible.Add(repository);
                    break;
                case GitHubOutcome.NotFound:
                    repositoryStates[i] = new(repository.Name, repository.Access, RepositoryAccessState.NotVisible, false, false,
                        "GitHub does not show the repository to the token: it is not in the token's repository selection, the account has no access, or an organization's approval is pending.");
                    break;
                default:
                    repositoryStates[i] = UnknownRepository(result, repository, repositoryReads[i].Answer);
                    break;
            }
        }

        var byRepository = request.Repositories
            .Zip(repositoryReads, (repository, read) => read.Probes.Select(p => (Repository: repository, p.Probe, p.Verdict)))
            .SelectMany(p => p)
            .ToArray();

        if (visible.Count > 0)
        {
            granted.Add("metadata=read");
            if (!installation && visible.Count == request.Repositories.Count)
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

        if (visible.Count == 0)
        {
            undetermined.Add("metadata=read");
        }

        foreach (var (permission, level) in needed)
        {
            var scope = $"{permission}={level}";
            var outcomes = byRepository.Where(v => v.Probe.Permission == permission && v.Probe.Level == level).Select(v => v.Verdict).ToArray();
            if (GitHubPermissionProbe.For(permission, level) is null)
            {
                undetermined.Add(scope);
                result.Note($"{scope}: GitHub offers no safe way to check this permission; it is undetermined.");
            }
            else if (outcomes.Contains(ProbeVerdict.Denied))
            {
                // Missing on at least one repository the token must serve.
            }
            else if (outcomes.Length > 0 && outcomes.All(v => v == ProbeVerdict.Granted))
            {
                granted.Add(scope);
            }
            else
            {
                undetermined.Add(scope);
            }
        }

        for (var i = 0; i < repositoryStates.Length; i++)
        {
            var repository = request.Repositories[i];
            repositoryStates[i] ??= FineGrainedRepository(repository, byRepository.Where(v => v.Repository == repository).Select(v => (v.Probe, v.Verdict)));
            result.Repositories.Add(repositoryStates[i]!);
        }

        result.Granted = GrantedScopes.Create(FineGrainedVocabulary, granted, undetermined);
        if (request.Repositories.Count == 0 && needed.Count > 0)
        {
            result.Note("GitHub cannot list a fine-grained token's permissions; name a repository the token must reach (for example the Shared Configuration Repository) to check them.");
        }
    }

    /// <summary>
    /// One named repository: its GET, then, when the token sees it, every needed level plus the contents level the
    /// repository needs, probed concurrently.
    /// </summary>
    private async Task<(GitHubAnswer Answer, (GitHubPermissionProbe Probe, ProbeVerdict Verdict)[] Probes)> ReadAndProbeAsync(
        GitHubSession session, InspectionDraft result, RepositoryRequest repository, List<(string Permission, string Level)> needed, CancellationToken cancellationToken)
    {
        var answer = await session.SendAsync(HttpMethod.Get, GitHubApiAddress.RepositoryPath(repository), withEmptyBody: false, cancellationToken).ConfigureAwait(false);
        if (GitHubStatusMap.Classify(answer) != GitHubOutcome.Success)
        {
            return (answer, []);
        }

        var probes = ProbesFor(repository, needed).ToArray();
        var verdicts = await Task.WhenAll(probes.Select(p => ProbeAsync(session, result, repository, p, cancellationToken))).ConfigureAwait(false);
        return (answer, probes.Zip(verdicts).ToArray());
    }

    /// <summary>The strongest level of each fine-grained permission the requirements name (metadata and repository selection are read in round one).</summary>
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

    private static IEnumerable<GitHubPermissionProbe> ProbesFor(RepositoryRequest repository, List<(string Permission, string Level)> needed)
    {
        var contentsLevel = repository.Access == RepositoryAccess.ReadWrite ? "write" : "read";
        var contentsNeeded = needed.Any(n => n.Permission == "contents" && Array.IndexOf(Levels, n.Level) >= Array.IndexOf(Levels, contentsLevel));
        var levels = contentsNeeded ? needed : [.. needed, ("contents", contentsLevel)];
        return levels.Select(n => GitHubPermissionProbe.For(n.Permission, n.Level)).OfType<GitHubPermissionProbe>();
    }

    private async Task<ProbeVerdict> ProbeAsync(GitHubSession session, InspectionDraft result, RepositoryRequest repository, GitHubPermissionProbe probe, CancellationToken cancellationToken)
    {
        GitHubAnswer answer;
        try
        {
            answer = await session.SendAsync(probe.Method, probe.Endpoint(repository), withEmptyBody: probe.IsWrite, cancellationToken).ConfigureAwait(false);
        }
        catch (GitHubUnreachableException exception)
        {
            lock (result)
            {
                result.Note($"{probe.Scope} on {repository.Name}: not checked ({exception.Message})");
            }

            return ProbeVerdict.Unknown;
        }

        var verdict = probe.Interpret(GitHubStatusMap.Classify(answer));
        Log.ProbeAnswered(logger, result.CredentialFingerprint, probe.Scope, repository.Name, answer.StatusCode, verdict);
        lock (result)
        {
            switch (verdict)
            {
                case ProbeVerdict.UnexpectedSuccess:
                    Log.UnexpectedProbeSuccess(logger, result.CredentialFingerprint, probe.Method.Method, probe.Scope, repository.Name, answer.StatusCode);
                    result.Fail(InspectionStatus.ProviderError,
                        $"GitHub answered {probe.Method.Method} /{probe.Endpoint(repository)} with {answer.StatusCode}, although the probe sends a payload GitHub must reject; {probe.Scope} was not trusted. Check the repository and report this.");
                    break;
                case ProbeVerdict.RateLimited or ProbeVerdict.SsoRequired:
                    FailWith(result, answer, $"{probe.Method.Method} /{probe.Endpoint(repository)}");
                    break;
                case ProbeVerdict.Denied:
                    var accepted = GitHubHeaders.AcceptedPermissions(answer);
                    result.Note(accepted.Count > 0
                        ? $"{probe.Scope} on {repository.Name}: missing (GitHub requires {string.Join(" or ", accepted.Select(set => string.Join(" and ", set)))})."
                        : $"{probe.Scope} on {repository.Name}: missing (GitHub answered {answer.StatusCode}).");
                    break;
                case ProbeVerdict.Unknown:
                    result.Note($"{probe.Scope} on {repository.Name}: undetermined (GitHub answered {answer.StatusCode}).");
                    break;
            }
        }

        return verdict;
    }

    private static RepositoryAccessResult FineGrainedRepository(RepositoryRequest repository, IEnumerable<(GitHubPermissionProbe Probe, ProbeVerdict Verdict)> verdicts)
    {
        var contents = verdicts.Where(v => v.Probe.Permission == "contents").ToArray();
        bool? Level(string level) => contents.FirstOrDefault(v => v.Probe.Level == level) is { Probe: not null } found
            ? found.Verdict switch { ProbeVerdict.Granted => true, ProbeVerdict.Denied => false, _ => null }
            : null;
        var write = Level("write");
        var read = write == true ? true : Level("read");
        var enough = repository.Access == RepositoryAccess.ReadWrite ? write : read;
        return enough switch
        {
            true => new(repository.Name, repository.Access, RepositoryAccessState.Granted, true, write, null),
            false => new(repository.Name, repository.Access, RepositoryAccessState.Insufficient, read, write,
                repository.Access == RepositoryAccess.ReadWrite ? "The token lacks Contents: Read and write on this repository." : "The token lacks Contents: Read on this repository."),
            null => new(repository.Name, repository.Access, RepositoryAccessState.Unknown, read, write, "GitHub's answers did not settle the token's access to the repository's contents."),
        };
    }
}
