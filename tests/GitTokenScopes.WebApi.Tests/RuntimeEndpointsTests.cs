// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using GitTokenScopes.Testing;
using GitTokenScopes.Tests.Schemas;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace GitTokenScopes.WebApi.Tests;

/// <summary>
/// The token page's endpoints: <c>GET /runtimes</c> lists appsettings.json's runtimes, and
/// <c>POST /runtimes/user-token/validate</c> checks one User token for one or several of them, against the fakes.
/// </summary>
public sealed class RuntimeEndpointsTests : IDisposable
{
    private readonly WebApiFactory _factory = new();

    [Fact]
    public async Task ListRuntimes_ReturnsTheConfiguredRuntimesWithTheirServersAndRepositories()
    {
        using var client = _factory.CreateClient();

        using var runtimes = JsonDocument.Parse(await client.GetStringAsync(new Uri("/runtimes", UriKind.Relative)));

        var items = runtimes.RootElement.EnumerateArray().ToList();
        items.Select(r => r.GetProperty("name").GetString()).Should().Equal(WebApiFactory.Runtimes);
        items.Select(r => r.GetProperty("provider").GetString()).Should().Equal("github", "github", "gitlab");
        items.Select(r => r.GetProperty("server").GetString()).Should().Equal(
            _factory.GitHub.ApiUrl.AbsoluteUri, _factory.GitHub.ApiUrl.AbsoluteUri, _factory.GitLab.ApiUrl.AbsoluteUri);
        var repository = items[0].GetProperty("repositories").EnumerateArray().Single();
        repository.GetProperty("name").GetString().Should().Be(WebApiFactory.ConfigRepository);
        repository.GetProperty("access").GetString().Should().Be("read-write");
    }

    [Fact]
    public async Task ListRuntimes_ReadSuffix_IsReadOnlyAccess()
    {
        _factory.With("Runtimes:2:Repositories:0", "acme/gitops-config:read").With("Runtimes:2:Repositories:1", "acme/apps");
        using var client = _factory.CreateClient();

        using var runtimes = JsonDocument.Parse(await client.GetStringAsync(new Uri("/runtimes", UriKind.Relative)));

        runtimes.RootElement[2].GetProperty("repositories").EnumerateArray()
            .Select(r => $"{r.GetProperty("name").GetString()} {r.GetProperty("access").GetString()}")
            .Should().Equal("acme/gitops-config read", "acme/apps read-write");
    }

    [Fact]
    public async Task OneRuntime_GoodToken_PassesWithTheFingerprintAndNoStore()
    {
        var token = _factory.UserToken("repo", "write:repo_hook");

        var (status, text, headers) = await PostAsync(Body(token.Value, "production"));

        status.Should().Be(HttpStatusCode.OK, text);
        headers.CacheControl!.NoStore.Should().BeTrue();
        var (fingerprint, reports) = Read(text);
        fingerprint.Should().Be(token.Fingerprint);
        var report = reports.Single();
        report.Runtime.Should().Be("production");
        report.TokenKind.Should().Be(TokenKind.User);
        report.Verdict.Should().Be(ValidationVerdict.Pass, text);
        report.TokenFingerprint.Should().Be(token.Fingerprint);
        report.ExpiresAt.Should().BeCloseTo(token.ExpiresAt!.Value, TimeSpan.FromSeconds(1), "the expiry GitHub reported");
        report.Remediation.Should().BeNull();
        text.Should().NotContain(token.Value);
    }

    [Fact]
    public async Task OneRuntime_MissingScope_FailsWithThePurposeAndACreationLink()
    {
        var token = _factory.UserToken("repo");

        var (status, text, _) = await PostAsync(Body(token.Value, "production"));

        status.Should().Be(HttpStatusCode.OK);
        var report = Read(text).Reports.Single();
        report.Verdict.Should().Be(ValidationVerdict.Fail);
        report.MissingScopes.Should().Equal("admin:repo_hook");
        report.Findings.Single(f => f.State == ClauseState.Missing).Purpose.Should().Contain("webhooks", "appsettings.json gives the clause its purpose");
        report.Remediation!.CreateTokenUrl!.Query.Should().Contain("scopes=repo,admin:repo_hook");
        text.Should().NotContain(token.Value);
    }

