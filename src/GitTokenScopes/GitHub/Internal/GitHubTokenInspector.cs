// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Inspection.Internal;
using GitTokenScopes.Providers.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Octokit.Internal;

namespace GitTokenScopes.GitHub.Internal;

/// <summary>
/// Inspects GitHub tokens (PROVIDERS.md §1). Classic and OAuth tokens: one <c>GET /user</c> gives scopes, identity,
/// expiry and rate limit; each named repository adds one <c>GET /repos/{o}/{r}</c>, sent concurrently. Fine-grained and
/// App tokens have no scope list: the identity and each named repository are read and, in the same concurrent round,
/// exactly the permissions the requirements ask for are probed on each named repository; the probes count only on the
/// repositories the reads show. A repository the token cannot see therefore costs its probes too (they answer 404 and
/// are ignored), the price of one round trip instead of two.
/// </summary>
internal sealed partial class GitHubTokenInspector(
    IHttpClientFactory clients,
    IHttpMessageHandlerFactory handlers,
    IOptionsMonitor<GitHubInspectorOptions> options,
    TimeProvider time,
    ILogger<GitHubTokenInspector> logger) : ITokenInspector
{
    private static readonly ScopeVocabulary ClassicVocabulary = ScopeVocabulary.For(GitProvider.GitHub, TokenFamily.Classic);
    private static readonly ScopeVocabulary FineGrainedVocabulary = ScopeVocabulary.For(GitProvider.GitHub, TokenFamily.FineGrained);

    public GitProvider Provider => GitProvider.GitHub;

    public async Task<TokenInspection> InspectAsync(TokenInspectionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var credential = request.Credential;
        var (apiUrl, addressError) = GitHubApiAddress.Resolve(credential);
        var type = GitHubTokenClassifier.Classify(credential.Token);
        var result = new InspectionDraft(GitProvider.GitHub, credential, apiUrl ?? credential.ApiUrl ?? credential.ServerUrl ?? GitHubApiAddress.GitHubDotCom, type, GitHubTokenClassifier.FamilyOf(type));
        if (credential.Provider != GitProvider.GitHub)
        {
            return Finish(result.Fail(InspectionStatus.Misconfigured, $"The credential is for {credential.Provider.ToWireName()}, not GitHub."), 0);
        }

        if (apiUrl is null)
        {
            return Finish(result.Fail(InspectionStatus.Misconfigured, addressError), 0);
        }

        if (type == TokenType.GitHubRefresh)
        {
            return Finish(result.Fail(InspectionStatus.Unsupported, "GitHub App refresh tokens (ghr_) cannot call the API; exchange it for a user access token (ghu_) and check that one."), 0);
        }

        using var session = Session(apiUrl, credential.Token, options.CurrentValue);
        Log.InspectionStarted(logger, credential.Fingerprint, apiUrl.Host, type);
        try
        {
            if (GitHubTokenClassifier.FamilyOf(type) == TokenFamily.FineGrained)
            {
                await InspectFineGrainedAsync(session, request, result, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await InspectClassicAsync(session, request, result, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ProviderUnreachableException exception)
        {
            result.Fail(InspectionStatus.Unreachable, exception.Message);
        }

        return Finish(result, session.RequestCount);
    }

    /// <summary>
    /// Octokit's stock adapter over the named client's handler, one per inspection: it carries every request, and its
    /// redirect handler drops <c>Authorization</c> when a redirect leaves the host. The adapter owns an
    /// <see cref="HttpClient"/> of its own, so it takes the named client's settings (its time-out, infinite unless the
    /// host says otherwise, and its default headers) as the other providers' clients have them.
    /// </summary>
    private ProviderSession Session(Uri apiUrl, string token, GitHubInspectorOptions settings)
    {
        using var configured = clients.CreateClient(GitTokenScopesHttpClientNames.GitHub);
        var defaults = configured.DefaultRequestHeaders.ToArray();
        var adapter = new HttpClientAdapter(() => handlers.CreateHandler(GitTokenScopesHttpClientNames.GitHub));
        adapter.SetRequestTimeout(configured.Timeout);
        var authorization = "token " + token;
        return new ProviderSession("GitHub", apiUrl, settings, time, adapter.SendAsync, r =>
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

    private TokenInspection Finish(InspectionDraft draft, int requestCount)
    {
        var inspection = draft.Build(requestCount);
        Log.InspectionFinished(logger, inspection.CredentialFingerprint, inspection.ApiUrl.Host, inspection.Status, inspection.TokenType, requestCount);
        return inspection;
    }

    /// <summary>Maps a failed answer of a call the whole inspection depends on to the inspection's status.</summary>
    private void FailWith(InspectionDraft result, ProviderAnswer answer, string what)
    {
        var outcome = GitHubStatusMap.Classify(answer);
        result.RateLimit = GitHubHeaders.RateLimit(answer, time) ?? result.RateLimit;
        var said = answer.ErrorMessage();
        var suffix = said is null ? string.Empty : $": {said}";
        switch (outcome)
        {
            case ProviderOutcome.Unauthorized:
                result.Fail(InspectionStatus.Invalid, $"GitHub rejected the token (401{suffix}); it is unknown, expired or revoked.");
                break;
            case ProviderOutcome.RateLimited:
                result.Fail(InspectionStatus.RateLimited, ProviderStatusMap.RateLimitMessage("GitHub", result.RateLimit));
                break;
            case ProviderOutcome.SsoRequired:
                var (_, url) = GitHubHeaders.SsoRequirement(answer);
                result.ActionUrl = url;
                result.Fail(InspectionStatus.SsoRequired, "An organization requires SAML single sign-on: authorize the token for it" + (url is null ? "." : $" at {url}."));
                break;
            case ProviderOutcome.Forbidden:
                result.Fail(InspectionStatus.Forbidden, $"GitHub refused {what} (403{suffix}).");
                break;
            case ProviderOutcome.ServerError:
                result.Fail(InspectionStatus.ProviderError, $"GitHub answered {what} with a server error ({answer.StatusCode}).");
                break;
            default:
                result.Fail(InspectionStatus.ProviderError, $"GitHub answered {what} with an unexpected {answer.StatusCode}{suffix}.");
                break;
        }
    }
}
