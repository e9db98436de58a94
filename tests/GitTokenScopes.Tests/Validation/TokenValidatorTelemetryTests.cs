// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics;
using GitTokenScopes.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace GitTokenScopes.Tests.Validation;

/// <summary>
/// What a validation tells an operator: the validator's log events (id, level, what they name), its metrics and its
/// span, for a pass, a failure, an outage, a skip, a cache hit, an inspector that throws and an invalidation.
/// </summary>
[Collection(GitTokenScopes.Tests.Diagnostics.OpenTelemetryCollection.Name)]
public sealed class TokenValidatorTelemetryTests : IDisposable
{
    private static readonly GitCredential Credential = new(GitProvider.GitHub, "ghp_" + new string('t', 36), apiUrl: new Uri("http://127.0.0.1:9/"));

    private readonly List<Activity> _spans = [];
    private readonly ActivityListener _listener;

    public TokenValidatorTelemetryTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GitTokenScopesDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (_spans)
                {
                    _spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task Pass_LogsStartAndFinish_CountsTheVerdict_AndTagsTheSpan()
    {
        using var host = new Host(new FakeTokenInspector(GitProvider.GitHub).Grant(TokenFamily.Classic, "repo", "admin:repo_hook"));

        await host.Validator.ValidateAsync(new TokenValidationRequest(Credential, TokenKind.Runtime, "production"));

        var started = host.Log(1);
        started.Level.Should().Be(LogLevel.Debug);
        started.Message.Should().Be($"Validating Runtime token {Credential.Fingerprint} for GitHub (1 runtime(s), 0 repositories)");
        var finished = host.Log(2);
        finished.Level.Should().Be(LogLevel.Information);
        finished.Message.Should().StartWith($"Validated Runtime token {Credential.Fingerprint} for GitHub: pass in ");
        host.Validations.GetMeasurementSnapshot().Single().Tags.Should().Contain(new KeyValuePair<string, object?>("gittokenscopes.verdict", "pass"))
            .And.Contain(new KeyValuePair<string, object?>("gittokenscopes.provider", "github"))
            .And.Contain(new KeyValuePair<string, object?>("gittokenscopes.token.kind", "runtime"));
        host.Durations.GetMeasurementSnapshot().Single().Tags.Should().Contain(new KeyValuePair<string, object?>("gittokenscopes.verdict", "pass"));
        host.Inspections.GetMeasurementSnapshot().Single().Tags.Should().Contain(new KeyValuePair<string, object?>("gittokenscopes.status", "ok"));

        var span = Span();
        span.Status.Should().Be(ActivityStatusCode.Unset);
        span.GetTagItem("gittokenscopes.provider").Should().Be("github");
        span.GetTagItem("gittokenscopes.token.kind").Should().Be("runtime");
        span.GetTagItem("gittokenscopes.token.fingerprint").Should().Be(Credential.Fingerprint);
        span.GetTagItem("gittokenscopes.status").Should().Be("ok");
        span.GetTagItem("gittokenscopes.verdict").Should().Be("pass");
    }

    [Fact]
    public async Task MissingScopes_IsAVerdictNotAnError()
    {
        using var host = new Host(new FakeTokenInspector(GitProvider.GitHub).Grant(TokenFamily.Classic, "repo"));

        await host.Validator.ValidateAsync(new TokenValidationRequest(Credential, TokenKind.Runtime));

        var span = Span();
        span.Status.Should().Be(ActivityStatusCode.Unset, "a token that lacks a scope is an answer, not an operational error");
        span.GetTagItem("gittokenscopes.verdict").Should().Be("fail");
        host.Log(2).Message.Should().Contain(": fail in ");
    }

    [Theory]
    [InlineData(InspectionStatus.Unreachable, "unreachable")]
    [InlineData(InspectionStatus.ProviderError, "provider-error")]
    [InlineData(InspectionStatus.RateLimited, "rate-limited")]
    public async Task ProviderThatCouldNotAnswer_MarksTheSpanAsAnError(InspectionStatus status, string wire)
    {
        using var host = new Host(new FakeTokenInspector(GitProvider.GitHub).Answer(r => new TokenInspection
        {
            Provider = GitProvider.GitHub,
            ApiUrl = FakeTokenInspector.ApiUrlOf(r),
            Status = status,
            CredentialFingerprint = r.Credential.Fingerprint,
        }));

        var report = await host.Validator.ValidateAsync(new TokenValidationRequest(Credential, TokenKind.Runtime));

        report.Verdict.Should().Be(ValidationVerdict.Indeterminate);
        var span = Span();
        span.Status.Should().Be(ActivityStatusCode.Error);
        span.StatusDescription.Should().Be(wire);
        span.GetTagItem("gittokenscopes.status").Should().Be(wire);
        span.GetTagItem("gittokenscopes.verdict").Should().Be("indeterminate");
    }

    [Fact]
    public async Task Skipped_WarnsThatNoProviderWasAsked()
    {
        var inspector = new FakeTokenInspector(GitProvider.GitHub);
        using var host = new Host(inspector, o => o.Validation.Runtime.SkipValidation = true);

        await host.Validator.ValidateAsync(new TokenValidationRequest(Credential, TokenKind.Runtime));

        var skipped = host.Log(3);
        skipped.Level.Should().Be(LogLevel.Warning);
        skipped.Message.Should().Be($"Validation of Runtime token {Credential.Fingerprint} for GitHub was skipped by policy (skipValidation); no provider was asked");
        host.Logs.GetSnapshot().Should().NotContain(r => r.Id.Id == 1, "nothing was validated");
        inspector.CallCount.Should().Be(0);
        Span().GetTagItem("gittokenscopes.verdict").Should().Be("skipped");
        host.Validations.GetMeasurementSnapshot().Single().Tags["gittokenscopes.verdict"].Should().Be("skipped");
    }

    [Fact]
    public async Task CacheHit_IsLoggedWithWhenTheTokenWasChecked()
    {
        using var host = new Host(new FakeTokenInspector(GitProvider.GitHub).Grant(TokenFamily.Classic, "repo", "admin:repo_hook"));
        var request = new TokenValidationRequest(Credential, TokenKind.Runtime);

        var first = await host.Validator.ValidateAsync(request);
        host.Logs.GetSnapshot().Should().NotContain(r => r.Id.Id == 4, "the first call inspected");
        await host.Validator.ValidateAsync(request);

        var hit = host.Log(4);
        hit.Level.Should().Be(LogLevel.Debug);
        hit.Message.Should().Be($"Inspection of token {Credential.Fingerprint} for GitHub came from the cache (checked at {first.CheckedAt:O})");
        host.Inspections.GetMeasurementSnapshot().Should().ContainSingle("the second call did not inspect");
    }

    [Fact]
    public async Task InspectorThatThrows_IsLoggedAsAnErrorByType_AndReportedAgainstTheCredentialsApi()
    {
        using var host = new Host(new FakeTokenInspector(GitProvider.GitHub).Answer(_ => throw new InvalidDataException("secret detail")));

        var report = await host.Validator.ValidateAsync(new TokenValidationRequest(Credential, TokenKind.Runtime));

        var failed = host.Log(5);
        failed.Level.Should().Be(LogLevel.Error);
        failed.Message.Should().Be($"The GitHub inspector threw System.IO.InvalidDataException for token {Credential.Fingerprint}; reported as a provider error");
        report.Status.Should().Be(InspectionStatus.ProviderError);
        report.Message.Should().Be("The github inspector failed (InvalidDataException).");
        report.ApiUrl.Should().Be(Credential.ApiUrl);
    }

    [Fact]
    public async Task InspectorThatThrows_WithoutAnAddress_IsReportedAgainstTheProvidersDefaultApi()
    {
        var credential = new GitCredential(GitProvider.GitHub, "ghp_" + new string('u', 36));
        using var host = new Host(new FakeTokenInspector(GitProvider.GitHub).Answer(_ => throw new InvalidOperationException()));

        var report = await host.Validator.ValidateAsync(new TokenValidationRequest(credential, TokenKind.Runtime));

        report.ApiUrl.Should().Be(new Uri("https://api.github.com/"));
    }

    [Fact]
    public async Task InspectorThatThrows_ForAServer_IsReportedAgainstTheServer()
    {
        var credential = new GitCredential(GitProvider.GitHub, "ghp_" + new string('v', 36), serverUrl: new Uri("http://127.0.0.1:9/"));
        using var host = new Host(new FakeTokenInspector(GitProvider.GitHub).Answer(_ => throw new InvalidOperationException()));

        var report = await host.Validator.ValidateAsync(new TokenValidationRequest(credential, TokenKind.Runtime));

        report.ApiUrl.Should().Be(new Uri("http://127.0.0.1:9/"));
    }

    [Fact]
    public async Task Invalidate_LogsWhatItForgot()
    {
        using var host = new Host(new FakeTokenInspector(GitProvider.GitHub));

        await host.Validator.InvalidateAsync(Credential);

        var invalidated = host.Log(6);
        invalidated.Level.Should().Be(LogLevel.Information);
        invalidated.Message.Should().Be($"Forgot the cached inspections of token {Credential.Fingerprint} for GitHub");
    }

    [Fact]
    public async Task SeveralRuntimes_TheWorstVerdictLabelsTheCall()
    {
        var key = new ScopeRequirementKey(GitProvider.GitHub, TokenKind.Runtime, TokenFamily.Classic);
        var requirements = new FakeScopeRequirements()
            .Set(new ScopeRequirement(key, [new ScopeClause("repo", ["repo"], "Clone")], "house", new RequirementSource("A test")), runtimeName: "lenient");
        using var host = new Host(new FakeTokenInspector(GitProvider.GitHub).Grant(TokenFamily.Classic, "repo"), services: s => s.AddSingleton<IScopeRequirements>(requirements));

        var reports = await host.Validator.ValidateForRuntimesAsync(new TokenValidationRequest(Credential, TokenKind.Runtime), ["lenient", "strict"]);

        reports.Select(r => r.Verdict).Should().Equal(ValidationVerdict.Pass, ValidationVerdict.Fail);
        Span().GetTagItem("gittokenscopes.verdict").Should().Be("fail");
        host.Durations.GetMeasurementSnapshot().Single().Tags["gittokenscopes.verdict"].Should().Be("fail");
        host.Validations.GetMeasurementSnapshot().Select(m => m.Tags["gittokenscopes.verdict"]).Should().Equal("pass", "fail");
        host.Log(2).Message.Should().Contain(": pass, fail in ");
        host.Log(1).Message.Should().Contain("(2 runtime(s), 0 repositories)");
    }

    private Activity Span()
    {
        lock (_spans)
        {
            return _spans.Single(a => a.OperationName == "GitTokenScopes.Validate");
        }
    }

    private sealed class Host : IDisposable
    {
        private readonly ServiceProvider _services;

        public Host(FakeTokenInspector inspector, Action<GitTokenScopesOptions>? configure = null, Action<IServiceCollection>? services = null)
        {
            var collection = new ServiceCollection();
            collection.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
            collection.AddMetrics();
            collection.AddGitTokenScopes(o => configure?.Invoke(o)).AddGitHub();
            collection.AddSingleton<ITokenInspector>(inspector);
            services?.Invoke(collection);
            _services = collection.BuildServiceProvider();
            Validator = _services.GetRequiredService<ITokenValidator>();
            Logs = _services.GetFakeLogCollector();
            var meters = _services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
            Validations = new MetricCollector<long>(meters, GitTokenScopesDiagnostics.MeterName, GitTokenScopesDiagnostics.ValidationsCounter);
            Inspections = new MetricCollector<long>(meters, GitTokenScopesDiagnostics.MeterName, GitTokenScopesDiagnostics.InspectionsCounter);
            Durations = new MetricCollector<double>(meters, GitTokenScopesDiagnostics.MeterName, GitTokenScopesDiagnostics.ValidationDurationHistogram);
        }

        public ITokenValidator Validator { get; }

        public FakeLogCollector Logs { get; }

        public MetricCollector<long> Validations { get; }

        public MetricCollector<long> Inspections { get; }

        public MetricCollector<double> Durations { get; }

        /// <summary>The one record of the validator's event <paramref name="id"/>.</summary>
        public FakeLogRecord Log(int id) => Logs.GetSnapshot().Single(r => r.Category == "GitTokenScopes.Validation.Internal.TokenValidator" && r.Id.Id == id);

        public void Dispose()
        {
            Validations.Dispose();
            Inspections.Dispose();
            Durations.Dispose();
            _services.Dispose();
        }
    }
}
