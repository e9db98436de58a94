// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace GitTokenScopes.Testing.Tests.BitbucketServer;

/// <summary>The fake answers like Bitbucket Server: context path, X-AUSERNAME, permissions, error bodies, and it stores nothing.</summary>
public sealed class FakeBitbucketServerTests : IDisposable
{
    private static readonly HttpClient Client = new();
    private readonly FakeBitbucketServer _server = FakeBitbucketServer.Start(new FakeBitbucketServerOptions { ContextPath = "bitbucket/" });

    public FakeBitbucketServerTests() => _server.AddRepository(new FakeBitbucketServerRepository { FullName = "CF/config" });

    public void Dispose() => _server.Dispose();

    [Fact]
    public void Urls_KeepTheContextPath()
    {
        _server.Url.AbsolutePath.Should().Be("/bitbucket/");
        _server.ApiUrl.AbsolutePath.Should().Be("/bitbucket/rest/api/1.0/");
    }

    [Fact]
    public async Task ApplicationProperties_ValidToken_CarriesXAusername()
    {
        var token = _server.AddToken(FakeBitbucketServerToken.Personal("jane.doe", "REPO_READ"));

        using var response = await SendAsync(HttpMethod.Get, "rest/api/1.0/application-properties", "Bearer " + token.Value);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(response, "X-AUSERNAME").Should().Be("jane.doe");
        Header(response, "X-AREQUESTID").Should().MatchRegex("^@[0-9A-F]{8}x1x0$", "Bitbucket Server stamps every answer with a request id of this shape");
    }

    [Fact]
    public async Task ApplicationProperties_Anonymous_HasNoXAusername()
    {
        using var response = await SendAsync(HttpMethod.Get, "rest/api/1.0/application-properties", null);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(response, "X-AUSERNAME").Should().BeNull();
    }

    [Fact]
    public async Task AnyEndpoint_UnknownToken_Answers401WithAnErrorsBody()
    {
        using var response = await SendAsync(HttpMethod.Get, "rest/api/1.0/application-properties", "Bearer BBDC-unknown");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = body.RootElement.GetProperty("errors")[0];
        error.GetProperty("message").GetString().Should().StartWith("Authentication failed.");
        error.GetProperty("context").ValueKind.Should().Be(JsonValueKind.Null);
        error.GetProperty("exceptionName").GetString().Should().EndWith("IncorrectPasswordAuthenticationException");
    }

    [Fact]
    public async Task OutsideTheContextPath_Answers404()
    {
        var token = _server.AddToken(FakeBitbucketServerToken.Personal("jane.doe", "REPO_READ"));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_server.Url, "/rest/api/1.0/application-properties"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);

        using var response = await Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public void Token_ValueEncodesItsId()
    {
        var token = FakeBitbucketServerToken.Personal("jane.doe", "REPO_READ");

        token.Value.Should().StartWith("BBDC-");
        token.Id.Should().MatchRegex("^[0-9]{12}$");
        var encoded = token.Value["BBDC-".Length..];
        Encoding.ASCII.GetString(Convert.FromBase64String(encoded.PadRight(encoded.Length + ((4 - (encoded.Length % 4)) % 4), '='))).Should().StartWith(token.Id + ":");
        token.ToString().Should().NotContain(token.Value);
    }

    [Fact]
    public async Task AccessToken_OwnEntry_ListsPermissions()
    {
        var token = _server.AddToken(FakeBitbucketServerToken.Personal("jane.doe", "PROJECT_READ", "REPO_ADMIN"));

        using var response = await SendAsync(HttpMethod.Get, $"rest/access-tokens/1.0/users/jane.doe/{token.Id}", "Bearer " + token.Value);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("id").GetString().Should().Be(token.Id);
        body.RootElement.GetProperty("permissions").EnumerateArray().Select(e => e.GetString()).Should().Equal("PROJECT_READ", "REPO_ADMIN");
    }

