// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using GitTokenScopes.Testing;
using GitTokenScopes.Tests.Schemas;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.WebApi.Tests;

public sealed class ValidateEndpointTests : IDisposable
{
    private readonly WebApiFactory _factory = new();

    [Fact]
    public async Task GoodRuntimeToken_Returns200WithTheReportJson()
    {
        var token = _factory.GoodRuntimeToken();

        var (status, text) = await PostAsync(Body("github", "runtime", token.Value, _factory.GitHub.ApiUrl, repositories: [WebApiFactory.ConfigRepository]));

        status.Should().Be(HttpStatusCode.OK);
        var report = TokenValidationReport.FromJson(text);
        report.ToJson().Should().Be(text, "the body is exactly the report's JSON");
        report.Verdict.Should().Be(ValidationVerdict.Pass, text);
        report.TokenFingerprint.Should().Be(token.Fingerprint);
        report.Repositories.Single().State.Should().Be(RepositoryAccessState.Granted);
        text.Should().NotContain(token.Value);
    }

    [Fact]
    public async Task MissingScope_Returns200WithAFailingReport()
    {
        var token = _factory.GitHub.AddToken(FakeGitHubToken.Classic("repo"));

        var (status, text) = await PostAsync(Body("github", "runtime", token.Value, _factory.GitHub.ApiUrl));

        status.Should().Be(HttpStatusCode.OK);
        var report = TokenValidationReport.FromJson(text);
        report.Verdict.Should().Be(ValidationVerdict.Fail);
        report.MissingScopes.Should().Equal("admin:repo_hook");
        text.Should().NotContain(token.Value);
    }

    [Fact]
    public async Task RuntimeOverrideFromAppSettings_DropsTheWebhookClauseForStaging()
    {
        var token = _factory.GitHub.AddToken(FakeGitHubToken.Classic("repo"));

        var staging = TokenValidationReport.FromJson((await PostAsync(Body("github", "runtime", token.Value, _factory.GitHub.ApiUrl, runtime: "staging"))).Text);
        var production = TokenValidationReport.FromJson((await PostAsync(Body("github", "runtime", token.Value, _factory.GitHub.ApiUrl, runtime: "production"))).Text);

        staging.Verdict.Should().Be(ValidationVerdict.Pass, "appsettings.json removes admin:repo_hook for the staging runtime");
        staging.Findings.Select(f => f.Label).Should().Equal("repo");
        production.Verdict.Should().Be(ValidationVerdict.Fail);
    }

    [Fact]
    public async Task RepositoryOverrideFromAppSettings_AddsAClauseForThatRepositoryOnly()
    {
        var token = _factory.GitHub.AddToken(FakeGitHubToken.Classic("repo").WithRepository(WebApiFactory.ConfigRepository, new FakeGitHubGrant { Role = "write" }));
        var body = Body("github", "user", token.Value, _factory.GitHub.ApiUrl);

        var general = TokenValidationReport.FromJson((await PostAsync(body)).Text);
        body["repositories"] = new JsonArray(new JsonObject { ["name"] = WebApiFactory.ConfigRepository });
        var forConfig = TokenValidationReport.FromJson((await PostAsync(body)).Text);

        general.Verdict.Should().Be(ValidationVerdict.Pass, "the seed's GitHub classic User token needs repo only");
        forConfig.Verdict.Should().Be(ValidationVerdict.Fail, "appsettings.json adds a webhook clause for acme/gitops-config");
        forConfig.Findings.Select(f => f.Label).Should().Equal("repo", "Repository webhooks");
        forConfig.MissingScopes.Should().Equal("admin:repo_hook");
    }

    [Fact]
    public async Task SkipFlagFromConfiguration_SkipsRuntimeTokens()
    {
        _factory.With("GitTokenScopes:Validation:Runtime:SkipValidation", "true");
        var unknown = "ghp_" + new string('k', 36);

        var (status, text) = await PostAsync(Body("github", "runtime", unknown, _factory.GitHub.ApiUrl));

        status.Should().Be(HttpStatusCode.OK);
        TokenValidationReport.FromJson(text).Verdict.Should().Be(ValidationVerdict.Skipped);
        _factory.GitHub.Requests.Should().NotContain(r => r.TokenFingerprint == GitCredential.FingerprintOf(unknown));
    }

