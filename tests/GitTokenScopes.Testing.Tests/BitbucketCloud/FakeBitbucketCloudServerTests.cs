// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace GitTokenScopes.Testing.Tests.BitbucketCloud;

/// <summary>The fake answers like Bitbucket Cloud: authentication, headers, status codes and bodies, request recording.</summary>
public sealed class FakeBitbucketCloudServerTests : IDisposable
{
    private static readonly HttpClient Client = new();
    private readonly FakeBitbucketCloudServer _server = FakeBitbucketCloudServer.Start();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task User_AppPasswordWithAccount_AnswersTheUserWithScopeAndTypeHeaders()
    {
        var credential = _server.AddCredential(FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account", "repository:write"));

        using var response = await GetAsync("user", Basic(credential));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(response, "x-oauth-scopes").Should().Be("account, repository:write");
        Header(response, "x-credential-type").Should().Be("app_password");
        Header(response, "x-accepted-oauth-scopes").Should().Be("account");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("username").GetString().Should().Be("codefresh-bot");
        body.RootElement.GetProperty("type").GetString().Should().Be("user");
    }

    [Fact]
    public async Task User_WithoutAccount_Answers403WithGrantedAndRequired()
    {
        var credential = _server.AddCredential(FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "team"));

        using var response = await GetAsync("user", Basic(credential));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = body.RootElement.GetProperty("error");
        error.GetProperty("message").GetString().Should().Be("Your credentials lack one or more required privilege scopes.");
        error.GetProperty("detail").GetProperty("required").EnumerateArray().Select(e => e.GetString()).Should().Equal("account");
        error.GetProperty("detail").GetProperty("granted").EnumerateArray().Select(e => e.GetString()).Should().Equal("team");
        Header(response, "x-oauth-scopes").Should().Be("team");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer nope")]
    [InlineData("Basic bm9ib2R5Om5vcGU=")]
    public async Task AnyEndpoint_BadCredential_Answers401PlainTextWithoutScopeHeaders(string? authorization)
    {
        using var response = await GetAsync("user", authorization);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        (await response.Content.ReadAsStringAsync()).Should().StartWith("Login failed due to incorrect login credentials or method.");
        Header(response, "x-oauth-scopes").Should().BeNull();
    }

    [Fact]
    public async Task AppPassword_WithTheEmailInsteadOfTheUsername_Answers401()
    {
        var credential = _server.AddCredential(FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account"));

        using var response = await GetAsync("user", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("bot@example.com:" + credential.Secret)));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ApiToken_AsBearer_Answers401()
    {
        var credential = _server.AddCredential(FakeBitbucketCloudCredential.ApiToken("bot@example.com", "read:user:bitbucket"));

        using var response = await GetAsync("user", "Bearer " + credential.Secret);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Repository_AccessToken_AnswersTheRepositoryWithRateLimitHeaders()
    {
        _server.AddRepository(new FakeBitbucketCloudRepository { FullName = "ws/a" });
        var credential = _server.AddCredential(FakeBitbucketCloudCredential.RepositoryAccessToken("repository").WithRepository("ws/a"));

        using var response = await GetAsync("repositories/ws/a", "Bearer " + credential.Secret);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(response, "x-credential-type").Should().Be("repo_access_token");
        Header(response, "X-RateLimit-Limit").Should().Be("1000");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("full_name").GetString().Should().Be("ws/a");
    }

    [Theory]
    [InlineData("repositories?role=member&pagelen=1")]
    [InlineData("repositories")]
    [InlineData("workspaces")]
    [InlineData("user/permissions/repositories")]
    [InlineData("user/permissions/workspaces")]
    public async Task RemovedEndpoints_Answer410WithTheChange2770Body_Or404WhenSwitched(string path)
    {
        var credential = _server.AddCredential(FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account", "repository"));

        using var gone = await GetAsync(path, Basic(credential));
        credential.RemovedEndpointStatus = 404;
        using var missing = await GetAsync(path, Basic(credential));

        gone.StatusCode.Should().Be(HttpStatusCode.Gone);
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        foreach (var response in new[] { gone, missing })
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var error = body.RootElement.GetProperty("error");
            error.GetProperty("message").GetString().Should().Be("CHANGE-2770 - Functionality has been deprecated");
            error.GetProperty("detail").GetString().Should().Be("Please read the changelog entry for more details.");
            error.GetProperty("data").GetProperty("announcement_url").GetString().Should().Be("https://developer.atlassian.com/cloud/bitbucket/changelog#CHANGE-2770");
            body.RootElement.GetProperty("data").GetProperty("announcement_url").GetString().Should().EndWith("#CHANGE-2770");
        }
    }

    [Fact]
    public async Task User_HasEveryFieldOfTheDocumentedUserObject()
    {
        var credential = _server.AddCredential(FakeBitbucketCloudCredential.ApiToken("bot@example.com", "read:user:bitbucket"));

        using var response = await GetAsync("user", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"bot@example.com:{credential.Secret}")));

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var user = body.RootElement;
        // Bitbucket's documented user example (GET /2.0/user): account fields plus the user's own.
        user.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(
            "display_name", "links", "created_on", "type", "uuid", "has_2fa_enabled", "username", "is_staff", "account_id", "nickname", "account_status", "location", "website");
        user.GetProperty("links").EnumerateObject().Select(p => p.Name).Should().Contain(["self", "avatar", "html", "repositories"]);
        user.GetProperty("location").ValueKind.Should().Be(JsonValueKind.Null);
        user.GetProperty("website").ValueKind.Should().Be(JsonValueKind.Null);
        user.GetProperty("uuid").GetString().Should().MatchRegex("^\\{[0-9a-f-]{36}\\}$");
        user.GetProperty("links").GetProperty("html").GetProperty("href").GetString().Should().Be($"https://bitbucket.org/{Uri.EscapeDataString(user.GetProperty("uuid").GetString()!)}/");
    }

    [Fact]
    public async Task User_AccessToken_IsRefusedBecauseAccessTokensHaveNoUser()
    {
        var credential = _server.AddCredential(FakeBitbucketCloudCredential.WorkspaceAccessToken("account", "repository"));

        using var response = await GetAsync("user", "Bearer " + credential.Secret);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task WorkspacePermissions_FilterByFullName_AnswersTheAccountsPermissionInThatWorkspaceOnly()
    {
        _server.AddRepository(new FakeBitbucketCloudRepository { FullName = "ws/a" });
        _server.AddRepository(new FakeBitbucketCloudRepository { FullName = "ws/b" });
        _server.AddRepository(new FakeBitbucketCloudRepository { FullName = "other/c" });
        var credential = _server.AddCredential(FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "repository")
            .WithRepository("ws/a", "admin").WithRepository("ws/b", "read").WithRepository("other/c", "write"));

        using var filtered = await GetAsync("user/workspaces/ws/permissions/repositories?q=" + Uri.EscapeDataString("repository.full_name=\"ws/b\""), Basic(credential));
        using var all = await GetAsync("user/workspaces/ws/permissions/repositories", Basic(credential));

        using var body = JsonDocument.Parse(await filtered.Content.ReadAsStringAsync());
        var values = body.RootElement.GetProperty("values");
        values.GetArrayLength().Should().Be(1);
        values[0].GetProperty("permission").GetString().Should().Be("read");
        values[0].GetProperty("repository").GetProperty("full_name").GetString().Should().Be("ws/b");
        using var everything = JsonDocument.Parse(await all.Content.ReadAsStringAsync());
        everything.RootElement.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("repository").GetProperty("full_name").GetString()).Should().Equal("ws/a", "ws/b");
    }

