// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net.Http.Headers;
using System.Text;
using GitTokenScopes.Inspection.Internal;
using GitTokenScopes.Providers.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitTokenScopes.BitbucketCloud.Internal;

/// <summary>
/// Inspects Bitbucket Cloud credentials (PROVIDERS.md §3). One <c>GET /2.0/user</c> gives scopes, credential type and
/// account: user-bound credentials (app passwords, API tokens, OAuth) answer 200, or 403 without <c>account</c>; access
/// tokens have no user and answer 403, still with their scopes and type in the headers. Then one request per repository,
/// concurrently: the account's permission (CHANGE-3022) for user-bound credentials, the repository itself for access
/// tokens. Basic credentials are user-bound, so their repository requests go out with <c>GET /user</c>; a Bearer token's
/// wait for its type. Rate limits are 429 only. An endpoint Bitbucket removed (CHANGE-2770: 410, or a 404 naming the
/// deprecation) is never a verdict: what depended on it is unknown.
/// </summary>
internal sealed class BitbucketCloudTokenInspector(
    IHttpClientFactory clients,
    IOptionsMonitor<BitbucketCloudInspectorOptions> options,
    TimeProvider time,
    ILogger<BitbucketCloudTokenInspector> logger) : ProviderInspector<BitbucketCloudInspectorOptions>(
        GitProvider.BitbucketCloud, "Bitbucket Cloud", BitbucketCloudApiAddress.BitbucketOrg, BitbucketCloudApiAddress.Resolve, options, time, logger)
{
    internal const string AccessTokenNote =
        "Repository, project and workspace access tokens act as their own user: they have no Bitbucket account, so the account "
        + "and workspace-membership scopes cannot apply to them.";

    /// <summary>Where an API token's user name goes wrong: REST and Git want different ones.</summary>
    internal const string ApiTokenUserNames =
        "An Atlassian API token authenticates to the REST API with Basic authentication and the Atlassian account's e-mail "
        + "address as the user name; the Bitbucket user name (or " + BitbucketCloudCredentialClassifier.GitApiTokenUser + ") is for Git over HTTPS only.";

    // The type comes from Bitbucket's answer (x-credential-type); the token alone does not tell.
    protected override (TokenType Type, TokenFamily? Family) Classify(GitCredential credential) => (TokenType.Unknown, null);

    protected override void Refuse(GitCredential credential, InspectionDraft draft)
    {
        var apiToken = credential.Token.StartsWith(BitbucketCloudCredentialClassifier.ApiTokenPrefix, StringComparison.Ordinal);
        if (string.Equals(credential.Username, BitbucketCloudCredentialClassifier.GitApiTokenUser, StringComparison.OrdinalIgnoreCase)
            || (!BitbucketCloudCredentialClassifier.UsesBasic(credential) && apiToken))
        {
            (draft.Type, draft.Family) = (TokenType.BitbucketApiToken, TokenFamily.ApiToken);
            draft.Fail(InspectionStatus.Misconfigured, (credential.Username is null ? "The API token was given without a user name. " : string.Empty) + ApiTokenUserNames);
        }
        else if (credential.Username?.Contains(':', StringComparison.Ordinal) == true)
        {
            draft.Fail(InspectionStatus.Misconfigured, "A Basic authentication user name cannot contain ':'.");
        }
    }

    protected override ProviderSession Open(Uri apiUrl, GitCredential credential, BitbucketCloudInspectorOptions settings)
    {
        var authorization = BitbucketCloudCredentialClassifier.UsesBasic(credential)
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credential.Username}:{credential.Token}")))
            : new AuthenticationHeaderValue("Bearer", credential.Token);
        return Over(clients.CreateClient(GitTokenScopesHttpClientNames.BitbucketCloud), apiUrl, credential, settings, r => r.Headers.Authorization = authorization);
    }

    protected override async Task InspectCoreAsync(ProviderSession session, TokenInspectionRequest request, InspectionDraft result, BitbucketCloudInspectorOptions settings, CancellationToken cancellationToken)
    {
        var credential = request.Credential;
        var basic = BitbucketCloudCredentialClassifier.UsesBasic(credential);
        var apiToken = credential.Token.StartsWith(BitbucketCloudCredentialClassifier.ApiTokenPrefix, StringComparison.Ordinal);
        var identityTask = session.GetAsync("user", cancellationToken);
        var early = basic ? session.GetEachAsync(request.Repositories, BitbucketCloudApiAddress.PermissionPath, cancellationToken) : null;
        var identity = await identityTask.ConfigureAwait(false);
        var replies = early is null ? null : await early.ConfigureAwait(false);
        if (Learn(result, identity.Required, basic, apiToken))
        {
            var userBound = basic || !BitbucketCloudCredentialClassifier.IsAccessToken(result.Type);
            Func<RepositoryRequest, string> endpoint = userBound ? BitbucketCloudApiAddress.PermissionPath : BitbucketCloudApiAddress.RepositoryPath;
            replies ??= await session.GetEachAsync(request.Repositories, endpoint, cancellationToken).ConfigureAwait(false);
            result.Repositories.AddRange(request.Repositories.Zip(replies, (repository, reply) => reply.Assess(repository, answer
                => userBound ? UserRepository(result, repository, answer) : AccessTokenRepository(result, repository, answer))));
        }
    }

    private static (string Read, string Write) RepositoryScopes(TokenFamily? family)
        => family == TokenFamily.ApiToken ? ("read:repository:bitbucket", "write:repository:bitbucket") : ("repository", "repository:write");

    /// <summary>
    /// Reads scopes, credential type and account from <c>GET /user</c>. A 403 still carries the credential's scopes (header or
    /// <c>error.detail.granted</c>): the credential is valid, and either an access token (no user) or lacking <c>account</c>.
    /// </summary>
    /// <returns><see langword="true"/> when the grant was learnt; otherwise the draft has failed.</returns>
    private bool Learn(InspectionDraft result, ProviderAnswer answer, bool basic, bool apiToken)
    {
        var outcome = ProviderStatusMap.Classify(answer.StatusCode);
        var scopes = BitbucketCloudHeaders.Scopes(answer);
        var credentialType = BitbucketCloudHeaders.Credential(answer);
        result.RateLimit = BitbucketCloudHeaders.RateLimit(answer, Time) ?? result.RateLimit;
        IReadOnlyList<string>? needed = null;
        if (outcome != ProviderOutcome.Success)
        {
            var (message, required, grantedInBody) = BitbucketCloudJson.Error(answer.Body);
            if (outcome != ProviderOutcome.Forbidden || (scopes ?? grantedInBody) is null)
            {
                FailWith(result, outcome, answer, "GET /user", message, required, basic ? apiToken : null);
                return false;
            }

            scopes ??= grantedInBody;
            needed = required ?? BitbucketCloudHeaders.AcceptedScopes(answer);
        }

        var known = scopes ?? [];
        var type = BitbucketCloudCredentialClassifier.Classify(credentialType, basic, known);
        var accessToken = BitbucketCloudCredentialClassifier.IsAccessToken(type);
        if (!accessToken && needed is null && (result.Account = BitbucketCloudJson.Account(answer.Body)) is null)
        {
            // JSON that is not an account (a proxy's, a stranger's) is not Bitbucket's answer: its headers say nothing either.
            result.Fail(InspectionStatus.ProviderError, "Bitbucket Cloud's answer to GET /user could not be read.");
            return false;
        }

        result.Type = type;
        var family = BitbucketCloudCredentialClassifier.FamilyOf(type, known);
        result.Family = family;
        var vocabulary = ScopeVocabulary.For(GitProvider.BitbucketCloud, family);
        result.Granted = scopes is null ? GrantedScopes.CreateUndetermined(vocabulary) : GrantedScopes.Create(vocabulary, scopes);
        if (accessToken)
        {
            result.Note(AccessTokenNote);
        }
        else if (needed is not null)
        {
            result.Note($"Bitbucket Cloud refused GET /user (403): the credential lacks {(needed.Count == 0 ? "a scope it needs" : string.Join(" or ", needed))}, so its account could not be read.");
        }

        if (scopes is null)
        {
            result.Note("Bitbucket Cloud sent no x-oauth-scopes header: the credential's scopes could not be read, so every scope is undetermined.");
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

    /// <summary>Fails the draft for a refused call; <paramref name="apiToken"/> is null for Bearer, else whether the Basic secret is an API token.</summary>
    private void FailWith(InspectionDraft result, ProviderOutcome outcome, ProviderAnswer answer, string what, string? message, IReadOnlyList<string>? required, bool? apiToken)
    {
        if (outcome == ProviderOutcome.Unauthorized && apiToken is { } isApiToken)
        {
            // Named for the remediation: an API token to recreate, or an app password to replace (they are gone).
            (result.Type, result.Family) = isApiToken ? (TokenType.BitbucketApiToken, TokenFamily.ApiToken) : (TokenType.BitbucketAppPassword, TokenFamily.AppPassword);
        }

        var said = message is null ? string.Empty : $": {message}";
        Fail(result, outcome, answer, what, message, BitbucketCloudJson.Removal(answer) is { } removal
            ? (InspectionStatus.ProviderError, $"Bitbucket Cloud no longer serves {what} ({removal}), so the credential could not be inspected.")
            : outcome switch
            {
                ProviderOutcome.Unauthorized => (InspectionStatus.Invalid, $"Bitbucket Cloud rejected the credential (401{said}). " + apiToken switch
                {
                    true => ApiTokenUserNames + " Otherwise the token is wrong, expired or revoked.",
                    false => "It is not an Atlassian API token, so presumably an app password: " + BitbucketCloudGuide.AppPasswordRetirement,
                    null => "It was sent as a Bearer token (no user name was given), as access and OAuth tokens are; an API token needs the Atlassian "
                        + "account's e-mail address as its user name. Otherwise the token is unknown, expired or revoked.",
                }),
                ProviderOutcome.RateLimited when result.RateLimit?.RetryAfter is null
                    => (InspectionStatus.RateLimited, "Bitbucket Cloud's rate limit was reached (429); it counts requests over a rolling hour, so retry later."),
                ProviderOutcome.Forbidden when required is { Count: > 0 }
                    => (InspectionStatus.Forbidden, $"Bitbucket Cloud refused {what} (403{said}); it requires {string.Join(" or ", required)}."),
                _ => null,
            });
    }

    /// <summary>A user-bound credential's access: the account's permission on the repository, capped by the credential's scopes.</summary>
    private RepositoryAccessResult UserRepository(InspectionDraft result, RepositoryRequest repository, ProviderAnswer answer)
    {
        var outcome = OutcomeOf(answer);
        if (outcome == ProviderOutcome.Success && BitbucketCloudJson.Listing(answer.Body) is { } items)
        {
            var permission = items.FirstOrDefault(i => string.Equals(i?.Repository?.FullName, repository.Name, StringComparison.OrdinalIgnoreCase))?.Permission?.ToLowerInvariant();
            if (permission is null)
            {
                return repository.NotVisible("Bitbucket Cloud lists no permission of the account on the repository: it does not exist or the account has no access.");
            }

            var (readScope, writeScope) = RepositoryScopes(result.Family);
            var mayWrite = permission is "write" or "admin";
            var canRead = RepositoryResults.Holds(result.Granted!, readScope);
            bool? canWrite = mayWrite ? RepositoryResults.Holds(result.Granted!, writeScope) : false;
            var enough = repository.Access == RepositoryAccess.Read ? canRead : RepositoryResults.All(canRead, canWrite);
            string?[] reasons =
            [
                canRead == false ? $"the credential lacks the {readScope} scope" : null,
                repository.Access == RepositoryAccess.Read ? null
                    : !mayWrite ? $"the account's permission on the repository is {permission}"
                    : canWrite == false ? $"the credential lacks the {writeScope} scope" : null,
            ];
            var why = string.Join("; ", reasons.OfType<string>());
            return repository.Judged(enough, canRead, canWrite, enough == true ? null
                : why.Length > 0 ? char.ToUpperInvariant(why[0]) + why[1..] + "."
                : "The credential's scopes could not be read.");
        }

        return outcome == ProviderOutcome.NotFound
            ? repository.NotVisible("Bitbucket Cloud does not show the repository: it does not exist or the account has no access.")
            : UnknownRepository(result, repository, answer, outcome, BitbucketCloudApiAddress.PermissionPath(repository));
    }

    /// <summary>An access token's access: it reaches the repositories of its repository, project or workspace, as its scopes allow.</summary>
    private RepositoryAccessResult AccessTokenRepository(InspectionDraft result, RepositoryRequest repository, ProviderAnswer answer)
    {
        var outcome = OutcomeOf(answer);
        switch (outcome)
        {
            case ProviderOutcome.Success when BitbucketCloudJson.RepositoryName(answer.Body) is not null:
            {
                var (_, writeScope) = RepositoryScopes(result.Family);
                var canWrite = RepositoryResults.Holds(result.Granted!, writeScope);
                var enough = repository.Access == RepositoryAccess.Read ? true : canWrite;
                return repository.Judged(enough, true, canWrite, enough == false ? $"The token lacks the {writeScope} scope." : null);
            }

            case ProviderOutcome.NotFound:
                return repository.NotVisible("Bitbucket Cloud does not show the repository to the token: it is outside the token's repository, project or workspace, or does not exist.");
            case ProviderOutcome.Forbidden:
            {
                var (message, required, _) = BitbucketCloudJson.Error(answer.Body);
                return repository.Judged(false, false, false,
                    $"Bitbucket Cloud refused to show the repository to the token (403{(message is null ? string.Empty : $": {message}")})"
                    + (required is { Count: > 0 } ? $"; it requires {string.Join(" or ", required)}." : "."));
            }

            default:
                return UnknownRepository(result, repository, answer, outcome, BitbucketCloudApiAddress.RepositoryPath(repository));
        }
    }

    /// <summary>A removed endpoint (410, or a 404 naming a deprecation) says nothing about the repository: never "not visible".</summary>
    private static ProviderOutcome OutcomeOf(ProviderAnswer answer)
        => BitbucketCloudJson.Removal(answer) is null ? ProviderStatusMap.Classify(answer.StatusCode) : ProviderOutcome.Unexpected;

    /// <summary>A repository call that neither succeeded nor said "not visible": rate limit, outage, removal, refusal or a malformed answer.</summary>
    private RepositoryAccessResult UnknownRepository(InspectionDraft result, RepositoryRequest repository, ProviderAnswer answer, ProviderOutcome outcome, string endpoint)
    {
        var what = "GET /" + endpoint.Split('?')[0];
        if (outcome == ProviderOutcome.RateLimited)
        {
            result.RateLimit = BitbucketCloudHeaders.RateLimit(answer, Time) ?? result.RateLimit;
            FailWith(result, outcome, answer, what, null, null, null);
        }

        var (said, required, _) = outcome == ProviderOutcome.Success ? (null, null, null) : BitbucketCloudJson.Error(answer.Body);
        return repository.Unknown(outcome switch
        {
            _ when BitbucketCloudJson.Removal(answer) is { } removal => $"Not checked: Bitbucket Cloud no longer serves {what} ({removal}).",
            ProviderOutcome.RateLimited => "Not checked: Bitbucket Cloud's rate limit was reached.",
            ProviderOutcome.Success => "Bitbucket Cloud's answer could not be read.",
            ProviderOutcome.Forbidden => $"Bitbucket Cloud refused {what} (403"
                + (said is null ? ")" : $": {said})")
                + (required is { Count: > 0 } ? $"; it requires {string.Join(" or ", required)}." : "."),
            _ => $"Bitbucket Cloud answered {what} with {answer.StatusCode}.",
        });
    }
}
