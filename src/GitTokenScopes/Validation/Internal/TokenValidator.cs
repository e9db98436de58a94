// Licensed under the MIT License. See LICENSE in the repository root.

using System.Collections.Concurrent;
using GitTokenScopes.Catalogue.Internal;
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

    // Looks in the local tier only, and never inspects: a miss returns null.
    private static readonly HybridCacheEntryOptions LocalLookup = new()
    {
        Flags = HybridCacheEntryFlags.DisableUnderlyingData | HybridCacheEntryFlags.DisableDistributedCache | HybridCacheEntryFlags.DisableLocalCacheWrite,
    };

    private const int MaxSharedShapes = 1024;

    // The shared inspection writes its entry itself (see Factory), so the cache's own write is off.
    private static readonly HybridCacheEntryOptions NoWrite = new()
    {
        Flags = HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite,
    };

    private readonly bool _requirementsFixed = requirements is ConfiguredScopeRequirements;
    private readonly ConcurrentDictionary<(GitProvider Provider, TokenKind Kind, string? Runtime), QuestionShape> _shapes = new();

    public async Task<TokenValidationReport> ValidateAsync(TokenValidationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reports = await ValidateCoreAsync(request, runtimes: null, cancellationToken).ConfigureAwait(false);
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

        // A copy: the validator may hand the same reports to the next identical call.
        var reports = await ValidateCoreAsync(request, runtimes, cancellationToken).ConfigureAwait(false);
        return [.. reports];
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

    /// <summary>Validates for <paramref name="runtimes"/>, or for the request's own runtime when it is <see langword="null"/>. The reports may be shared with later identical calls: never hand the array out.</summary>
    private async ValueTask<TokenValidationReport[]> ValidateCoreAsync(TokenValidationRequest request, string?[]? runtimes, CancellationToken cancellationToken)
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
            reports = Skipped(request, runtimes ?? [request.RuntimeName]);
            Log.ValidationSkipped(logger, request.Kind, credential.Fingerprint, credential.Provider);
        }
        else
        {
            if (!_inspectors.TryGetValue(credential.Provider, out var inspector))
            {
                throw new InvalidOperationException(
                    $"No inspector is registered for {credential.Provider.ToWireName()}: call services.AddGitTokenScopes().Add{credential.Provider}() (or register an ITokenInspector for it).");
            }

            var question = QuestionOf(request, runtimes);
            Log.ValidationStarted(logger, request.Kind, credential.Fingerprint, credential.Provider, question.Shape.Runtimes.Length, request.Repositories.Count);
            var skipPermissions = request.SkipGitPermissionValidation ?? policy.SkipGitPermissionValidation;
            (var snapshot, reports) = await InspectAndReportAsync(inspector, question, request, skipPermissions, policy.UnknownClauses, settings, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("gittokenscopes.status", snapshot.Status.ToWireName());
        }

        var elapsed = time.GetElapsedTime(started);

        // One call, one duration: the worst verdict of its reports labels it.
        var worst = reports[0].Verdict;
        foreach (var report in reports)
        {
            telemetry.Validated(report.Provider, report.TokenKind, report.Verdict);
            worst = Rank(report.Verdict) > Rank(worst) ? report.Verdict : worst;
        }

        telemetry.Completed(credential.Provider, worst, elapsed);
        activity?.SetTag("gittokenscopes.verdict", worst.ToWireName());
        if (logger.IsEnabled(LogLevel.Information))
        {
            var verdicts = string.Join(", ", reports.Select(r => r.Verdict.ToWireName()));
            Log.ValidationFinished(logger, request.Kind, credential.Fingerprint, credential.Provider, verdicts, elapsed.TotalMilliseconds);
        }

        return reports;
    }

    // A method of its own: a lambda over the request inside ValidateCoreAsync would allocate its closure on every call.
    private static TokenValidationReport[] Skipped(TokenValidationRequest request, string?[] runtimes)
    {
        var reports = new TokenValidationReport[runtimes.Length];
        for (var i = 0; i < reports.Length; i++)
        {
            reports[i] = ReportBuilder.Skipped(request, runtimes[i]);
        }

        return reports;
    }

    /// <summary>
    /// The request's question. The library's own catalogue never changes after it is built, so its answer is kept on the
    /// request object (it goes with the request); a host's <see cref="IScopeRequirements"/> may change at any time, so
    /// it is asked again on every call.
    /// </summary>
    private ValidationQuestion QuestionOf(TokenValidationRequest request, string?[]? runtimes)
    {
        if (!_requirementsFixed)
        {
            return new ValidationQuestion(this, request, QuestionShape.Resolve(requirements, request.Credential.Provider, request.Kind, runtimes ?? [request.RuntimeName], request.Repositories));
        }

        if (Volatile.Read(ref request.Question) is { } known
            && ReferenceEquals(known.Owner, this)
            && (runtimes is null ? known.Shape.AsksFor(request.RuntimeName) : known.Shape.AsksFor(runtimes)))
        {
            return known;
        }

        var question = new ValidationQuestion(this, request, ShapeOf(request, runtimes));
        Volatile.Write(ref request.Question, question);
        return question;
    }

    /// <summary>
    /// The shape of the common question (one runtime, no repositories) is shared between requests, since it depends on
    /// the provider, kind and runtime alone; others are resolved per request.
    /// </summary>
    private QuestionShape ShapeOf(TokenValidationRequest request, string?[]? runtimes)
    {
        var provider = request.Credential.Provider;
        if (runtimes is not null || request.Repositories.Count > 0)
        {
            return QuestionShape.Resolve(requirements, provider, request.Kind, runtimes ?? [request.RuntimeName], request.Repositories);
        }

        var key = (provider, request.Kind, request.RuntimeName);
        if (_shapes.TryGetValue(key, out var shape))
        {
            return shape;
        }

        shape = QuestionShape.Resolve(requirements, provider, request.Kind, [request.RuntimeName], request.Repositories);

        // Runtime names come from callers: past a bound, new shapes are still right, only no longer shared.
        if (_shapes.Count < MaxSharedShapes)
        {
            _shapes.TryAdd(key, shape);
        }

        return shape;
    }

    private async ValueTask<(InspectionSnapshot Snapshot, TokenValidationReport[] Reports)> InspectAndReportAsync(
        ITokenInspector inspector,
        ValidationQuestion question,
        TokenValidationRequest request,
        bool skipPermissions,
        UnknownClausePolicy unknownPolicy,
        TokenValidationOptions settings,
        CancellationToken cancellationToken)
    {
        var inspection = question.Inspection;
        if (!settings.CacheEnabled)
        {
            var fresh = await InspectAsync(inspector, inspection, cancellationToken).ConfigureAwait(false);
            return (fresh, Reports(question, request, fresh, skipPermissions, unknownPolicy, settings));
        }

        InspectionSnapshot? snapshot;
        Factory? factory = null;
        try
        {
            var tokenHash = ValidationCacheKeys.TokenHash(inspection.Credential);
            var generation = await generations.GetAsync(tokenHash, settings.InvalidationPropagationTime, cancellationToken).ConfigureAwait(false);
            var key = question.KeyFor(generation);

            // A local hit is the common case: look for one first, which allocates nothing. (A read needs no tags: an
            // entry is checked against the tags it was written with.)
            snapshot = await cache.GetOrCreateAsync(key.Key, static _ => ValueTask.FromResult<InspectionSnapshot?>(null), LocalLookup, tags: null, cancellationToken).ConfigureAwait(false);
            if (snapshot is null)
            {
                // Concurrent callers share one inspection; the inspecting caller writes the entry itself, inside the
                // shared call, so that there is one write (HybridCache serializes on every write) and no moment when
                // the inspection is over but not yet findable.
                factory = new Factory(this, inspector, question, request, key, settings);
                snapshot = await cache.GetOrCreateAsync(key.Key, factory, static (f, ct) => f.RunAsync(ct), NoWrite, key.Tags, cancellationToken).ConfigureAwait(false);
            }

            if (factory is not { Ran: true })
            {
                Log.CacheHit(logger, inspection.Credential.Fingerprint, inspection.Credential.Provider, snapshot.CheckedAt);
            }

            telemetry.CacheLookup(hit: factory is not { Ran: true });
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A cache that fails (a distributed tier down, an entry that cannot be read) must not fail the validation.
            Log.CacheFailed(logger, inspection.Credential.Fingerprint, inspection.Credential.Provider, exception.GetType().Name);
            snapshot = factory?.Result ?? await InspectAsync(inspector, inspection, cancellationToken).ConfigureAwait(false);
        }

        return (snapshot, Reports(question, request, snapshot, skipPermissions, unknownPolicy, settings));
    }

    /// <summary>One report per runtime; the same reports again while the snapshot, the options and the clock's effect on them are unchanged (reports are immutable).</summary>
    private TokenValidationReport[] Reports(ValidationQuestion question, TokenValidationRequest request, InspectionSnapshot snapshot, bool skipPermissions, UnknownClausePolicy unknownPolicy, TokenValidationOptions settings)
    {
        var now = time.GetUtcNow();
        if (question.ReportsFor(snapshot, settings, now) is { } known)
        {
            return known;
        }

        var reports = new TokenValidationReport[question.Shape.Runtimes.Length];
        for (var i = 0; i < reports.Length; i++)
        {
            reports[i] = ReportBuilder.Build(request, question.Shape.Runtimes[i], snapshot, question.Shape.RequirementFor(snapshot.Family, i), skipPermissions, unknownPolicy, settings, now);
        }

        question.Remember(snapshot, settings, reports, now, ReportBuilder.StableUntil(snapshot, settings, now));
        return reports;
    }

    /// <summary>
    /// Writes a fresh inspection once, with a duration decided from the inspection alone (never from this caller's
    /// skip or fail-open policy, which other callers may not share), and without cancellation: the inspection is over.
    /// A failing cache must not fail the callers that joined this inspection, or each of them would inspect again.
    /// </summary>
    private async ValueTask StoreAsync(ValidationQuestion question, TokenValidationRequest request, ValidationQuestion.KeyMemo key, TokenValidationOptions settings, InspectionSnapshot snapshot)
    {
        var duration = IsCleanPass(question, request, snapshot) ? settings.PassCacheDuration : settings.FailCacheDuration;
        try
        {
            await cache.SetAsync(key.Key, snapshot, EntryOptions(duration), key.Tags, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            var credential = question.Inspection.Credential;
            Log.CacheFailed(logger, credential.Fingerprint, credential.Provider, exception.GetType().Name);
        }
    }

    /// <summary>
    /// Whether the inspection passes every runtime's requirement strictly: token valid, every clause satisfied, every
    /// repository granted. Only such an inspection is kept for the long pass duration.
    /// </summary>
    private static bool IsCleanPass(ValidationQuestion question, TokenValidationRequest request, InspectionSnapshot snapshot)
    {
        if (snapshot.Status != InspectionStatus.Ok || snapshot.Grant() is null)
        {
            return false;
        }

        if (request.Repositories.Any(r => !snapshot.Repositories.Any(s => string.Equals(s.Repository, r.Name, StringComparison.OrdinalIgnoreCase) && s.State == RepositoryAccessState.Granted)))
        {
            return false;
        }

        for (var i = 0; i < question.Shape.Runtimes.Length; i++)
        {
            if (question.Shape.RequirementFor(snapshot.Family, i) is not { } requirement || snapshot.Evaluate(requirement) is not { IsSatisfied: true })
            {
                return false;
            }
        }

        return true;
    }

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


    private static HybridCacheEntryOptions EntryOptions(TimeSpan duration) => new() { Expiration = duration, LocalCacheExpiration = duration };

    private static int Rank(ValidationVerdict verdict)
        => verdict switch
        {
            ValidationVerdict.Fail => 3,
            ValidationVerdict.Indeterminate => 2,
            ValidationVerdict.Skipped => 1,
            _ => 0,
        };

    /// <summary>The cache's factory state: runs the inspection, writes it to the cache, and remembers that this caller ran it.</summary>
    private sealed class Factory(TokenValidator validator, ITokenInspector inspector, ValidationQuestion question, TokenValidationRequest request, ValidationQuestion.KeyMemo key, TokenValidationOptions settings)
    {
        public bool Ran { get; private set; }

        public InspectionSnapshot? Result { get; private set; }

        public async ValueTask<InspectionSnapshot> RunAsync(CancellationToken cancellationToken)
        {
            Ran = true;
            Result = await validator.InspectAsync(inspector, question.Inspection, cancellationToken).ConfigureAwait(false);
            await validator.StoreAsync(question, request, key, settings, Result).ConfigureAwait(false);
            return Result;
        }
    }
}
