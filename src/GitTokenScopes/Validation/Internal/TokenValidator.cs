// Licensed under the MIT License. See LICENSE in the repository root.

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
    IScopeRequirements requirements,
    IOptionsMonitor<GitTokenScopesOptions> options,
    HybridCache cache,
    TimeProvider time,
    ValidationTelemetry telemetry,
    ILogger<TokenValidator> logger) : ITokenValidator
{
    // The last registration for a provider wins, as DI does for single services: a host can replace a built-in inspector.
    private readonly Dictionary<GitProvider, ITokenInspector> _inspectors = inspectors.GroupBy(i => i.Provider).ToDictionary(g => g.Key, g => g.Last());

    public async Task<TokenValidationReport> ValidateAsync(TokenValidationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reports = await ValidateCoreAsync(request, [request.RuntimeName], cancellationToken).ConfigureAwait(false);
        return reports[0];
    }

    public async Task<IReadOnlyList<TokenValidationReport>> ValidateForRuntimesAsync(TokenValidationRequest request, IEnumerable<string?> runtimeNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(runtimeNames);
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
        await cache.RemoveByTagAsync(ValidationCacheKeys.Tag(ValidationCacheKeys.TokenHash(credential)), cancellationToken).ConfigureAwait(false);
        Log.Invalidated(logger, credential.Fingerprint, credential.Provider);
    }

    private async Task<TokenValidationReport[]> ValidateCoreAsync(TokenValidationRequest request, string?[] runtimes, CancellationToken cancellationToken)
    {
        var credential = request.Credential;
        var settings = options.CurrentValue.Validation;
        var policy = settings.For(request.Kind);
        var started = time.GetTimestamp();
        using var activity = ValidationTelemetry.ActivitySource.StartActivity("GitTokenScopes.Validate");
        activity?.SetTag("gittokenscopes.provider", credential.Provider.ToWireName());
        activity?.SetTag("gittokenscopes.token.kind", request.Kind.ToWireName());
        activity?.SetTag("gittokenscopes.token.fingerprint", credential.Fingerprint);

        TokenValidationReport[] reports;
        if (request.SkipValidation ?? policy.SkipValidation)
        {
            reports = [.. runtimes.Select(r => ReportBuilder.Skipped(request, r))];
            Log.ValidationSkipped(logger, request.Kind, credential.Fingerprint, credential.Provider);
        }
        else
        {
            if (!_inspectors.TryGetValue(credential.Provider, out var inspector))
            {
                throw new InvalidOperationException(
                    $"No inspector is registered for {credential.Provider.ToWireName()}: call services.AddGitTokenScopes().Add{credential.Provider}() (or register an ITokenInspector for it).");
            }

            Log.ValidationStarted(logger, request.Kind, credential.Fingerprint, credential.Provider, runtimes.Length, request.Repositories.Count);
            var asked = RequirementResolver.ForAllFamilies(requirements, credential.Provider, request.Kind, runtimes, request.Repositories).ToArray();
            var inspection = new TokenInspectionRequest(credential, request.Repositories, asked);
            var skipPermissions = request.SkipGitPermissionValidation ?? policy.SkipGitPermissionValidation;
            (var snapshot, reports) = await InspectAndReportAsync(inspector, inspection, request, runtimes, skipPermissions, policy.UnknownClauses, settings, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("gittokenscopes.status", snapshot.Status.ToWireName());
        }

        var elapsed = time.GetElapsedTime(started);
        foreach (var report in reports)
        {
            telemetry.Validated(report.Provider, report.TokenKind, report.Verdict, elapsed);
        }

        var verdict = reports.Max(r => Rank(r.Verdict));
        activity?.SetTag("gittokenscopes.verdict", reports.First(r => Rank(r.Verdict) == verdict).Verdict.ToWireName());
        if (logger.IsEnabled(LogLevel.Information))
        {
            var verdicts = string.Join(", ", reports.Select(r => r.Verdict.ToWireName()));
            Log.ValidationFinished(logger, request.Kind, credential.Fingerprint, credential.Provider, verdicts, elapsed.TotalMilliseconds);
        }
        return reports;
    }

    private async Task<(InspectionSnapshot Snapshot, TokenValidationReport[] Reports)> InspectAndReportAsync(
        ITokenInspector inspector,
        TokenInspectionRequest inspection,
        TokenValidationRequest request,
        string?[] runtimes,
        bool skipPermissions,
        UnknownClausePolicy unknownPolicy,
        TokenValidationOptions settings,
        CancellationToken cancellationToken)
    {
        TokenValidationReport[] Report(InspectionSnapshot snapshot)
        {
            var now = time.GetUtcNow();
            return [.. runtimes.Select(runtime => ReportBuilder.Build(request, runtime, snapshot, RequirementFor(request, snapshot, runtime), skipPermissions, unknownPolicy, settings, now))];
        }

        if (!settings.CacheEnabled)
        {
            var fresh = await InspectAsync(inspector, inspection, cancellationToken).ConfigureAwait(false);
            return (fresh, Report(fresh));
        }

        var tokenHash = ValidationCacheKeys.TokenHash(inspection.Credential);
        var key = ValidationCacheKeys.Inspection(inspection.Credential, tokenHash, inspection.Repositories, inspection.Requirements);
        string[] tags = [ValidationCacheKeys.Tag(tokenHash)];
        var factory = new Factory(this, inspector, inspection);
        var snapshot = await cache.GetOrCreateAsync(
            key,
            factory,
            static (f, ct) => f.RunAsync(ct),
            EntryOptions(settings.PassCacheDuration),
            tags,
            cancellationToken).ConfigureAwait(false);
        telemetry.CacheLookup(hit: !factory.Ran);
        if (!factory.Ran)
        {
            Log.CacheHit(logger, inspection.Credential.Fingerprint, inspection.Credential.Provider, snapshot.CheckedAt);
        }

        var reports = Report(snapshot);

        // The caller that inspected decides how long the entry lives: only an inspection on which every evaluation
        // passed keeps the long duration; a failure, a rate limit or an outage is asked again soon.
        if (factory.Ran && (snapshot.Status != InspectionStatus.Ok || reports.Any(r => r.Verdict != ValidationVerdict.Pass)))
        {
            await cache.SetAsync(key, snapshot, EntryOptions(settings.FailCacheDuration), tags, cancellationToken).ConfigureAwait(false);
        }

        return (snapshot, reports);
    }

    private ScopeRequirement? RequirementFor(TokenValidationRequest request, InspectionSnapshot snapshot, string? runtime)
        => snapshot.Family is { } family && ScopeVocabulary.TryGet(request.Credential.Provider, family, out _)
            ? RequirementResolver.Resolve(requirements, new ScopeRequirementKey(request.Credential.Provider, request.Kind, family), runtime, request.Repositories)
            : null;

    private async Task<InspectionSnapshot> InspectAsync(ITokenInspector inspector, TokenInspectionRequest request, CancellationToken cancellationToken)
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
            inspection = new TokenInspection
            {
                Provider = credential.Provider,
                ApiUrl = credential.ApiUrl ?? credential.ServerUrl ?? new Uri("about:blank"),
                Status = InspectionStatus.ProviderError,
                CredentialFingerprint = credential.Fingerprint,
                Message = $"The {credential.Provider.ToWireName()} inspector failed ({exception.GetType().Name}).",
            };
        }

        telemetry.Inspected(inspection.Provider, inspection.Status, inspection.RequestCount);
        return InspectionSnapshot.From(inspection, time.GetUtcNow());
    }

    private static HybridCacheEntryOptions EntryOptions(TimeSpan duration) => new() { Expiration = duration, LocalCacheExpiration = duration };

    private static int Rank(ValidationVerdict verdict)
        => verdict switch
        {
            ValidationVerdict.Fail => 3,
            ValidationVerdict.Indeterminate => 2,
            ValidationVerdict.Skipped => 1,
            _ => 0,
        };

    /// <summary>The cache's factory state: runs the inspection and remembers that this caller ran it.</summary>
    private sealed class Factory(TokenValidator validator, ITokenInspector inspector, TokenInspectionRequest request)
    {
        public bool Ran { get; private set; }

        public async ValueTask<InspectionSnapshot> RunAsync(CancellationToken cancellationToken)
        {
            Ran = true;
            return await validator.InspectAsync(inspector, request, cancellationToken).ConfigureAwait(false);
        }
    }
}
