// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Tests.Transport;

/// <summary>Issue 15, item 3: a GET's 2xx that is not the API's JSON is a provider error, never evidence about scopes.</summary>
public sealed class NotTheApiTests
{
    public static TheoryData<GitProvider, int, string?, string, string> Answers()
    {
        var data = new TheoryData<GitProvider, int, string?, string, string>();
        foreach (var provider in Enum.GetValues<GitProvider>())
        {
            data.Add(provider, 200, "text/html; charset=utf-8", "<!DOCTYPE html><html><body>Sign in</body></html>", "an HTML or XML page of type text/html");
            data.Add(provider, 204, null, string.Empty, "an empty body");
            data.Add(provider, 200, "application/json", string.Empty, "an empty body");
            data.Add(provider, 200, "application/json", "{\"login\": ", "does not parse as JSON");
            data.Add(provider, 200, "application/json", "\"ok\"", "a JSON string");
            data.Add(provider, 200, "text/plain", "{\"login\":\"octocat\"}", "of type text/plain");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task GetAnsweredWithSomethingElse_IsAProviderErrorSayingWhatCameBack(GitProvider provider, int status, string? contentType, string body, string said)
    {
        using var api = new HostileServer(HostileServer.Answer(status, contentType, body));
        using var providers = new HostileProviders();

        var inspection = await providers.InspectAsync(provider, api.Url);

        inspection.Status.Should().Be(InspectionStatus.ProviderError);
        inspection.Message.Should().Contain($"with {status} and").And.Contain(said).And.Contain("not the JSON its API returns");
        inspection.Granted.Should().BeNull("nothing about scopes was learned");
    }

    [Theory]
    [InlineData(200, "text/html", "<html><body>Login</body></html>")]
    [InlineData(204, null, "")]
    [InlineData(200, "application/json", """{"status":"ok"}""")]
    [InlineData(200, "application/json", "[]")]
    public async Task GitHubAnswerWithoutScopesThatIsNotTheApi_IsIndeterminate_NotFail(int status, string? contentType, string body)
    {
        using var api = new HostileServer(HostileServer.Answer(status, contentType, body));
        using var providers = new HostileProviders();

        var report = await providers.Validator.ValidateAsync(new TokenValidationRequest(HostileProviders.Credential(GitProvider.GitHub, api.Url), TokenKind.Runtime));

        report.Verdict.Should().Be(ValidationVerdict.Indeterminate, "a login page or a stranger's JSON says nothing about the token's scopes");
        report.Status.Should().Be(InspectionStatus.ProviderError);
        report.MissingScopes.Should().BeEmpty();
    }
}
