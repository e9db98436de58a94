// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net.Http.Headers;
using System.Text;
using GitTokenScopes.Inspection.Internal;
using GitTokenScopes.Providers.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitTokenScopes.BitbucketCloud.Internal;

/// <summary>
/// Inspects Bitbucket Cloud credentials (PROVIDERS.md §3). Basic (app passwords, API tokens): one <c>GET /2.0/user</c>
/// gives scopes, credential type and account. Bearer (access and OAuth tokens): one
/// <c>GET /2.0/repositories?role=member&amp;pagelen=1</c> (access tokens have no user), plus <c>GET /2.0/user</c> for an
/// OAuth token that holds <c>account</c>. One request per repository, concurrently. Rate limits are 429 only.
/// </summary>
internal sealed partial class BitbucketCloudTokenInspector(
    IHttpClientFactory clients,
    IOptionsMonitor<BitbucketCloudInspectorOptions> options,
    TimeProvider time,
    ILogger<BitbucketCloudTokenInspector> logger) : ITokenInspector
{
    internal const string AccessTokenNote =
        "Repository, project and workspace access tokens act as their own user: they have no Bitbucket account, so the account "
        + "and workspace-membership scopes cannot apply to them.";

    private const string ListingEndpoint = "repositories?role=member&pagelen=1";

    public GitProvider Provider => GitProvider.BitbucketCloud;

    public async Task<TokenInspection> InspectAsync(TokenInspectionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var credential = request.Credential;
        var (apiUrl, addressError) = BitbucketCloudApiAddress.Resolve(credential);
        var result = new InspectionDraft(GitProvider.BitbucketCloud, credential, apiUrl ?? credential.ApiUrl ?? credential.ServerUrl ?? BitbucketCloudApiAddress.BitbucketOrg, TokenType.Unknown, null);
        if (credential.Provider != GitProvider.BitbucketCloud)
        {
            return Finish(result.Fail(InspectionStatus.Misconfigured, $"The credential is for {credential.Provider.ToWireName()}, not Bitbucket Cloud."), 0);
        }

        if (apiUrl is null)
        {
            return Finish(result.Fail(InspectionStatus.Misconfigured, addressError), 0);
        }

        if (string.Equals(credential.Username, BitbucketCloudCredentialClassifier.GitApiTokenUser, StringComparison.OrdinalIgnoreCase)
            || (!BitbucketCloudCredentialClassifier.UsesBasic(credential) && credential.Token.StartsWith(BitbucketCloudCredentialClassifier.ApiTokenPrefix, StringComparison.Ordinal)))
        {
            result.Type = TokenType.BitbucketApiToken;
            result.Family = TokenFamily.ApiToken;
            return Finish(result.Fail(InspectionStatus.Misconfigured, $"Atlassian API tokens authenticate to the REST API with Basic authentication and the Atlassian account's e-mail address as the username ({BitbucketCloudCredentialClassifier.GitApiTokenUser} is for Git only)."), 0);
        }

        if (credential.Username?.Contains(':', StringComparison.Ordinal) == true)
        {
            return Finish(result.Fail(InspectionStatus.Misconfigured, "A Basic authentication user name cannot contain ':'."), 0);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var basic = BitbucketCloudCredentialClassifier.UsesBasic(credential);
        var authorization = basic
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credential.Username}:{credential.Token}")))
            : new AuthenticationHeaderValue("Bearer", credential.Token);
        using var session = ProviderSession.Over(clients.CreateClient(GitTokenScopesHttpClientNames.BitbucketCloud), "Bitbucket Cloud", apiUrl, options.CurrentValue, time,
            r => r.Headers.Authorization = authorization);
        Log.InspectionStarted(logger, credential.Fingerprint, apiUrl.Host, basic ? "Basic" : "Bearer");
        try
        {
            await (basic
                ? InspectUserBoundAsync(session, request, result, cancellationToken)
                : InspectBearerAsync(session, request, result, cancellationToken)).ConfigureAwait(false);
        }
        catch (ProviderUnreachableException exception)
        {
            result.Fail(exception.Status, exception.Message);
        }

        return Finish(result, session.RequestCount);
    }

    /// <summary>Three-valued "holds": granted, not granted, or undetermined when the scopes could not be read.</summary>
    private static bool? Holds(GrantedScopes granted, string scope)
        => granted.Grants(scope) ? true : granted.AllOthersUndetermined || granted.Undetermined.Contains(scope) ? null : false;

    private static (string Read, string Write) RepositoryScopes(TokenFamily? family)
        => family == TokenFamily.ApiToken ? ("read:repository:bitbucket", "write:repository:bitbucket") : ("repository", "repository:write");

    private static bool? All(params bool?[] values)
        => values.Contains(false) ? false : values.Contains(null) ? null : true;

    private static RepositoryAccessState StateOf(bool? enough)
        => enough switch { true => RepositoryAccessState.Granted, false => RepositoryAccessState.Insufficient, null => RepositoryAccessState.Unknown };

    /// <summary>App passwords and API tokens: <c>GET /user</c> and one permission lookup per repository, concurrently.</summary>
    private async Task InspectUserBoundAsync(ProviderSession session, TokenInspectionRequest request, InspectionDraft result, CancellationToken cancellationToken)
    {
        var identityTask = SendAsync(session, result.CredentialFingerprint, "user", cancellationToken);
        var repositoryTasks = request.Repositories.Select(r => SendAsync(session, result.CredentialFingerprint, BitbucketCloudApiAddress.PermissionPath(r), cancellationToken)).ToArray();
        var repositories = await Task.WhenAll(repositoryTasks).ConfigureAwait(false);
        var identity = (await identityTask.ConfigureAwait(false)).Required;
        if (!Learn(result, identity, "GET /user", basic: true))
        {
            return;
        }

        if (identity.IsSuccess)
        {
            result.Account = BitbucketCloudJson.Account(identity.Body);
            if (result.Account is null)
            {
                result.Fail(InspectionStatus.ProviderError, "Bitbucket Cloud's answer to GET /user could not be read.");
                return;
            }
        }

        for (var i = 0; i < repositories.Length; i++)
        {
            result.Repositories.Add(UserRepository(result, request.Repositories[i], repositories[i]));
        }
    }

    /// <summary>Access tokens and OAuth tokens: a one-item repository listing first (access tokens have no user), then the repositories.</summary>
    private async Task InspectBearerAsync(ProviderSession session, TokenInspectionRequest request, InspectionDraft result, CancellationToken cancellationToken)
    {
        var listing = (await SendAsync(session, result.CredentialFingerprint, ListingEndpoint, cancellationToken).ConfigureAwait(false)).Required;
        if (!Learn(result, listing, "GET /repositories", basic: false))
        {
            return;
        }

        if (listing.IsSuccess && BitbucketCloudJson.Listing(listing.Body) is null)
        {
            result.Fail(InspectionStatus.ProviderError, "Bitbucket Cloud's answer to GET /repositories could not be read.");
            return;
        }

        var accessToken = BitbucketCloudCredentialClassifier.IsAccessToken(result.Type);
        var userScope = result.Family == TokenFamily.ApiToken ? "read:user:bitbucket" : "account";
        var identityTask = !accessToken && result.Granted!.Grants(userScope) ? SendAsync(session, result.CredentialFingerprint, "user", cancellationToken) : null;
        var repositoryTasks = request.Repositories
            .Select(r => SendAsync(session, result.CredentialFingerprint, accessToken ? BitbucketCloudApiAddress.RepositoryPath(r) : BitbucketCloudApiAddress.PermissionPath(r), cancellationToken))
            .ToArray();
        var repositories = await Task.WhenAll(repositoryTasks).ConfigureAwait(false);
        var identityReply = identityTask is null ? (ProviderReply?)null : await identityTask.ConfigureAwait(false);

        if (accessToken)
        {
            result.Note(AccessTokenNote);
        }
        else if (identityReply is { } reply)
        {
            result.Account = reply.Answer is { IsSuccess: true } identity ? BitbucketCloudJson.Account(identity.Body) : null;
            if (result.Account is null)
            {
                result.Note(reply.Answer is { } answer ? $"The account could not be read (GET /user answered {answer.StatusCode})." : $"GET /user was not answered ({reply.Unreachable}); the account is unknown.");
            }
        }
        else
        {
            result.Note($"The token does not hold {userScope}, so its account was not read.");
        }

        for (var i = 0; i < repositories.Length; i++)
        {
            result.Repositories.Add(accessToken ? AccessTokenRepository(result, request.Repositories[i], repositories[i]) : UserRepository(result, request.Repositories[i], repositories[i]));
        }
    }

    /// <summary>
    /// Reads the scopes and the credential type from the answer a whole inspection depends on. A 403 still carries the
    /// credential's scopes (header or <c>error.detail.granted</c>): the credential is valid and lacks what the endpoint needs.
    /// </summary>
    /// <returns><see langword="true"/> when the grant was learnt; otherwise the draft has failed.</returns>
    private static bool Learn(InspectionDraft result, ProviderAnswer answer, string what, bool basic)
    {
        var outcome = ProviderStatusMap.Classify(answer.StatusCode);
        var scopes = BitbucketCloudHeaders.Scopes(answer);
        var credentialType = BitbucketCloudHeaders.Credential(answer);
        result.RateLimit = BitbucketCloudHeaders.RateLimit(answer) ?? result.RateLimit;
        if (outcome != ProviderOutcome.Success)
        {
            var (message, required, grantedInBody) = BitbucketCloudJson.Error(answer.Body);
            if (outcome != ProviderOutcome.Forbidden || (scopes ?? grantedInBody) is null)
            {
                FailWith(result, outcome, answer, what, message, required, basic);
                return false;
            }

            scopes ??= grantedInBody;
            var needed = required ?? BitbucketCloudHeaders.AcceptedScopes(answer);
            result.Note($"Bitbucket Cloud refused {what} (403): the credential lacks {(needed.Count == 0 ? "a scope it needs" : string.Join(" or ", needed))}, so its account could not be read.");
        }

        var known = scopes ?? [];
        result.Type = BitbucketCloudCredentialClassifier.Classify(credentialType, basic, known);
        var family = BitbucketCloudCredentialClassifier.FamilyOf(result.Type, known);
        result.Family = family;
        var vocabulary = ScopeVocabulary.For(GitProvider.BitbucketCloud, family);
        if (scopes is null)
        {
            result.Granted = GrantedScopes.CreateUndetermined(vocabulary);
            result.Note("Bitbucket Cloud sent no x-oauth-scopes header: the credential's scopes could not be read, so every scope is undetermined.");
        }
        else
        {
            result.Granted = GrantedScopes.Create(vocabulary, scopes);
        }

        if (credentialType is null)
        {
            result.Note("Bitbucket Cloud sent no x-credential-type header: the credential type was inferred from the authentication method and the scope names.");
        }

        if (result.Type == TokenType.BitbucketAppPassword)
        {
            result.Note(BitbucketCloudGuide.AppPasswordRetirement);
        }

        if (result.Type == TokenType.BitbucketApiToken && family == TokenFamily.AppPassword)
        {
            result.Note("The API token reported classic scope names, so it is evaluated against the classic-scope requirements.");
        }

        return true;
    }

    private static void FailWith(InspectionDraft result, ProviderOutcome outcome, ProviderAnswer answer, string what, string? message, IReadOnlyList<string>? required, bool basic)
    {
        var said = message is null ? string.Empty : $": {message}";
        var status = ProviderStatusMap.StatusOf(outcome);
        var text = outcome switch
        {
            ProviderOutcome.Unauthorized => $"Bitbucket Cloud rejected the credential (401{said}). "
                + (basic
                    ? "With an app password the user name must be the Bitbucket username; with an API token, the Atlassian account's e-mail address. Otherwise the secret is wrong, expired or revoked."
                    : "The token is unknown, expired or revoked."),
            ProviderOutcome.RateLimited => result.RateLimit?.RetryAfter is { } wait
                ? $"Bitbucket Cloud's rate limit was reached (429); retry after {wait.TotalSeconds:0} s."
                : "Bitbucket Cloud's rate limit was reached (429); it counts requests over a rolling hour, so retry later.",
            ProviderOutcome.Forbidden => $"Bitbucket Cloud refused {what} (403{said})"
                + (required is { Count: > 0 } ? $"; it requires {string.Join(" or ", required)}." : "."),
            _ => ProviderStatusMap.ProviderErrorMessage("Bitbucket Cloud", what, answer.StatusCode, said),
        };
        result.Fail(status, text);
    }

    /// <summary>A user-bound credential's access: the account's permission on the repository, capped by the credential's scopes.</summary>
    private static RepositoryAccessResult UserRepository(InspectionDraft result, RepositoryRequest repository, ProviderReply reply)
    {
        if (reply.Answer is not { } answer)
        {
            return reply.NotChecked(repository);
        }

        var outcome = ProviderStatusMap.Classify(answer.StatusCode);
        if (outcome == ProviderOutcome.Success && BitbucketCloudJson.Listing(answer.Body) is { } items)
        {
            var permission = items.FirstOrDefault(i => string.Equals(i?.Repository?.FullName, repository.Name, StringComparison.OrdinalIgnoreCase))?.Permission?.ToLowerInvariant();
            if (permission is null)
            {
                return new(repository.Name, repository.Access, RepositoryAccessState.NotVisible, false, false,
                    "Bitbucket Cloud lists no permission of the account on the repository: it does not exist or the account has no access.");
            }

            var granted = result.Granted!;
            var (readScope, writeScope) = RepositoryScopes(result.Family);
            var canRead = Holds(granted, readScope);
            bool? canWrite = permission is "write" or "admin" ? Holds(granted, writeScope) : false;
            var enough = repository.Access == RepositoryAccess.Read ? canRead : All(canRead, canWrite);
            string? message = null;
            if (enough != true)
            {
                var reasons = new List<string>();
                if (canRead == false)
                {
                    reasons.Add($"the credential lacks the {readScope} scope");
                }

                if (repository.Access == RepositoryAccess.ReadWrite && permission is not ("write" or "admin"))
                {
                    reasons.Add($"the account's permission on the repository is {permission}");
                }
                else if (repository.Access == RepositoryAccess.ReadWrite && canWrite == false)
                {
                    reasons.Add($"the credential lacks the {writeScope} scope");
                }

                message = reasons.Count > 0 ? char.ToUpperInvariant(reasons[0][0]) + string.Join("; ", reasons)[1..] + "." : "The credential's scopes could not be read.";
            }

            return new(repository.Name, repository.Access, StateOf(enough), canRead, canWrite, message);
        }

        return outcome == ProviderOutcome.NotFound
            ? new(repository.Name, repository.Access, RepositoryAccessState.NotVisible, false, false, "Bitbucket Cloud does not show the repository: it does not exist or the account has no access.")
            : UnknownRepository(result, repository, answer, outcome);
    }

    /// <summary>An access token's access: it reaches the repositories of its repository, project or workspace, as its scopes allow.</summary>
    private static RepositoryAccessResult AccessTokenRepository(InspectionDraft result, RepositoryRequest repository, ProviderReply reply)
    {
        if (reply.Answer is not { } answer)
        {
            return reply.NotChecked(repository);
        }

        var outcome = ProviderStatusMap.Classify(answer.StatusCode);
        switch (outcome)
        {
            case ProviderOutcome.Success when BitbucketCloudJson.RepositoryName(answer.Body) is not null:
            {
                var (_, writeScope) = RepositoryScopes(result.Family);
                var canWrite = Holds(result.Granted!, writeScope);
                var enough = repository.Access == RepositoryAccess.Read ? true : canWrite;
                return new(repository.Name, repository.Access, StateOf(enough), true, canWrite,
                    enough == false ? $"The token lacks the {writeScope} scope." : null);
            }

            case ProviderOutcome.NotFound:
                return new(repository.Name, repository.Access, RepositoryAccessState.NotVisible, false, false,
                    "Bitbucket Cloud does not show the repository to the token: it is outside the token's repository, project or workspace, or does not exist.");
            case ProviderOutcome.Forbidden:
            {
                var (message, required, _) = BitbucketCloudJson.Error(answer.Body);
                return new(repository.Name, repository.Access, RepositoryAccessState.Insufficient, false, false,
                    $"Bitbucket Cloud refused to show the repository to the token (403{(message is null ? string.Empty : $": {message}")})"
                    + (required is { Count: > 0 } ? $"; it requires {string.Join(" or ", required)}." : "."));
            }

            default:
                return UnknownRepository(result, repository, answer, outcome);
        }
    }

    /// <summary>A repository call that neither succeeded nor said "not visible": rate limit, outage, refusal or a malformed answer.</summary>
    private static RepositoryAccessResult UnknownRepository(InspectionDraft result, RepositoryRequest repository, ProviderAnswer answer, ProviderOutcome outcome)
    {
        if (outcome == ProviderOutcome.RateLimited)
        {
            result.RateLimit = BitbucketCloudHeaders.RateLimit(answer) ?? result.RateLimit;
            FailWith(result, outcome, answer, $"GET /{BitbucketCloudApiAddress.RepositoryPath(repository)}", null, null, basic: false);
        }

        var (said, required, _) = outcome == ProviderOutcome.Success ? (null, null, null) : BitbucketCloudJson.Error(answer.Body);
        var message = outcome switch
        {
            ProviderOutcome.RateLimited => "Not checked: Bitbucket Cloud's rate limit was reached.",
            ProviderOutcome.Success => "Bitbucket Cloud's answer could not be read.",
            ProviderOutcome.Forbidden => "Bitbucket Cloud refused to show the account's permission on the repository (403"
                + (said is null ? ")" : $": {said})")
                + (required is { Count: > 0 } ? $"; it requires {string.Join(" or ", required)}." : "."),
            _ => $"Bitbucket Cloud answered {answer.StatusCode}.",
        };
        return new(repository.Name, repository.Access, RepositoryAccessState.Unknown, null, null, message);
    }

    /// <summary>Sends one GET; no answer becomes a reply with the reason, the caller's cancellation throws.</summary>
    private async Task<ProviderReply> SendAsync(ProviderSession session, string fingerprint, string endpoint, CancellationToken cancellationToken)
    {
        var reply = await session.TrySendAsync(HttpMethod.Get, endpoint, null, cancellationToken).ConfigureAwait(false);
        if (reply.Answer is { } answer && logger.IsEnabled(LogLevel.Trace))
        {
            var path = "GET /" + endpoint.Split('?')[0];
            var credentialType = BitbucketCloudHeaders.Credential(answer);
            var scopes = answer.Header(BitbucketCloudHeaders.OAuthScopes);
            Log.AnswerReceived(logger, fingerprint, path, answer.StatusCode, credentialType, scopes);
        }

        return reply;
    }

    private TokenInspection Finish(InspectionDraft draft, int requestCount)
    {
        var inspection = draft.Build(requestCount);
        Log.InspectionFinished(logger, inspection.CredentialFingerprint, inspection.ApiUrl.Host, inspection.Status, inspection.TokenType, requestCount);
        return inspection;
    }

    /// <summary>Bitbucket Cloud log events: ids 300–399. The credential is never logged, only its fingerprint.</summary>
    internal static partial class Log
    {
        [LoggerMessage(EventId = 300, EventName = "BitbucketCloudInspectionStarted", Level = LogLevel.Debug,
            Message = "Inspecting Bitbucket Cloud credential {Fingerprint} at {ApiHost} ({Scheme} authentication)")]
        public static partial void InspectionStarted(ILogger logger, string fingerprint, string apiHost, string scheme);

        [LoggerMessage(EventId = 301, EventName = "BitbucketCloudInspectionFinished", Level = LogLevel.Information,
            Message = "Bitbucket Cloud credential {Fingerprint} at {ApiHost}: {Status} (type {TokenType}, {RequestCount} requests)")]
        public static partial void InspectionFinished(ILogger logger, string fingerprint, string apiHost, InspectionStatus status, TokenType tokenType, int requestCount);

        [LoggerMessage(EventId = 302, EventName = "BitbucketCloudAnswerReceived", Level = LogLevel.Trace,
            Message = "Bitbucket Cloud credential {Fingerprint}: {Endpoint} answered {StatusCode} (credential type {CredentialType}, scopes {Scopes})")]
        public static partial void AnswerReceived(ILogger logger, string fingerprint, string endpoint, int statusCode, string? credentialType, string? scopes);
    }
}