    [Fact]
    public async Task AccessToken_ScopedTokens_AreListedUnderTheirProjectOrRepository()
    {
        var project = _server.AddToken(FakeBitbucketServerToken.Project("CF", "PROJECT_WRITE"));
        var repository = _server.AddToken(FakeBitbucketServerToken.Repository("CF", "config", "REPO_ADMIN"));

        using var byProject = await SendAsync(HttpMethod.Get, $"rest/access-tokens/1.0/projects/CF/{project.Id}", "Bearer " + project.Value);
        using var byRepository = await SendAsync(HttpMethod.Get, $"rest/access-tokens/1.0/projects/CF/repos/config/{repository.Id}", "Bearer " + repository.Value);
        using var wrongPlace = await SendAsync(HttpMethod.Get, $"rest/access-tokens/1.0/projects/CF/{repository.Id}", "Bearer " + repository.Value);
        using var someoneElse = await SendAsync(HttpMethod.Get, $"rest/access-tokens/1.0/projects/CF/{project.Id}", "Bearer " + repository.Value);

        byProject.StatusCode.Should().Be(HttpStatusCode.OK);
        using (var body = JsonDocument.Parse(await byProject.Content.ReadAsStringAsync()))
        {
            body.RootElement.GetProperty("permissions")[0].GetString().Should().Be("PROJECT_WRITE");
        }

        byRepository.StatusCode.Should().Be(HttpStatusCode.OK);
        wrongPlace.StatusCode.Should().Be(HttpStatusCode.NotFound);
        someoneElse.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AccessToken_NotReadable_Answers401()
    {
        using var hidden = FakeBitbucketServer.Start(new FakeBitbucketServerOptions { AccessTokenMetadataReadable = false });
        var token = hidden.AddToken(FakeBitbucketServerToken.Personal("jane.doe", "REPO_READ"));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(hidden.Url, $"rest/access-tokens/1.0/users/jane.doe/{token.Id}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);

        using var response = await Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("REPO_READ", "REPO_ADMIN", HttpStatusCode.Unauthorized)]
    [InlineData("REPO_ADMIN", "REPO_WRITE", HttpStatusCode.Unauthorized)]
    [InlineData("REPO_ADMIN", "REPO_ADMIN", HttpStatusCode.OK)]
    public async Task Webhooks_NeedEffectiveAdmin(string tokenPermission, string ownerPermission, HttpStatusCode expected)
    {
        var token = _server.AddToken(FakeBitbucketServerToken.Personal("jane.doe", "PROJECT_READ", tokenPermission).WithRepository("CF/config", ownerPermission));

        using var response = await SendAsync(HttpMethod.Get, "rest/api/1.0/projects/CF/repos/config/webhooks", "Bearer " + token.Value);

        response.StatusCode.Should().Be(expected);
    }

    [Fact]
    public async Task CreateBranch_BlankName_IsRejectedAfterThePermissionCheck()
    {
        var writer = _server.AddToken(FakeBitbucketServerToken.Repository("CF", "config", "REPO_WRITE"));
        var reader = _server.AddToken(FakeBitbucketServerToken.Repository("CF", "config", "REPO_READ"));

        using var allowed = await SendAsync(HttpMethod.Post, "rest/api/1.0/projects/CF/repos/config/branches", "Bearer " + writer.Value, """{"name":"","startPoint":""}""");
        using var refused = await SendAsync(HttpMethod.Post, "rest/api/1.0/projects/CF/repos/config/branches", "Bearer " + reader.Value, """{"name":"","startPoint":""}""");

        allowed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var body = JsonDocument.Parse(await allowed.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("errors")[0].GetProperty("context").GetString().Should().Be("name");
        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Repository_OutsideAProjectToken_IsNotFound()
    {
        _server.AddRepository(new FakeBitbucketServerRepository { FullName = "OTHER/repo" });
        var token = _server.AddToken(FakeBitbucketServerToken.Project("CF", "PROJECT_READ"));

        using var inside = await SendAsync(HttpMethod.Get, "rest/api/1.0/projects/CF/repos/config", "Bearer " + token.Value);
        using var outside = await SendAsync(HttpMethod.Get, "rest/api/1.0/projects/OTHER/repos/repo", "Bearer " + token.Value);

        inside.StatusCode.Should().Be(HttpStatusCode.OK);
        outside.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Repository_HasTheDocumentedShape_WithLinksStatusMessageAndTheProjectsNamePublicAndLinks()
    {
        var token = _server.AddToken(FakeBitbucketServerToken.Project("CF", "PROJECT_READ"));

        using var response = await SendAsync(HttpMethod.Get, "rest/api/1.0/projects/CF/repos/config", "Bearer " + token.Value);

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var repository = body.RootElement;
        // The repository example of Bitbucket Data Center's REST API 1.0 documentation, field for field.
        repository.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(
            "slug", "id", "name", "hierarchyId", "scmId", "state", "statusMessage", "forkable", "project", "public", "archived", "links");
        repository.GetProperty("statusMessage").GetString().Should().Be("Available");
        var project = repository.GetProperty("project");
        project.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("key", "id", "name", "public", "type", "links");
        project.GetProperty("name").GetString().Should().Be("CF");
        project.GetProperty("public").GetBoolean().Should().BeFalse();
        project.GetProperty("links").GetProperty("self")[0].GetProperty("href").GetString().Should().Be(new Uri(_server.Url, "projects/CF").AbsoluteUri);
        var links = repository.GetProperty("links");
        links.GetProperty("self")[0].GetProperty("href").GetString().Should().Be(new Uri(_server.Url, "projects/CF/repos/config/browse").AbsoluteUri);
        links.GetProperty("clone").EnumerateArray().Select(c => (c.GetProperty("name").GetString(), c.GetProperty("href").GetString())).Should().Equal(
            ("http", new Uri(_server.Url, "scm/cf/config.git").AbsoluteUri),
            ("ssh", "ssh://git@127.0.0.1:7999/cf/config.git"));
    }

    [Fact]
    public async Task Basic_PersonalTokenWithItsOwner_IsAccepted()
    {
        var token = _server.AddToken(FakeBitbucketServerToken.Personal("jane.doe", "REPO_READ"));
        var project = _server.AddToken(FakeBitbucketServerToken.Project("CF", "PROJECT_READ"));

        using var personal = await SendAsync(HttpMethod.Get, "rest/api/1.0/application-properties", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("jane.doe:" + token.Value)));
        using var projectBasic = await SendAsync(HttpMethod.Get, "rest/api/1.0/application-properties", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(project.Username + ":" + project.Value)));

        Header(personal, "X-AUSERNAME").Should().Be("jane.doe");
        projectBasic.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "project and repository tokens must use Bearer");
    }

    [Fact]
    public async Task RateLimited_Answers429WithRetryAfter()
    {
        var token = _server.AddToken(FakeBitbucketServerToken.Personal("jane.doe", "REPO_READ"));
        token.RateLimited = true;

        using var response = await SendAsync(HttpMethod.Get, "rest/api/1.0/application-properties", "Bearer " + token.Value);

        response.StatusCode.Should().Be((HttpStatusCode)429);
        response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Requests_AreRecordedRelativeToTheContextPathWithoutTheToken()
    {
        var token = _server.AddToken(FakeBitbucketServerToken.Personal("jane.doe", "REPO_READ"));

        using var response = await SendAsync(HttpMethod.Get, "rest/api/1.0/application-properties?x=1", "Bearer " + token.Value);

        _server.Requests.Should().ContainSingle().Which.Should().Be(new FakeBitbucketServerRequest("GET", "/rest/api/1.0/application-properties", "?x=1", 200, "Bearer", token.Fingerprint));
        _server.Requests.Single().ToString().Should().NotContain(token.Value);
    }

    [Fact]
    public async Task Delay_RunsOnTheOptionsTimeProvider()
    {
        var time = new FakeTimeProvider();
        using var server = FakeBitbucketServer.Start(new FakeBitbucketServerOptions { TimeProvider = time });
        var token = server.AddToken(FakeBitbucketServerToken.Personal("jane.doe", "REPO_READ"));
        token.Delay = TimeSpan.FromHours(1);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Url, "rest/api/1.0/application-properties"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);

        await DelayedAnswer.ShouldWaitForTheClockAsync(Client.SendAsync(request), time, HttpStatusCode.OK);
    }

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : null;

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? authorization, string? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(_server.Url, path));
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await Client.SendAsync(request);
    }
}
