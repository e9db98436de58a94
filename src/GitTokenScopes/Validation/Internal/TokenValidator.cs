// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics;
using GitTokenScopes.Diagnostics.Internal;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitTokenScopes.Validation.Internal;

/// <summary>
/// The validator (ARCHITECTURE.md, data flow): policy, cache, inspect, require, evaluate, report. Only the inspection
/// touches the network, and it runs once per token and question however many runtimes and concurrent callers ask.
/// </summary>
internal sealed partial class TokenValidator(
    IEnumerable<ITokenInspector> inspectors,
    IEnumerable<IProviderGuide> guides,
    IScopeRequirements requirements,
    IOptionsMonitor<GitTokenScopesOptions> options,
    HybridCache cache,
    TimeProvider time,
    ValidationTelemetry telemetry,
    TokenGenerations generations,
    ILogger<TokenValidator> logger) : ITokenValidator
{
    private static readonly ValidationVerdict[] LeastToMostSevere =
        [ValidationVerdict.Pass, ValidationVerdict.Skipped, ValidationVerdict.Indeterminate, ValidationVerdict.Fail];

    private readonly Dictionary<GitProvider, ITokenInspector> _inspectors = OnePerProvider(inspectors);

    private readonly Dictionary<GitProvider, IProviderGuide> _guides = guides.ToDictionary(g => g.Provider);

    public async Task<TokenValidationReport> ValidateAsync(TokenValidationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (await ValidateCoreAsync(request, [request.RuntimeName], cancellationToken).ConfigureAwait(false))[0];
    }

    public async Task<IReadOnlyList<TokenValidationReport>> ValidateForRuntimesAsync(TokenValidationRequest request, IEnumerable<string?> runtimeNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(runtimeNames);
        if (request.RuntimeName is not null)
        {
            throw new ArgumentException("The request names a runtime; for several runtimes leave it null and pass them all in runtimeNames.", nameof(request));
        }

        var runtimes = runtimeNames.Select(r => string.IsNullOrWhiteSpace(r) ? null : r.Trim()).ToArray();
        if (runtimes.Length == 0)
        {
            throw new ArgumentException("Name at least one runtime (a null entry stands for the defaults).", nameof(runtimeNames));
        }

        return await ValidateCoreAsync(request, runtimes, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask InvalidateAsync(GitCredential credential, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var settings = options.CurrentValue.Validation;
        var tokenHash = credential.CacheKeyHash;

        // A new generation changes every key of the token: here at once, on the other instances within the propagation time.
        await generations.BumpAsync(tokenHash, LongestLifetime(settings), settings.InvalidationPropagationTime, cancellationToken).ConfigureAwait(false);
        Log.Invalidated(logger, credential.Fingerprint, credential.Provider);
    }

    private async ValueTask<TokenValidationReport[]> ValidateCoreAsync(TokenValidationRequest request, string?[] runtimes, CancellationToken cancellationToken)
    {
        var credential = request.Credential;
        var settings = options.CurrentValue.Validation;
        var started = time.GetTimestamp();
        using var activity = ValidationTelemetry.ActivitySource.StartActivity("GitTokenScopes.Validate");
        activity?.SetTag(ValidationTelemetry.ProviderTag, credential.Provider.ToWireName());
        activity?.SetTag(ValidationTelemetry.TokenKindTag, request.Kind.ToWireName());
        activity?.SetTag("gittokenscopes.token.fingerprint", credential.Fingerprint);

        TokenValidationReport[] reports;
        if (request.SkipValidation ?? settings.For(request.Kind).SkipValidation)
        {
            reports = [.. runtimes.Select(r => ReportBuilder.Skipped(request, r))];
            Log.ValidationSkipped(logger, request.Kind, credential.Fingerprint, credential.Provider);
        }
        else
        {
            var inspector = _inspectors.GetValueOrDefault(credential.Provider) ?? throw new InvalidOperationException(
                $"No inspector is registered for {credential.Provider.ToWireName()}: call services.AddGitTokenScopes().Add{credential.Provider}() (or register an ITokenInspector for it).");
            var question = new ValidationQuestion(requirements, request, runtimes);
            Log.ValidationStarted(logger, request.Kind, credential.Fingerprint, credential.Provider, runtimes.Length, request.Repositories.Count);
            var cached = await InspectCachedAsync(inspector, question, settings, cancellationToken).ConfigureAwait(false);
            var status = cached.Inspection.Status;
            activity?.SetTag(ValidationTelemetry.StatusTag, status.ToWireName());
            if (status is InspectionStatus.Unreachable or InspectionStatus.ProviderError or InspectionStatus.RateLimited)
            {
                // The provider could not answer for the token: an operational error for a dashboard. A token that
                // lacks scopes is a verdict, not an error, so a failing report leaves the span's status unset.
                activity?.SetStatus(ActivityStatusCode.Error, status.ToWireName());
            }

            var perRuntime = question.RequirementsFor(cached.Inspection.Family);
            var now = time.GetUtcNow();
            var guide = _guides[credential.Provider];
            reports = [.. runtimes.Select((runtime, i) => ReportBuilder.Build(request, runtime, cached, guide, perRuntime?[i], settings, now))];
        }

        var elapsed = time.GetElapsedTime(started);
        foreach (var report in reports)
        {
            telemetry.Validated(report.Provider, report.TokenKind, report.Verdict);
        }

        // One call, one duration: the worst verdict of its reports labels it.
        var worst = reports.Select(r => r.Verdict).MaxBy(v => Array.IndexOf(LeastToMostSevere, v));
        telemetry.Completed(credential.Provider, worst, elapsed);
        activity?.SetTag(ValidationTelemetry.VerdictTag, worst.ToWireName());
        if (logger.IsEnabled(LogLevel.Information))
        {
            var verdicts = string.Join(", ", reports.Select(r => r.Verdict.ToWireName()));
            Log.ValidationFinished(logger, request.Kind, credential.Fingerprint, credential.Provider, verdicts, elapsed.TotalMilliseconds);
        }

        return reports;
    }

    /// <summary>
    /// One <c>GetOrCreateAsync</c>: concurrent callers share one inspection, which is kept for the failure duration
    /// (decided from the inspection alone, never from this caller's skip or fail-open policy, which other callers may
    /// not share). The caller that inspected then lengthens a clean pass to the pass duration. A failing cache never
    /// fails a validation: the token is inspected without it.
    /// </summary>
    private async ValueTask<CachedInspection> InspectCachedAsync(ITokenInspector inspector, ValidationQuestion question, TokenValidationOptions settings, CancellationToken cancellationToken)
    {
        var credential = question.Inspection.Credential;
        if (!settings.CacheEnabled)
        {
            return await InspectAsync(inspector, question.Inspection, cancellationToken).ConfigureAwait(false);
        }

        CachedInspection? inspected = null; // set only when this caller ran the inspection
        try
        {
            var tokenHash = credential.CacheKeyHash;
            var generation = await generations.GetAsync(tokenHash, settings.InvalidationPropagationTime, LongestLifetime(settings), cancellationToken).ConfigureAwait(false);
            var key = ValidationCacheKeys.Inspection(credential, generation, question.Digest);
            var cached = await cache.GetOrCreateAsync(
                key,
                async ct => inspected = await InspectAsync(inspector, question.Inspection, ct).ConfigureAwait(false),
                EntryOptions(settings.FailCacheDuration),
                cancellationToken: cancellationToken).ConfigureAwait(false);
            telemetry.CacheLookup(hit: inspected is null);
            if (inspected is null)
            {
                Log.CacheHit(logger, credential.Fingerprint, credential.Provider, cached.CheckedAt);
            }
            else if (IsCleanPass(question, cached))
            {
                await cache.SetAsync(key, cached, EntryOptions(settings.PassCacheDuration), cancellationToken: CancellationToken.None).ConfigureAwait(false);
            }

            return cached;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A distributed tier down, an entry that cannot be read: inspect (again only if this caller has not).
            Log.CacheFailed(logger, credential.Fingerprint, credential.Provider, exception.GetType().Name);
            return inspected ?? await InspectAsync(inspector, question.Inspection, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Token valid, every runtime's clauses satisfied, every repository granted: only this is kept for the pass duration.</summary>
    private static bool IsCleanPass(ValidationQuestion question, CachedInspection cached)
    {
        var inspection = cached.Inspection;
        return inspection.Status == InspectionStatus.Ok
            && cached.Grant() is { } grant
            && question.RequirementsFor(inspection.Family) is { } perRuntime
            && perRuntime.All(requirement => ScopeEvaluator.Evaluate(requirement, grant).IsSatisfied)
            && question.Inspection.Repositories.All(r => ReportBuilder.RepositoryResultOf(r, inspection).State == RepositoryAccessState.Granted);
    }

    private async Task<CachedInspection> InspectAsync(ITokenInspector inspector, TokenInspectionRequest request, CancellationToken cancellationToken)
    {
        var credential = request.Credential;
        TokenInspection inspection;
        try
        {
            inspection = await inspector.InspectAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Inspectors are not meant to throw; a host's own one might. Its message could quote a request, so only its
            // type is logged and reported, and the result is an outage (indeterminate), never a verdict on the token.
            Log.InspectorFailed(logger, credential.Fingerprint, credential.Provider, exception.GetType().FullName ?? "Exception");
            inspection = Failed(credential, $"The {credential.Provider.ToWireName()} inspector failed ({exception.GetType().Name}).");
        }

        if (!Enum.IsDefined(inspection.Status) || inspection.Provider != credential.Provider)
        {
            // A host's inspector answered with a status this version does not know, or for another provider.
            inspection = Failed(credential, $"The {credential.Provider.ToWireName()} inspector gave an answer this version cannot read.");
        }

        telemetry.Inspected(inspection.Provider, inspection.Status, inspection.RequestCount);
        return new CachedInspection(inspection, time.GetUtcNow());
    }

    /// <summary>
    /// A host's inspector replaces the built-in one whatever the order (a test's fake must win over a later <c>AddGitHub()</c>);
    /// two of the host's own for one provider are a wiring error, since no order between them says which is meant.
    /// </summary>
    private static Dictionary<GitProvider, ITokenInspector> OnePerProvider(IEnumerable<ITokenInspector> inspectors)
    {
        var chosen = new Dictionary<GitProvider, ITokenInspector>();
        foreach (var inspector in inspectors)
        {
            if (!chosen.TryGetValue(inspector.Provider, out var other) || (IsBuiltIn(other) && !IsBuiltIn(inspector)))
            {
                chosen[inspector.Provider] = inspector;
            }
            else if (!IsBuiltIn(inspector) && !ReferenceEquals(inspector, other))
            {
                throw new InvalidOperationException(
                    $"Two inspectors are registered for {inspector.Provider.ToWireName()}: {other.GetType().FullName} and {inspector.GetType().FullName}. "
                    + "Register one ITokenInspector per provider; it replaces the built-in one whatever the order.");
            }
        }

        return chosen;
    }

    private static bool IsBuiltIn(ITokenInspector inspector) => inspector.GetType().Assembly == typeof(TokenValidator).Assembly;

    private TokenInspection Failed(GitCredential credential, string message)
        => new()
        {
            Provider = credential.Provider,
            ApiUrl = credential.ApiUrl ?? credential.ServerUrl ?? _guides[credential.Provider].DefaultApiUrl,
            Status = InspectionStatus.ProviderError,
            CredentialFingerprint = credential.Fingerprint,
            Message = message,
        };

    private static TimeSpan LongestLifetime(TokenValidationOptions settings)
        => settings.PassCacheDuration > settings.FailCacheDuration ? settings.PassCacheDuration : settings.FailCacheDuration;

    private static HybridCacheEntryOptions EntryOptions(TimeSpan duration) => new() { Expiration = duration, LocalCacheExpiration = duration };

    // Event ids 1–99 are the validator's (GitHub 100–199, GitLab 200–299, Bitbucket Cloud 300–399, Bitbucket Server 400–499).
    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "ValidationStarted", Level = LogLevel.Debug,
            Message = "Validating {Kind} token {Fingerprint} for {Provider} ({RuntimeCount} runtime(s), {RepositoryCount} repositories)")]
        public static partial void ValidationStarted(ILogger logger, TokenKind kind, string fingerprint, GitProvider provider, int runtimeCount, int repositoryCount);

        [LoggerMessage(EventId = 2, EventName = "ValidationFinished", Level = LogLevel.Information,
            Message = "Validated {Kind} token {Fingerprint} for {Provider}: {Verdicts} in {ElapsedMilliseconds:0.#} ms")]
        public static partial void ValidationFinished(ILogger logger, TokenKind kind, string fingerprint, GitProvider provider, string verdicts, double elapsedMilliseconds);

        [LoggerMessage(EventId = 3, EventName = "ValidationSkipped", Level = LogLevel.Warning,
            Message = "Validation of {Kind} token {Fingerprint} for {Provider} was skipped by policy (skipValidation); no provider was asked")]
        public static partial void ValidationSkipped(ILogger logger, TokenKind kind, string fingerprint, GitProvider provider);

        [LoggerMessage(EventId = 4, EventName = "InspectionCacheHit", Level = LogLevel.Debug,
            Message = "Inspection of token {Fingerprint} for {Provider} came from the cache (checked at {CheckedAt:O})")]
        public static partial void CacheHit(ILogger logger, string fingerprint, GitProvider provider, DateTimeOffset checkedAt);

        [LoggerMessage(EventId = 5, EventName = "InspectorFailed", Level = LogLevel.Error,
            Message = "The {Provider} inspector threw {ExceptionType} for token {Fingerprint}; reported as a provider error")]
        public static partial void InspectorFailed(ILogger logger, string fingerprint, GitProvider provider, string exceptionType);

        [LoggerMessage(EventId = 6, EventName = "CacheInvalidated", Level = LogLevel.Information,
            Message = "Forgot the cached inspections of token {Fingerprint} for {Provider}")]
        public static partial void Invalidated(ILogger logger, string fingerprint, GitProvider provider);

        [LoggerMessage(EventId = 8, EventName = "CacheFailed", Level = LogLevel.Warning,
            Message = "The inspection cache failed for token {Fingerprint} for {Provider} ({ExceptionType}); the token was inspected without it")]
        public static partial void CacheFailed(ILogger logger, string fingerprint, GitProvider provider, string exceptionType);
    }
}