    [Fact]
    public async Task SeveralRuntimes_OneInspection_OneReportEachInTheOrderAsked()
    {
        var token = _factory.UserToken("repo");

        var (status, text, _) = await PostAsync(Body(token.Value, "staging", "production"));

        status.Should().Be(HttpStatusCode.OK, text);
        var reports = Read(text).Reports;
        reports.Select(r => r.Runtime).Should().Equal("staging", "production");
        reports.Select(r => r.Verdict).Should().Equal([ValidationVerdict.Pass, ValidationVerdict.Fail],
            "appsettings.json removes the webhook clause for staging's users only");
        _factory.GitHub.Requests.Count(r => r.TokenFingerprint == token.Fingerprint && r.Path == "/user").Should().Be(1,
            "the two runtimes share one inspection (ValidateForRuntimesAsync); two validations would ask twice, their requirements differ");
        text.Should().NotContain(token.Value);
    }

    [Fact]
    public async Task SeveralRuntimesWithDifferentRepositories_EachReportJudgesItsOwn()
    {
        const string stagingRepository = "acme/staging-config";
        _factory.With("Runtimes:1:Repositories:0", stagingRepository);
        _factory.GitHub.AddRepository(new FakeGitHubRepository { FullName = stagingRepository, Private = true });
        var token = _factory.UserToken("repo").WithRepository(stagingRepository, new FakeGitHubGrant { Role = "write" });

        var (status, text, _) = await PostAsync(Body(token.Value, "production", "staging"));

        status.Should().Be(HttpStatusCode.OK, text);
        var reports = Read(text).Reports;
        reports.Select(r => r.Runtime).Should().Equal("production", "staging");
        reports[0].Repositories.Select(r => r.Repository).Should().Equal(WebApiFactory.ConfigRepository);
        reports[1].Repositories.Select(r => r.Repository).Should().Equal(stagingRepository);
        reports.Select(r => r.Verdict).Should().Equal([ValidationVerdict.Fail, ValidationVerdict.Pass],
            "the webhook clause belongs to acme/gitops-config, which staging no longer needs");
        _factory.GitHub.Requests.Count(r => r.TokenFingerprint == token.Fingerprint && r.Path == "/user").Should().Be(2, "one inspection per set of repositories");
    }

    [Fact]
    public async Task RateLimitedToken_IsIndeterminateWithoutMissingScopes()
    {
        var token = FakeGitHubToken.Classic("repo").WithRepository(WebApiFactory.ConfigRepository, new FakeGitHubGrant { Role = "write" });
        token.RateLimit = new FakeGitHubRateLimit { Remaining = 0, ResetAt = DateTimeOffset.UtcNow.AddMinutes(10) };
        _factory.GitHub.AddToken(token);

        var (status, text, _) = await PostAsync(Body(token.Value, "production", "staging"));

        status.Should().Be(HttpStatusCode.OK);
        var reports = Read(text).Reports;
        reports.Should().AllSatisfy(r =>
        {
            r.Verdict.Should().Be(ValidationVerdict.Indeterminate);
            r.Status.Should().Be(InspectionStatus.RateLimited);
            r.MissingScopes.Should().BeEmpty("a rate limit proves nothing missing");
        });
        text.Should().NotContain(token.Value);
    }

    [Fact]
    public async Task RuntimesOnDifferentServers_Return400AndSendTheTokenNowhere()
    {
        var token = _factory.UserToken("repo");

        var (status, text, _) = await PostAsync(Body(token.Value, "production", "edge"));

        status.Should().Be(HttpStatusCode.BadRequest);
        ErrorsOf(text).Should().ContainKey("runtimes").WhoseValue.Should().Contain("one Git server").And.Contain("edge on " + _factory.GitLab.ApiUrl.AbsoluteUri);
        _factory.GitHub.Requests.Should().BeEmpty();
        text.Should().NotContain(token.Value);
    }

