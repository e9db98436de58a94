// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics;
using GitTokenScopes.Testing;
using GitTokenScopes.Tests.Validation;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace GitTokenScopes.Tests.Diagnostics;

/// <summary>
/// A fine-grained validation probes permissions with requests built to be refused. The refusal that answers the
/// question is the expected answer: each probe's span says what it showed and is not an error, so a dashboard of
/// fine-grained validations stays green; a probe whose write succeeded, or that got no answer, is an error.
/// </summary>
[Collection(OpenTelemetryCollection.Name)]
public sealed class ProbeSpanTests
{
    private const string Repository = "acme/config";

    [Fact]
    public async Task ProbesThatSettleThePermission_AreChildSpans_MarkedExpected_NotErrors()
    {
        using var harness = new ValidationHarness();
        harness.Server.AddRepository(new FakeGitHubRepository { FullName = Repository, Private = true });
        var token = FakeGitHubToken.FineGrained().WithRepository(Repository, FakeGitHubGrant.WithPermissions(("contents", "write"), ("metadata", "read"), ("administration", "write")));

        var spans = await ValidateAsync(harness, token);

        var validation = spans.Single(s => s.OperationName == "GitTokenScopes.Validate");
        var probes = spans.Where(s => s.OperationName == "GitTokenScopes.Probe").ToArray();
        probes.Should().NotBeEmpty().And.OnlyContain(p => p.ParentSpanId == validation.SpanId);
        probes.Should().OnlyContain(p => p.Status == ActivityStatusCode.Unset, "a refusal that answers the question is not an error");
        probes.Should().OnlyContain(p => (string?)p.GetTagItem("gittokenscopes.provider") == "github" && (string?)p.GetTagItem("gittokenscopes.repository") == Repository);

        var hooks = probes.Single(p => (string?)p.GetTagItem("gittokenscopes.probe.permission") == "repository_hooks=write");
        hooks.GetTagItem("gittokenscopes.probe.verdict").Should().Be("denied");
        ((int)hooks.GetTagItem("http.response.status_code")!).Should().BeInRange(400, 499);
        hooks.GetTagItem("gittokenscopes.probe.expected_rejection").Should().Be(true);

        var contents = probes.Single(p => (string?)p.GetTagItem("gittokenscopes.probe.permission") == "contents=write");
        contents.GetTagItem("gittokenscopes.probe.verdict").Should().Be("granted");
        contents.GetTagItem("http.request.method").Should().NotBe("GET", "contents=write is probed with a write GitHub must refuse");
        contents.GetTagItem("gittokenscopes.probe.expected_rejection").Should().Be(true, "GitHub refused the payload only after it authorized the write");
        validation.Status.Should().Be(ActivityStatusCode.Unset);
        validation.GetTagItem("gittokenscopes.verdict").Should().Be("fail", "the token lacks the webhook permission: a verdict, not an error");
    }

    [Fact]
    public async Task AWriteProbeThatSucceeded_IsAnError()
    {
        using var harness = new ValidationHarness();
        harness.Server.AddRepository(new FakeGitHubRepository { FullName = Repository, Private = true });
        var token = FakeGitHubToken.FineGrained().WithRepository(Repository, FakeGitHubGrant.WithPermissions(("contents", "write"), ("metadata", "read")));
        token.AnswerWriteProbesWithSuccess = true;

        var spans = await ValidateAsync(harness, token);

        var failed = spans.Where(s => s.OperationName == "GitTokenScopes.Probe" && s.Status == ActivityStatusCode.Error).ToArray();
        failed.Should().NotBeEmpty().And.OnlyContain(p => p.StatusDescription == "unexpected-success" && (bool?)p.GetTagItem("gittokenscopes.probe.expected_rejection") == false);
    }

    [Fact]
    public async Task AProbeThatGotNoAnswer_IsAnError()
    {
        using var harness = new ValidationHarness();
        harness.Server.AddRepository(new FakeGitHubRepository { FullName = Repository, Private = true });
        var token = FakeGitHubToken.FineGrained().WithRepository(Repository, FakeGitHubGrant.WithPermissions(("contents", "write"), ("metadata", "read")));
        token.ServerErrorStatus = 502;

        var spans = await ValidateAsync(harness, token);

        spans.Where(s => s.OperationName == "GitTokenScopes.Probe").Should().NotBeEmpty()
            .And.OnlyContain(p => p.Status == ActivityStatusCode.Error && p.GetTagItem("gittokenscopes.probe.verdict") as string == p.StatusDescription);
    }

    [Theory]
    [InlineData("rate-limited")]
    [InlineData("sso-required")]
    [InlineData("policy-forbidden")]
    public async Task AProbeTheOrganizationOrTheRateLimitStopped_IsAnError_SayingWhich(string verdict)
    {
        using var harness = new ValidationHarness();
        harness.Server.AddRepository(new FakeGitHubRepository { FullName = Repository, Private = true });
        var token = FakeGitHubToken.FineGrained().WithRepository(Repository, FakeGitHubGrant.WithPermissions(("contents", "write"), ("metadata", "read")));
        switch (verdict)
        {
            case "rate-limited":
                token.RateLimit = new FakeGitHubRateLimit { Remaining = 0, ResetAt = DateTimeOffset.UtcNow.AddMinutes(10) };
                break;
            case "sso-required":
                token.SsoOrganization = "acme";
                break;
            default:
                token.PolicyOrganization = "acme";
                break;
        }

        var spans = await ValidateAsync(harness, token);

        spans.Where(s => s.OperationName == "GitTokenScopes.Probe").Should().NotBeEmpty()
            .And.OnlyContain(p => p.Status == ActivityStatusCode.Error && p.StatusDescription == verdict && (string?)p.GetTagItem("gittokenscopes.probe.verdict") == verdict);
    }

    private static async Task<List<Activity>> ValidateAsync(ValidationHarness harness, FakeGitHubToken token)
    {
        var spans = new List<Activity>();
        using var tracerProvider = Sdk.CreateTracerProviderBuilder().AddSource(GitTokenScopesDiagnostics.ActivitySourceName).AddInMemoryExporter(spans).Build();
        var credential = harness.Credential(token);
        await harness.Validator.ValidateAsync(new TokenValidationRequest(credential, TokenKind.Runtime, repositories: [new RepositoryRequest(Repository)]));
        tracerProvider.ForceFlush();
        return spans;
    }
}
