// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using GitTokenScopes.Resilience.Internal;
using GitTokenScopes.Tests.Schemas;
using Microsoft.Extensions.DependencyInjection;
using Polly;
using Polly.Timeout;

namespace GitTokenScopes.Tests.Resilience;

public sealed class ResiliencePipelineTests
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(408, true)]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(401, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(422, false)]
    [InlineData(429, false)]
    [InlineData(200, false)]
    public void StatusCodes(int status, bool retried)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);

        ResiliencePipelines.ShouldRetry(Outcome.FromResult(response), HttpMethod.Get, Cap, DateTimeOffset.UtcNow).Should().Be(retried);
    }

    [Theory]
    [InlineData(429, 2, true)]
    [InlineData(429, 3600, false)]
    [InlineData(503, 2, true)]
    [InlineData(503, 3600, false)]
    [InlineData(403, 1, false)]
    public void RetryAfter_IsHonouredUpToTheCap(int status, int seconds, bool retried)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));

        ResiliencePipelines.ShouldRetry(Outcome.FromResult(response), HttpMethod.Get, Cap, DateTimeOffset.UtcNow).Should().Be(retried);
        ResiliencePipelines.RetryAfter(response, Cap, DateTimeOffset.UtcNow).Should().Be(seconds <= Cap.TotalSeconds ? TimeSpan.FromSeconds(seconds) : null);
    }

    [Fact]
    public void RetryAfterAsADate_IsMeasuredFromTheServersDate()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        var serverNow = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        response.Headers.Date = serverNow;
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(serverNow.AddSeconds(3));

        ResiliencePipelines.RetryAfter(response, Cap, DateTimeOffset.UtcNow).Should().Be(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Exceptions_TransportAndAttemptTimeoutAreTransient_CancellationIsNot()
    {
        ResiliencePipelines.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("refused")), HttpMethod.Get, Cap, DateTimeOffset.UtcNow).Should().BeTrue();
        ResiliencePipelines.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException()), HttpMethod.Get, Cap, DateTimeOffset.UtcNow).Should().BeTrue();
        ResiliencePipelines.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new OperationCanceledException()), HttpMethod.Get, Cap, DateTimeOffset.UtcNow).Should().BeFalse();
    }

    [Fact]
    public void RetryAfterAsADate_WithoutADateHeader_IsMeasuredFromTheLocalClock()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        var now = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(now.AddSeconds(4));

        ResiliencePipelines.RetryAfter(response, Cap, now).Should().Be(TimeSpan.FromSeconds(4));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public void WriteRequests_AreNeverRetried(string method)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        ResiliencePipelines.ShouldRetry(Outcome.FromResult(response), new HttpMethod(method), Cap, DateTimeOffset.UtcNow).Should().BeFalse();
        ResiliencePipelines.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("reset")), new HttpMethod(method), Cap, DateTimeOffset.UtcNow).Should().BeFalse();
    }

    [Fact]
    public async Task TransientServerError_IsRetriedAndTheTokenPasses()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.ServiceUnavailable), ScriptedHandler.GitHubUser("repo, admin:repo_hook"));
        using var services = Build(handler);

        var report = await ValidateAsync(services);

        report.Verdict.Should().Be(ValidationVerdict.Pass);
        handler.CallCount.Should().Be(2);
    }

    [Fact]
    public async Task TransportFailures_AreRetried()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Throw(), ScriptedHandler.Throw(), ScriptedHandler.GitHubUser("repo, admin:repo_hook"));
        using var services = Build(handler);

        var report = await ValidateAsync(services);

        report.Verdict.Should().Be(ValidationVerdict.Pass);
        handler.CallCount.Should().Be(3);
    }

    [Fact]
    public async Task PersistentTransportFailure_IsIndeterminateAfterTheRetries()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Throw());
        using var services = Build(handler);

        var report = await ValidateAsync(services);

        report.Verdict.Should().Be(ValidationVerdict.Indeterminate);
        report.Status.Should().Be(InspectionStatus.Unreachable);
        handler.CallCount.Should().Be(3, "one attempt and two retries");
    }

    [Fact]
    public async Task LongRetryAfter_IsNotWaitedFor_ButReportedAsRateLimited()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.TooManyRequests, r => r.Headers.RetryAfter = new(TimeSpan.FromHours(1))));
        using var services = Build(handler);

        // If the pipeline slept for the hour, the guard would cancel the validation and the test would fail.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var report = await ValidateAsync(services, guard.Token);

        report.Verdict.Should().Be(ValidationVerdict.Indeterminate);
        report.Status.Should().Be(InspectionStatus.RateLimited);
        report.RateLimit!.ResetAt.Should().BeCloseTo(DateTimeOffset.UtcNow.AddHours(1), TimeSpan.FromMinutes(1));
        handler.CallCount.Should().Be(1);
    }

    [Fact]
    public async Task ShortRetryAfter_IsWaitedForAndRetried()
    {
        var handler = new ScriptedHandler(
            ScriptedHandler.Status(HttpStatusCode.TooManyRequests, r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(1))),
            ScriptedHandler.GitHubUser("repo, admin:repo_hook"));
        using var services = Build(handler);

        var report = await ValidateAsync(services);

        report.Verdict.Should().Be(ValidationVerdict.Pass);
        handler.CallCount.Should().Be(2);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    public async Task ClientErrors_AreNeverRetried(int status)
    {
        var handler = new ScriptedHandler(ScriptedHandler.Status((HttpStatusCode)status));
        using var services = Build(handler);

        await ValidateAsync(services);

        handler.CallCount.Should().Be(1);
    }

    [Fact]
    public async Task AttemptTimeout_BecomesUnreachable_NotAnException()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Hang());
        using var services = Build(handler, o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(100);
            o.MaxRetryAttempts = 1;
        });

        var report = await ValidateAsync(services);

        report.Verdict.Should().Be(ValidationVerdict.Indeterminate);
        report.Status.Should().Be(InspectionStatus.Unreachable);
        handler.CallCount.Should().Be(2);
    }

    [Fact]
    public async Task TotalTimeout_BoundsTheRetries()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Hang());
        using var services = Build(handler, o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            o.TotalTimeout = TimeSpan.FromMilliseconds(300);
            o.MaxRetryAfter = TimeSpan.FromMilliseconds(100);
            o.MaxRetryAttempts = 5;
        });

        var report = await ValidateAsync(services);

        report.Status.Should().Be(InspectionStatus.Unreachable);
        handler.CallCount.Should().BeLessThan(4, "the total time-out ends the attempts long before the six the retries allow");
    }

    [Fact]
    public async Task RequestTimeout_BoundsTheWholeRequest_AttemptsIncluded()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Hang());
        using var services = Build(handler, o => o.MaxRetryAttempts = 0, s => s.Configure<GitTokenScopes.GitHub.GitHubInspectorOptions>(o => o.RequestTimeout = TimeSpan.FromMilliseconds(200)));

        var report = await ValidateAsync(services);

        report.Status.Should().Be(InspectionStatus.Unreachable);
        report.Message.Should().Contain("did not answer GET /user within 0.2 s");
    }

    [Theory]
    [InlineData(GitTokenScopesHttpClientNames.GitHub)]
    [InlineData(GitTokenScopesHttpClientNames.GitLab)]
    [InlineData(GitTokenScopesHttpClientNames.BitbucketCloud)]
    [InlineData(GitTokenScopesHttpClientNames.BitbucketServer)]
    public void NamedClients_HaveNoTimeoutOfTheirOwn(string name)
    {
        using var services = new ServiceCollection().AddGitTokenScopes().AddGitHub().AddGitLab().AddBitbucketCloud().AddBitbucketServer().Services.BuildServiceProvider();

        services.GetRequiredService<IHttpClientFactory>().CreateClient(name).Timeout.Should().Be(Timeout.InfiniteTimeSpan);
    }

    [Fact]
    public async Task WithoutRetries_TheAttemptTimeoutStillBoundsTheRequest()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Hang());
        using var services = Build(handler, o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(100);
            o.MaxRetryAttempts = 0;
        });

        var report = await ValidateAsync(services);

        report.Verdict.Should().Be(ValidationVerdict.Indeterminate);
        report.Status.Should().Be(InspectionStatus.Unreachable);
        handler.CallCount.Should().Be(1);
    }

    [Fact]
    public async Task WithoutRetries_ATransientErrorIsAnsweredOnce()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.ServiceUnavailable), ScriptedHandler.GitHubUser("repo"));
        using var services = Build(handler, o => o.MaxRetryAttempts = 0);

        var report = await ValidateAsync(services);

        report.Verdict.Should().Be(ValidationVerdict.Indeterminate);
        handler.CallCount.Should().Be(1);
    }

    [Fact]
    public async Task DisabledPipeline_DoesNotRetry()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.ServiceUnavailable), ScriptedHandler.GitHubUser("repo"));
        using var services = Build(handler, o => o.Enabled = false);

        var report = await ValidateAsync(services);

        report.Verdict.Should().Be(ValidationVerdict.Indeterminate);
        handler.CallCount.Should().Be(1);
    }

    [Fact]
    public async Task HostCanRemoveThePipeline()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.ServiceUnavailable), ScriptedHandler.GitHubUser("repo"));
