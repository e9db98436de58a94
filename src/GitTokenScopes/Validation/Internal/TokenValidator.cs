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
    TokenGenerations generations,
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
        var tokenHash = ValidationCacheKeys.TokenHash(credential);

        // The tag removal forgets the entries in this instance at once; the new generation reaches the others.
        await cache.RemoveByTagAsync(ValidationCacheKeys.Tag(tokenHash), cancellationToken).ConfigureAwait(false);
        var lifetime = settings.PassCacheDuration > settings.FailCacheDuration ? settings.PassCacheDuration : settings.FailCacheDuration;
        await generations.BumpAsync(tokenHash, lifetime, settings.InvalidationPropagationTime, cancellationToken).ConfigureAwait(false);
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
            telemetry.Validated(report.Provider, report.TokenKind, report.Verdict);
        }

        // One call, one duration: the worst verdict of its reports labels it.
        var worst = reports.MaxBy(r => Rank(r.Verdict))!.Verdict;
        telemetry.Completed(credential.Provider, worst, elapsed);
        activity?.SetTag("gittokenscopes.verdict", worst.ToWireName());
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

        InspectionSnapshot snapshot;
        var factory = new Factory(this, inspector, inspection);
        try
        {
            var tokenHash = ValidationCacheKeys.TokenHash(inspection.Credential);
            var generation = await generations.GetAsync(tokenHash, settings.InvalidationPropagationTime, cancellationToken).ConfigureAwait(false);
            var key = ValidationCacheKeys.Inspection(inspection.Credential, tokenHash, generation, inspection.Repositories, inspection.Requirements);
            string[] tags = [ValidationCacheKeys.Tag(tokenHash)];

            // Concurrent callers share one inspection. It first enters the local tier for the failure duration only, so
            // that late callers find it while its real duration is decided below, and nothing long-lived is written yet.
            snapshot = await cache.GetOrCreateAsync(key, factory, static (f, ct) => f.RunAsync(ct), Provisional(settings.FailCacheDuration), tags, cancellationToken).ConfigureAwait(false);
            if (factory.Ran)
            {
                // The inspecting caller writes once, with a duration decided from the inspection alone (never from
                // this caller's skip or fail-open policy, which other callers may not share), and without its own
                // cancellation, so that a caller that gave up cannot leave a failure cached for the pass duration.
                var duration = IsCleanPass(request, runtimes, snapshot) ? settings.PassCacheDuration : settings.FailCacheDuration;
                await cache.SetAsync(key, snapshot, EntryOptions(duration), tags, CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                Log.CacheHit(logger, inspection.Credential.Fingerprint, inspection.Credential.Provider, snapshot.CheckedAt);
            }

            telemetry.CacheLookup(hit: !factory.Ran);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A cache that fails (a distributed tier down, an entry that cannot be read) must not fail the validation.
            Log.CacheFailed(logger, inspection.Credential.Fingerprint, inspection.Credential.Provider, exception.GetType().Name);
            snapshot = factory.Result ?? await InspectAsync(inspector, inspection, cancellationToken).ConfigureAwait(false);
        }

        return (snapshot, Report(snapshot));
    }

    /// <summary>
    /// Whether the inspection passes every runtime's requirement strictly: token valid, every clause satisfied, every
    /// repository granted. Only such an inspection is kept for the long pass duration.
    /// </summary>
    private bool IsCleanPass(TokenValidationRequest request, string?[] runtimes, InspectionSnapshot snapshot)
    {
        if (snapshot.Status != InspectionStatus.Ok || snapshot.Grant() is not { } grant)
        {
            return false;
        }

        if (request.Repositories.Any(r => !snapshot.Repositories.Any(s => string.Equals(s.Repository, r.Name, StringComparison.OrdinalIgnoreCase) && s.State == RepositoryAccessState.Granted)))
        {
            return false;
        }

        return runtimes.All(runtime => RequirementFor(request, snapshot, runtime) is { } requirement && ScopeEvaluator.Evaluate(requirement, grant).IsSatisfied);
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
            inspection = Failed(credential, $"The {credential.Provider.ToWireName()} inspector failed ({exception.GetType().Name}).");
        }

        if (!Enum.IsDefined(inspection.Status) || inspection.Provider != credential.Provider)
        {
            // A host's inspector answered with a status this version does not know, or for another provider.
            inspection = Failed(credential, $"The {credential.Provider.ToWireName()} inspector gave an answer this version cannot read.");
        }

        telemetry.Inspected(inspection.Provider, inspection.Status, inspection.RequestCount);
        return InspectionSnapshot.From(inspection, time.GetUtcNow());
    }

    private static TokenInspection Failed(GitCredential credential, string message)
        => new()
        {
            Provider = credential.Provider,
            ApiUrl = credential.ApiUrl ?? credential.ServerUrl ?? DefaultApiUrl(credential.Provider),
            Status = InspectionStatus.ProviderError,
            CredentialFingerprint = credential.Fingerprint,
            Message = message,
        };

    private static Uri DefaultApiUrl(GitProvider provider)
        => provider switch
        {
            GitProvider.GitHub => new Uri("https://api.github.com/"),
            GitProvider.GitLab => new Uri("https://gitlab.com/api/v4/"),
            GitProvider.BitbucketCloud => new Uri("https://api.bitbucket.org/2.0/"),
            _ => new Uri("https://localhost/"),
        };

    private static HybridCacheEntryOptions Provisional(TimeSpan failDuration)
        => new() { Expiration = failDuration, LocalCacheExpiration = failDuration, Flags = HybridCacheEntryFlags.DisableDistributedCacheWrite };

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

        public InspectionSnapshot? Result { get; private set; }

        public async ValueTask<InspectionSnapshot> RunAsync(CancellationToken cancellationToken)
        {
            Ran = true;
            Result = await validator.InspectAsync(inspector, request, cancellationToken).ConfigureAwait(false);
            return Result;
        }
    }
}
