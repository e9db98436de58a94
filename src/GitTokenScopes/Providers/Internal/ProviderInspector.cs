// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics.CodeAnalysis;
using GitTokenScopes.Diagnostics.Internal;
using GitTokenScopes.Inspection.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitTokenScopes.Providers.Internal;

/// <summary>
/// What every built-in inspector does around its provider's own questions: refuse a credential meant for another
/// provider, an address that may not carry a token, or a token the provider rules out before any request; open one
/// session; log the start and the end; and turn a required call without a usable answer into the inspection's status.
/// The provider gives its name as messages write it, the address reported when the credential's own is unusable, and
/// how a credential's API address is resolved (or why it may not carry a token).
/// </summary>
internal abstract class ProviderInspector<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
    GitProvider provider, string name, Uri defaultApiUrl, Func<GitCredential, (Uri? Address, string? Error)> resolve,
    IOptionsMonitor<TOptions> options, TimeProvider time, ILogger logger) : ITokenInspector
    where TOptions : ProviderInspectorOptions
{
    public GitProvider Provider => provider;

    protected string Name => name;

    protected TimeProvider Time => time;

    protected ILogger Logger => logger;

    public async Task<TokenInspection> InspectAsync(TokenInspectionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var credential = request.Credential;
        var (apiUrl, addressError) = resolve(credential);
        var (type, family) = Classify(credential);
        var draft = new InspectionDraft(Provider, credential, apiUrl ?? credential.ApiUrl ?? credential.ServerUrl ?? defaultApiUrl, type, family);
        if (credential.Provider != Provider)
        {
            draft.Fail(InspectionStatus.Misconfigured, $"The credential is for {credential.Provider.ToWireName()}, not {Name}.");
        }
        else if (apiUrl is null)
        {
            draft.Fail(InspectionStatus.Misconfigured, addressError);
        }
        else
        {
            Refuse(credential, draft);
        }

        if (apiUrl is null || draft.Failed)
        {
            return Finish(draft, 0);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var settings = options.CurrentValue;
        using var session = Open(apiUrl, credential, settings);
        ProviderLog.InspectionStarted(logger, Name, credential.Fingerprint, apiUrl.Host, type);
        try
        {
            await InspectCoreAsync(session, request, draft, settings, cancellationToken).ConfigureAwait(false);
        }
        catch (ProviderUnreachableException exception)
        {
            draft.Fail(exception.Status, exception.Message);
        }

        return Finish(draft, session.RequestCount);
    }

    /// <summary>The token's type and family as far as the token itself tells, before any request.</summary>
    protected abstract (TokenType Type, TokenFamily? Family) Classify(GitCredential credential);

    /// <summary>Fails <paramref name="draft"/> when the credential cannot be checked at all; by default every one can.</summary>
    protected virtual void Refuse(GitCredential credential, InspectionDraft draft)
    {
    }

    /// <summary>The session of one inspection, carrying the credential the provider's way.</summary>
    protected abstract ProviderSession Open(Uri apiUrl, GitCredential credential, TOptions settings);

    /// <summary>Asks the provider; a required call without a usable answer may throw <see cref="ProviderUnreachableException"/>.</summary>
    protected abstract Task InspectCoreAsync(ProviderSession session, TokenInspectionRequest request, InspectionDraft result, TOptions settings, CancellationToken cancellationToken);

    /// <summary>
    /// Fails the inspection for a refused call it depends on: the status and words every provider shares, unless the
    /// provider's own map gave the outcome a meaning of its own (<paramref name="own"/>).
    /// </summary>
    protected void Fail(InspectionDraft result, ProviderOutcome outcome, ProviderAnswer answer, string what, string? said, (InspectionStatus Status, string Message)? own = null)
    {
        var (status, message) = own ?? (ProviderStatusMap.StatusOf(outcome), ProviderStatusMap.Describe(Name, outcome, what, answer.StatusCode, said, result.RateLimit));
        result.Fail(status, message);
    }

    /// <summary>
    /// Sends one permission probe in a span of its own and says what it showed; what the answer means for the token is
    /// the provider's to decide. A 2xx to a write probe built to be rejected is logged at once: it may have changed something.
    /// </summary>
    protected async Task<ProbeResult> ProbeAsync(
        ProviderSession session, string fingerprint, RepositoryRequest repository, PermissionProbe probe, Func<ProviderAnswer, ProviderOutcome> classify, CancellationToken cancellationToken)
    {
        using var span = ValidationTelemetry.StartProbe(Provider, probe, repository.Name);
        var reply = await session.TrySendAsync(probe.Method, probe.Endpoint(repository), probe.Body, cancellationToken).ConfigureAwait(false);
        var result = reply.Answer is { } answer
            ? new ProbeResult(probe, probe.Interpret(classify(answer)), answer, null)
            : new ProbeResult(probe, ProbeVerdict.Unknown, null, reply.Unreachable);
        ValidationTelemetry.EndProbe(span, result);
        if (result.Answer is { } answered)
        {
            ProviderLog.ProbeAnswered(logger, Name, fingerprint, probe.Scope, repository.Name, answered.StatusCode, result.Verdict);
            if (result.Verdict == ProbeVerdict.UnexpectedSuccess)
            {
                ProviderLog.UnexpectedProbeSuccess(logger, Name, fingerprint, $"{probe.Method.Method} for {probe.Scope} on {repository.Name}", answered.StatusCode);
            }
        }

        return result;
    }

    /// <summary>A session over one of the library's named clients.</summary>
    protected ProviderSession Over(HttpClient client, Uri apiUrl, GitCredential credential, TOptions settings, Action<HttpRequestMessage> authorize)
        => new(Name, apiUrl, settings, time, logger, credential.Fingerprint, (r, ct) => client.SendAsync(r, HttpCompletionOption.ResponseHeadersRead, ct), authorize, client);

    private TokenInspection Finish(InspectionDraft draft, int requestCount)
    {
        var inspection = draft.Build(requestCount);
        ProviderLog.InspectionFinished(logger, Name, inspection.CredentialFingerprint, inspection.ApiUrl.Host, inspection.Status, inspection.TokenType, requestCount);
        return inspection;
    }
}