#pragma warning disable EXTEXP0001 // Experimental in Microsoft.Extensions.Http.Resilience; hosts may still use it.
        using var services = Build(handler, configureServices: s => s.AddHttpClient(GitTokenScopesHttpClientNames.GitHub).RemoveAllResilienceHandlers());
#pragma warning restore EXTEXP0001

        var report = await ValidateAsync(services);

        report.Verdict.Should().Be(ValidationVerdict.Indeterminate);
        handler.CallCount.Should().Be(1);
    }

    private static ServiceProvider Build(ScriptedHandler handler, Action<GitTokenScopesResilienceOptions>? configure = null, Action<IServiceCollection>? configureServices = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGitTokenScopes(o =>
        {
            o.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            o.Resilience.MaxRetryAfter = TimeSpan.FromSeconds(2);
            o.Validation.CacheEnabled = false;
            configure?.Invoke(o.Resilience);
        }).AddGitHub();
        services.AddHttpClient(GitTokenScopesHttpClientNames.GitHub).ConfigurePrimaryHttpMessageHandler(() => handler);
        configureServices?.Invoke(services);
        return services.BuildServiceProvider();
    }

    private static Task<TokenValidationReport> ValidateAsync(ServiceProvider services, CancellationToken cancellationToken = default)
        => services.GetSchemaCheckedValidator().ValidateAsync(
            new TokenValidationRequest(new GitCredential(GitProvider.GitHub, "ghp_" + new string('r', 36), apiUrl: new Uri("http://127.0.0.1:1/")), TokenKind.Runtime),
            cancellationToken);
}