    [Theory]
    [InlineData("githab", "runtime", "provider")]
    [InlineData("github", "robot", "kind")]
    public async Task BadField_Returns400NamingItWithoutTheToken(string provider, string kind, string field)
    {
        var token = "ghp_" + new string('v', 36);

        var (status, text) = await PostAsync(Body(provider, kind, token, _factory.GitHub.ApiUrl));

        status.Should().Be(HttpStatusCode.BadRequest);
        using var problem = JsonDocument.Parse(text);
        problem.RootElement.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(text);
        text.Should().NotContain(token).And.NotContain(token[4..16]);
    }

    [Fact]
    public async Task MissingTokenAndBadRepository_Return400()
    {
        var body = Body("github", "runtime", " ", _factory.GitHub.ApiUrl);
        body["repositories"] = new JsonArray(new JsonObject { ["name"] = "no-owner" }, new JsonObject { ["name"] = "acme/x", ["access"] = "admin" });

        var (status, text) = await PostAsync(body);

        status.Should().Be(HttpStatusCode.BadRequest);
        using var problem = JsonDocument.Parse(text);
        var errors = problem.RootElement.GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("token", "repositories[0]", "repositories[1]");
    }

    [Fact]
    public async Task MalformedJson_Returns400WithoutTheToken()
    {
        var token = "ghp_" + new string('m', 36);
        using var client = _factory.CreateClient();
        using var content = new StringContent($$"""{ "provider": "github", "token": "{{token}}", "kind": """, System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/tokens/validate", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        text.Should().NotContain(token).And.NotContain(token[4..16]);
    }

    [Fact]
    public async Task ProviderSectionInsideGitTokenScopes_IsBoundToTheProvider()
    {
        _factory.With("GitTokenScopes:GitHub:RequestTimeout", "00:00:10");
        var token = _factory.GoodRuntimeToken();

        var (status, _) = await PostAsync(Body("github", "runtime", token.Value, _factory.GitHub.ApiUrl));

        status.Should().Be(HttpStatusCode.OK);
        _factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<GitTokenScopes.GitHub.GitHubInspectorOptions>>().CurrentValue.RequestTimeout
            .Should().Be(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task UnknownKeyInsideGitTokenScopes_IsStillRejected()
    {
        _factory.With("GitTokenScopes:Editon", "seed");
        var token = _factory.GoodRuntimeToken();

        var act = () => PostAsync(Body("github", "runtime", token.Value, _factory.GitHub.ApiUrl));

        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("Editon");
    }

    public void Dispose() => _factory.Dispose();

    private static JsonObject Body(string provider, string kind, string token, Uri? apiUrl, Uri? serverUrl = null, string? runtime = null, string[]? repositories = null)
    {
        var body = new JsonObject { ["provider"] = provider, ["kind"] = kind, ["token"] = token };
        if (apiUrl is not null)
        {
            body["apiUrl"] = apiUrl.AbsoluteUri;
        }

        if (serverUrl is not null)
        {
            body["serverUrl"] = serverUrl.AbsoluteUri;
        }

        if (runtime is not null)
        {
            body["runtime"] = runtime;
        }

        if (repositories is not null)
        {
            body["repositories"] = new JsonArray([.. repositories.Select(r => (JsonNode)new JsonObject { ["name"] = r })]);
        }

        return body;
    }

    private async Task<(HttpStatusCode Status, string Text)> PostAsync(JsonObject body)
    {
        using var client = _factory.CreateClient();
        using var response = await client.PostAsJsonAsync(new Uri("/tokens/validate", UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.OK)
        {
            ShippedReportSchema.Violations(text).Should().BeEmpty("every report the endpoint answers is the contract the OpenAPI document publishes");
        }

        return (response.StatusCode, text);
    }
}