    [Fact]
    public async Task RepositoryAdminScope_DoesNotReadRepositories()
    {
        _server.AddRepository(new FakeBitbucketCloudRepository { FullName = "ws/a" });
        var credential = _server.AddCredential(FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "repository:admin").WithRepository("ws/a", "admin"));

        using var response = await GetAsync("repositories/ws/a", Basic(credential));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden, "repository:admin implies nothing");
    }

    [Fact]
    public async Task RateLimited_Answers429PlainTextWithoutRetryAfter()
    {
        var credential = _server.AddCredential(FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account"));
        credential.RateLimited = true;

        using var response = await GetAsync("user", Basic(credential));

        response.StatusCode.Should().Be((HttpStatusCode)429);
        (await response.Content.ReadAsStringAsync()).Should().Be("Rate limit for this resource has been exceeded.");
        response.Headers.RetryAfter.Should().BeNull();
        Header(response, "X-RateLimit-Limit").Should().BeNull("Bitbucket sends rate-limit headers for access tokens only");
    }

    [Fact]
    public async Task Requests_AreRecordedWithoutTheSecret()
    {
        var credential = _server.AddCredential(FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account"));

        using var response = await GetAsync("user", Basic(credential));

        var request = _server.Requests.Should().ContainSingle().Subject;
        request.Should().Be(new FakeBitbucketCloudRequest("GET", "/user", string.Empty, 200, "Basic", credential.Fingerprint));
        request.ToString().Should().NotContain(credential.Secret);
        credential.ToString().Should().NotContain(credential.Secret);
        _server.ResetRequests();
        _server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task UnknownEndpoint_Answers404WithATextDetail()
    {
        var credential = _server.AddCredential(FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account"));

        using var response = await GetAsync("nowhere", Basic(credential));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("error").GetProperty("detail").ValueKind.Should().Be(JsonValueKind.String);
    }

    [Fact]
    public async Task Delay_RunsOnTheOptionsTimeProvider()
    {
        var time = new FakeTimeProvider();
        using var server = FakeBitbucketCloudServer.Start(new FakeBitbucketCloudServerOptions { TimeProvider = time });
        var credential = server.AddCredential(FakeBitbucketCloudCredential.RepositoryAccessToken("repository"));
        credential.Delay = TimeSpan.FromHours(1);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.ApiUrl, "user"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential.Secret);

        // An access token has no user, so Bitbucket answers GET /user with 403: an answer all the same.
        await DelayedAnswer.ShouldWaitForTheClockAsync(Client.SendAsync(request), time, HttpStatusCode.Forbidden);
    }

    private static string Basic(FakeBitbucketCloudCredential credential)
        => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credential.Username}:{credential.Secret}"));

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : null;

    private async Task<HttpResponseMessage> GetAsync(string path, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_server.ApiUrl, path));
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        return await Client.SendAsync(request);
    }
}
