// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net.Http.Headers;
using System.Text;
using GitTokenScopes.Inspection.Internal;
using GitTokenScopes.Providers.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitTokenScopes.BitbucketServer.Internal;

/// <summary>
/// Inspects Bitbucket Server and Data Center HTTP access tokens (PROVIDERS.md §4). <c>GET application-properties</c>
/// proves the token and names its user (<c>X-AUSERNAME</c>); then, concurrently, each repository and the token's own
/// entry in the access-token resource (exact permissions, where shown). Otherwise the needed permissions are probed on
/// each visible repository with requests that cannot change anything.
/// </summary>
internal sealed class BitbucketServerTokenInspector(
    IHttpClientFactory clients,
    IOptionsMonitor<BitbucketServerInspectorOptions> options,
    TimeProvider time,
    ILogger<BitbucketServerTokenInspector> logger) : ProviderInspector<BitbucketServerInspectorOptions>(
        GitProvider.BitbucketServer, "Bitbucket Server", BitbucketServerApiAddress.Placeholder, BitbucketServerApiAddress.Resolve, options, time, logger)
{
    internal const string MetadataNote =
        "Permissions read from the token's own entry in the access-token REST resource. They cap what the token may do; its "
        + "owner's own permissions apply too, and are checked on each named repository.";

    internal const string ProbeNote =
        "Permissions inferred from probes on the named repositories: read-only requests, and for REPO_WRITE a branch with a blank "
        + "name that the server can only reject. Every valid token holds at least REPO_READ.";

    private const string IdentityEndpoint = "application-properties";

    private static readonly ScopeVocabulary Vocabulary = ScopeVocabulary.For(GitProvider.BitbucketServer, TokenFamily.HttpAccessToken);

    private static readonly string[] Permissions = ["PROJECT_READ", "PROJECT_WRITE", "PROJECT_ADMIN", "REPO_READ", "REPO_WRITE", "REPO_ADMIN"];

    private static readonly ProviderOutcome[] NotPermitted = [ProviderOutcome.Unauthorized, ProviderOutcome.Forbidden];

    // PROVIDERS.md §4.2: a read-only request that needs the permission, or for write an invalid payload (400/409/422
    // passed authorization, 401/403 did not): a branch with a blank name from a blank start point, which Bitbucket can only reject.
    private const string InvalidBranch = """{"name":"","startPoint":""}""";

    private static readonly PermissionProbe[] Probes =
    [
        new("REPO_WRITE", HttpMethod.Post, r => BitbucketServerApiAddress.RepositoryPath(r) + "/branches", InvalidBranch, [ProviderOutcome.Rejected], NotPermitted),
        new("REPO_ADMIN", HttpMethod.Get, r => BitbucketServerApiAddress.RepositoryPath(r) + "/webhooks?limit=1", null, [ProviderOutcome.Success], NotPermitted),
        new("PROJECT_READ", HttpMethod.Get, BitbucketServerApiAddress.ProjectPath, null, [ProviderOutcome.Success], [.. NotPermitted, ProviderOutcome.NotFound]),
    ];

    protected override (TokenType Type, TokenFamily? Family) Classify(GitCredential credential) => (TokenType.BitbucketServerHttpAccessToken, TokenFamily.HttpAccessToken);

    protected override ProviderSession Open(Uri apiUrl, GitCredential credential, BitbucketServerInspectorOptions settings)
    {
        var authorization = new AuthenticationHeaderValue("Bearer", credential.Token);
        return Over(clients.CreateClient(GitTokenScopesHttpClientNames.BitbucketServer), apiUrl, credential, settings, r =>
        {
            r.Headers.Authorization = authorization;

            // Bitbucket's XSRF protection rejects write requests from non-browser clients without this header.
            if (r.Content is not null)
            {
                r.Headers.TryAddWithoutValidation("X-Atlassian-Token", "no-check");
            }
        });
    }

    /// <summary>The probe for a permission; <see langword="null"/> when none exists (the permission stays undetermined).</summary>
    internal static PermissionProbe? ProbeFor(string permission) => Array.Find(Probes, p => p.Scope == permission);

    /// <summary>
    /// An HTTP access token's id (PROVIDERS.md §4.1): a token is <c>BBDC-</c> followed by base64 of
    /// <c>&lt;12-digit id&gt;:&lt;secret&gt;</c>; older tokens are the same base64 without the prefix. <see langword="null"/> for another shape.
    /// </summary>
    internal static string? TokenIdOf(string token)
    {
        var encoded = token.StartsWith("BBDC-", StringComparison.Ordinal) ? token["BBDC-".Length..] : token;
        if (encoded.Length is < 8 or > 512)
        {
            return null;
        }

        var padded = encoded.Replace('-', '+').Replace('_', '/');
        padded = padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '=');
        Span<byte> bytes = stackalloc byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, bytes, out var written))
        {
            return null;
        }

        var decoded = bytes[..written];
        var colon = decoded.IndexOf((byte)':');
        if (colon is < 6 or > 20 || colon == decoded.Length - 1)
        {
            return null;
        }

        return decoded[..colon].ContainsAnyExceptInRange((byte)'0', (byte)'9') ? null : Encoding.ASCII.GetString(decoded[..colon]);
    }

    private RateLimitInfo? RateLimit(ProviderAnswer answer) => answer.RateLimit(Time, "X-RateLimit-Limit", "X-RateLimit-Remaining", null);

    private void FailWith(InspectionDraft result, ProviderAnswer answer, string what)
    {
        result.RateLimit = RateLimit(answer) ?? result.RateLimit;
        Fail(result, ProviderStatusMap.Classify(answer.StatusCode), answer, what, BitbucketServerJson.ErrorMessage(answer.Body));
    }

    /// <summary>The permissions the requirements name, as this vocabulary writes them.</summary>
    private static HashSet<string> Wanted(TokenInspectionRequest request)
        => request.Requirements
            .Where(r => r.Key.Provider == GitProvider.BitbucketServer)
            .SelectMany(r => r.Clauses)
            .SelectMany(c => c.AnyOf)
            .Select(Vocabulary.Normalize)
            .ToHashSet(StringComparer.Ordinal);

    protected override async Task InspectCoreAsync(ProviderSession session, TokenInspectionRequest request, InspectionDraft result, BitbucketServerInspectorOptions settings, CancellationToken cancellationToken)
    {
        var tokenId = TokenIdOf(request.Credential.Token);
        var accessTokens = BitbucketServerApiAddress.AccessTokens(session.ApiUrl);
        var readMetadata = settings.ReadTokenMetadata;
        var identity = (await session.GetAsync(IdentityEndpoint, cancellationToken).ConfigureAwait(false)).Required;
        result.RateLimit = RateLimit(identity);
        if (!identity.IsSuccess)
        {
            FailWith(result, identity, "GET rest/api/1.0/application-properties");
            return;
        }

        if (identity.Header("X-AUSERNAME")?.Trim() is not { Length: > 0 } username)
        {
            result.Fail(InspectionStatus.Invalid, "Bitbucket Server answered without X-AUSERNAME: it did not accept the token and served the request anonymously.");
            return;
        }

        result.Account = new AccountInfo(username, null, null);

        // Round one: every named repository, and the token's own entry, concurrently. A user's slug is its name in lower
        // case for ordinary names; where it differs, the lookup misses and the permissions are probed instead.
        var repositoriesTask = session.GetEachAsync(request.Repositories, BitbucketServerApiAddress.RepositoryPath, cancellationToken);
        var metadataTask = readMetadata && tokenId is not null && accessTokens is not null
            ? session.GetAsync(new Uri(accessTokens, $"users/{Uri.EscapeDataString(username.ToLowerInvariant())}/{tokenId}").ToString(), cancellationToken)
            : null;
        await Task.WhenAll(repositoriesTask, metadataTask ?? Task.CompletedTask).ConfigureAwait(false);

        var metadata = metadataTask is null ? null : (await metadataTask.ConfigureAwait(false)).Required;
        var exact = metadata is { IsSuccess: true } ? BitbucketServerJson.AccessToken(metadata.Body) : null;
        var type = TokenType.BitbucketServerPersonal;
        if (exact is null && metadata is { StatusCode: 404 } && request.Repositories.Count > 0)
        {
            // Not one of its user's personal tokens: a project or repository token lives under its project or repository.
            (type, exact, metadata) = await ScopedTokenAsync(session, accessTokens!, request.Repositories[0], tokenId!, cancellationToken).ConfigureAwait(false);
        }

        if (exact is { } token)
        {
            result.Type = type;
            result.Granted = GrantedScopes.Create(Vocabulary, token.Permissions);
            result.ExpiresAt = token.ExpiresAt;
            result.ExpiryKnown = true;
            result.Note(MetadataNote);
        }
        else
        {
            result.Note(!readMetadata ? "Reading the token's own permissions is turned off (ReadTokenMetadata)."
                : tokenId is null ? "The token is not in the BBDC- format, so its id and its own permissions could not be looked up."
                : accessTokens is null ? "The API URL does not end with rest/api/1.0, so the access-token resource could not be located."
                : metadata is null ? "The token's own permissions were not looked up."
                : metadata.IsSuccess ? "The server's answer about the token's own permissions could not be read."
                : $"The instance did not show the token's own permissions (the access-token resource answered {metadata.StatusCode}).");
        }

        var repositoryAnswers = await repositoriesTask.ConfigureAwait(false);

        // Round two: the probes, on every visible repository, concurrently.
        var wanted = exact is null ? Wanted(request) : [];
        var probes = new List<(int Repository, Task<ProbeResult> Result)>();
        foreach (var i in Enumerable.Range(0, repositoryAnswers.Length).Where(i => Visible(repositoryAnswers[i])))
        {
            var permissions = new HashSet<string>(wanted, StringComparer.Ordinal);
            if (request.Repositories[i].Access == RepositoryAccess.ReadWrite && (exact is null || result.Granted!.Grants("REPO_WRITE")))
            {
                permissions.Add("REPO_WRITE");
            }

            foreach (var permission in permissions.Order(StringComparer.Ordinal))
            {
                if (ProbeFor(permission) is { } probe)
                {
                    probes.Add((i, ProbeAsync(session, result.CredentialFingerprint, request.Repositories[i], probe, a => ProviderStatusMap.Classify(a.StatusCode), cancellationToken)));
                }
            }
        }

        await Task.WhenAll(probes.Select(p => p.Result)).ConfigureAwait(false);
        var verdicts = new List<(int Repository, string Permission, ProbeVerdict Verdict)>();
        foreach (var (index, task) in probes)
        {
            var repository = request.Repositories[index].Name;
            var (probe, verdict, reply, unreachable) = await task.ConfigureAwait(false);
            if (reply is not { } answer)
            {
                // No answer: the verdict is Unknown.
                result.Note($"The {probe.Scope} probe on {repository} was not checked ({unreachable})");
            }
            else if (verdict == ProbeVerdict.UnexpectedSuccess)
            {
                result.Fail(InspectionStatus.ProviderError,
                    $"The write probe {probe.Method.Method} for {probe.Scope} on {repository} answered {answer.StatusCode}; it was built to be rejected, so the answer cannot be trusted and the permission stays undetermined.");
            }
            else if (verdict == ProbeVerdict.RateLimited)
            {
                FailWith(result, answer, $"the {probe.Scope} probe on {repository}");
            }

            verdicts.Add((index, probe.Scope, verdict));
        }

        if (exact is null)
        {
            result.Granted = Inferred(verdicts);
            result.Note(ProbeNote);
            if (request.Repositories.Count == 0)
            {
                result.Note("No repository was named, so nothing beyond REPO_READ could be probed: name a repository to learn the token's permissions.");
            }
        }

        for (var i = 0; i < repositoryAnswers.Length; i++)
        {
            var write = verdicts.Where(v => v.Repository == i && v.Permission == "REPO_WRITE").Select(v => (ProbeVerdict?)v.Verdict).FirstOrDefault();
            var repository = request.Repositories[i];
            result.Repositories.Add(repositoryAnswers[i].Assess(repository, answer => RepositoryResult(result, repository, answer, write, exact is not null)));
        }
    }

    /// <summary>Looks the token up as a token of the first repository and of its project, concurrently; the first with permissions wins.</summary>
    private static async Task<(TokenType Type, (IReadOnlyList<string> Permissions, DateTimeOffset? ExpiresAt)? Token, ProviderAnswer Last)> ScopedTokenAsync(
        ProviderSession session, Uri accessTokens, RepositoryRequest repository, string tokenId, CancellationToken cancellationToken)
    {
        var project = Uri.EscapeDataString(repository.Owner);
        var slug = Uri.EscapeDataString(repository.Repository);
        var repositoryTask = session.GetAsync(new Uri(accessTokens, $"projects/{project}/repos/{slug}/{tokenId}").ToString(), cancellationToken);
        var projectTask = session.GetAsync(new Uri(accessTokens, $"projects/{project}/{tokenId}").ToString(), cancellationToken);
        await Task.WhenAll(repositoryTask, projectTask).ConfigureAwait(false);
        var (byRepository, byProject) = ((await repositoryTask.ConfigureAwait(false)).Required, (await projectTask.ConfigureAwait(false)).Required);
        return byRepository.IsSuccess && BitbucketServerJson.AccessToken(byRepository.Body) is { } repositoryToken ? (TokenType.BitbucketServerRepository, repositoryToken, byRepository)
            : byProject.IsSuccess && BitbucketServerJson.AccessToken(byProject.Body) is { } projectToken ? (TokenType.BitbucketServerProject, projectToken, byProject)
            : (TokenType.BitbucketServerHttpAccessToken, null, byRepository);
    }

    private static bool Visible(ProviderReply reply) => reply.Answer is { IsSuccess: true } answer && BitbucketServerJson.RepositorySlug(answer.Body) is not null;

    /// <summary>
    /// The probes' grant: held when every probed repository grants it, not held (with all that implies it) when any
    /// refuses, else undetermined. Every valid token holds REPO_READ.
    /// </summary>
    private static GrantedScopes Inferred(List<(int Repository, string Permission, ProbeVerdict Verdict)> verdicts)
    {
        var groups = verdicts.GroupBy(v => v.Permission).ToArray();
        var denied = groups.Where(g => g.Any(v => v.Verdict == ProbeVerdict.Denied)).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        List<string> granted = ["REPO_READ", .. groups.Where(g => !denied.Contains(g.Key) && g.All(v => v.Verdict == ProbeVerdict.Granted)).Select(g => g.Key)];

        var held = Vocabulary.Expand(granted);
        var undetermined = Permissions
            .Where(p => !held.Contains(p))
            .Where(p => !Vocabulary.Expand([p]).Overlaps(denied))
            .ToArray();
        return GrantedScopes.Create(Vocabulary, granted, undetermined);
    }

    private RepositoryAccessResult RepositoryResult(
        InspectionDraft result, RepositoryRequest repository, ProviderAnswer answer, ProbeVerdict? write, bool exact)
    {
        var outcome = ProviderStatusMap.Classify(answer.StatusCode);
        var said = BitbucketServerJson.ErrorMessage(answer.Body) is { } message ? $" ({message})" : string.Empty;
        switch (outcome)
        {
            case ProviderOutcome.Success when BitbucketServerJson.RepositorySlug(answer.Body) is not null:
            {
                if (repository.Access == RepositoryAccess.Read)
                {
                    return repository.Judged(true, true, null, null);
                }

                bool? canWrite = exact && !result.Granted!.Grants("REPO_WRITE") ? false
                    : write switch
                    {
                        ProbeVerdict.Granted => true,
                        ProbeVerdict.Denied => false,
                        _ => null,
                    };
                var text = canWrite switch
                {
                    true => null,
                    false when exact && !result.Granted!.Grants("REPO_WRITE") => "The token's permissions do not include REPO_WRITE.",
                    false => "The server refused the write probe: the token, or its owner, may not push to the repository.",
                    null => "Write access could not be determined: the write probe's answer could not be interpreted.",
                };
                return repository.Judged(canWrite, true, canWrite, text);
            }

            case ProviderOutcome.NotFound or ProviderOutcome.Unauthorized or ProviderOutcome.Forbidden:
                return repository.NotVisible($"Bitbucket Server does not show the repository to the token: it does not exist, or the token or its owner has no access{said}.");
            case ProviderOutcome.RateLimited:
                FailWith(result, answer, $"GET {BitbucketServerApiAddress.RepositoryPath(repository)}");
                return repository.Unknown("Not checked: Bitbucket Server's rate limit was reached.");
            case ProviderOutcome.Success:
                return repository.Unknown("Bitbucket Server's answer could not be read.");
            default:
                return repository.Unknown($"Bitbucket Server answered {answer.StatusCode}{said}.");
        }
    }
}