    [Fact]
    public async Task UnknownRuntime_Returns400WithoutQuotingTheName()
    {
        var misplaced = "ghp_" + new string('n', 36);

        var (status, text, _) = await PostAsync(Body("ghp_" + new string('t', 36), "production", misplaced));

        status.Should().Be(HttpStatusCode.BadRequest);
        ErrorsOf(text).Keys.Should().Equal("runtimes[1]");
        text.Should().NotContain("nnnnnnnnnnnn").And.NotContain("tttttttttttt");
        _factory.GitHub.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task NoTokenAndNoRuntime_Return400NamingBoth()
    {
        var (status, text, _) = await PostAsync(new JsonObject { ["token"] = " ", ["runtimes"] = new JsonArray() });

        status.Should().Be(HttpStatusCode.BadRequest);
        ErrorsOf(text).Keys.Should().BeEquivalentTo("token", "runtimes");
    }

    [Fact]
    public async Task CallerNamedServer_IsAnUnknownMemberAnd400()
    {
        var token = _factory.UserToken("repo", "write:repo_hook");
        var body = Body(token.Value, "production");
        body["apiUrl"] = _factory.GitLab.ApiUrl.AbsoluteUri;

        var (status, text, _) = await PostAsync(body);

        status.Should().Be(HttpStatusCode.BadRequest, "the runtime's server comes from configuration, never from the caller");
        text.Should().NotContain(token.Value);
        _factory.GitHub.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task BodyThatIsNotJson_Returns415()
    {
        using var client = _factory.CreateClient();
        using var content = new StringContent("token=ghp_x&runtimes=production", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await client.PostAsync(new Uri("/runtimes/user-token/validate", UriKind.Relative), content);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("ghp_x");
    }

    [Fact]
    public async Task Logs_NameTheFingerprint_NeverTheToken()
    {
        _factory.With("Logging:LogLevel:Default", "Trace");
        _factory.TestServices = services => services.AddLogging(b => b.AddFakeLogging());
        var token = _factory.UserToken("repo");

        await PostAsync(Body(token.Value, "production", "staging"));

        var logs = _factory.Services.GetRequiredService<FakeLogCollector>().GetSnapshot();
        logs.Should().Contain(r => r.Message.Contains(token.Fingerprint, StringComparison.Ordinal), "the library logs the fingerprint");
        logs.Should().NotContain(r => r.Message.Contains(token.Value, StringComparison.Ordinal)
            || (r.StructuredState != null && r.StructuredState.Any(p => p.Value != null && p.Value.Contains(token.Value, StringComparison.Ordinal))));
    }

    [Theory]
    [InlineData("Runtimes:0:Provider", "githab", "Runtimes:0:Provider: 'githab' is not one of")]
    [InlineData("Runtimes:1:Name", "PRODUCTION", "Runtimes:1:Name: 'PRODUCTION' names a runtime twice")]
    [InlineData("Runtimes:2:Repositories:0", "gitops-config", "Runtimes:2:Repositories:0: 'gitops-config' is not owner/repo")]
    [InlineData("Runtimes:2:Repositories:0", "acme/gitops config", "Runtimes:2:Repositories:0: 'acme/gitops config' is not owner/repo")]
    [InlineData("Runtimes:2:Repositories:0", "acme/gitops-config:admin", "Runtimes:2:Repositories:0: 'acme/gitops-config:admin' is not owner/repo")]
    [InlineData("Runtimes:0:ApiUrl", "https://token:secret@ghe.example.com/api/v3/", "Runtimes:0:ApiUrl must be an absolute http(s) URL without user information")]
    public async Task BadRuntimeConfiguration_FailsAtStartupNamingTheKey(string key, string value, string message)
    {
        _factory.With(key, value);

        var act = () => _factory.CreateClient().GetAsync(new Uri("/runtimes", UriKind.Relative));

        (await act.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain(message);
    }

    [Fact]
    public async Task UnknownRuntimeKey_FailsAtStartup()
    {
        _factory.With("Runtimes:0:Repos:0", "acme/other");

        var act = () => _factory.CreateClient().GetAsync(new Uri("/runtimes", UriKind.Relative));

        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().StartWith("Runtimes:0: ").And.Contain("Repos");
    }

    public void Dispose() => _factory.Dispose();

    private static JsonObject Body(string token, params string[] runtimes)
        => new() { ["token"] = token, ["runtimes"] = new JsonArray([.. runtimes.Select(r => (JsonNode)r)]) };

    private static (string Fingerprint, List<TokenValidationReport> Reports) Read(string text)
    {
        using var answer = JsonDocument.Parse(text);
        answer.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal("tokenFingerprint", "reports");
        var reports = new List<TokenValidationReport>();
        foreach (var report in answer.RootElement.GetProperty("reports").EnumerateArray())
        {
            ShippedReportSchema.Violations(report.GetRawText()).Should().BeEmpty("each report is the library's published contract");
            reports.Add(TokenValidationReport.FromJson(report.GetRawText()));
        }

        return (answer.RootElement.GetProperty("tokenFingerprint").GetString()!, reports);
    }

    private static Dictionary<string, string> ErrorsOf(string problem)
        => JsonDocument.Parse(problem).RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => string.Join(' ', p.Value.EnumerateArray().Select(m => m.GetString())), StringComparer.Ordinal);

    private async Task<(HttpStatusCode Status, string Text, System.Net.Http.Headers.HttpResponseHeaders Headers)> PostAsync(JsonObject body)
    {
        using var client = _factory.CreateClient();
        using var response = await client.PostAsJsonAsync(new Uri("/runtimes/user-token/validate", UriKind.Relative), body);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers);
    }
}
