// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;

namespace GitTokenScopes.Testing.Tests.GitLab;

/// <summary>The endpoints answer with GitLab's shapes: /self for any scope, /user and /projects behind the REST scope guard.</summary>
public sealed class FakeGitLabServerEndpointTests : IDisposable
{
    private readonly FakeGitLabServer _gitlab = FakeGitLabServer.Start();

    [Fact]
    public async Task Self_AnyScope_ListsScopesAndExpiryDate()
    {
        var token = FakeGitLabToken.Personal("read_repository");
        token.ExpiresAt = new DateOnly(2099, 12, 31);
        _gitlab.AddToken(token);

        using var response = await _gitlab.GetAsync("personal_access_tokens/self", token);
        var json = await response.JsonAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        json.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).Should().Equal("read_repository");
        json.GetProperty("expires_at").GetString().Should().Be("2099-12-31");
        json.GetProperty("active").GetBoolean().Should().BeTrue();
        json.GetProperty("revoked").GetBoolean().Should().BeFalse();
        json.GetProperty("user_id").GetInt64().Should().Be(token.UserId);
        json.TryGetProperty("granular_scopes", out _).Should().BeFalse("legacy tokens have no granular scopes");
    }

    [Fact]
    public async Task Self_NoExpiry_IsNull()
    {
        var token = _gitlab.AddToken(FakeGitLabToken.Personal("api"));

        using var response = await _gitlab.GetAsync("personal_access_tokens/self", token);

        (await response.JsonAsync()).GetProperty("expires_at").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Self_FineGrained_ListsGrantAsGitLab195()
    {
        var token = _gitlab.AddToken(FakeGitLabToken.FineGrainedPersonal(
            new FakeGitLabGranularScope { Access = "user", Permissions = ["read_personal_access_token"] },
            new FakeGitLabGranularScope { Access = "selected_memberships", Permissions = ["download_code"], ProjectId = 301 }));

        using var response = await _gitlab.GetAsync("personal_access_tokens/self", token);
        var json = await response.JsonAsync();

        json.GetProperty("granular").GetBoolean().Should().BeTrue();
        json.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).Should().Equal("granular");
        var second = json.GetProperty("granular_scopes")[1];
        second.EnumerateObject().Select(p => p.Name).Should().Equal("access", "permissions", "project_id", "group_id");
        second.GetProperty("project_id").GetInt64().Should().Be(301);
        second.GetProperty("group_id").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Self_FineGrainedBefore195_HasNoGranularScopes()
    {
        var token = FakeGitLabToken.FineGrainedPersonal(new FakeGitLabGranularScope { Access = "user", Permissions = ["read_personal_access_token"] });
        token.ListsGranularScopes = false;
        _gitlab.AddToken(token);

        using var response = await _gitlab.GetAsync("personal_access_tokens/self", token);
        var json = await response.JsonAsync();

        json.GetProperty("granular").GetBoolean().Should().BeTrue();
        json.TryGetProperty("granular_scopes", out _).Should().BeFalse();
    }

    [Fact]
    public async Task Self_FineGrainedWithoutReadPersonalAccessToken_Answers403WithGitLabsSentence()
    {
        var token = _gitlab.AddToken(FakeGitLabToken.FineGrainedPersonal(new FakeGitLabGranularScope { Access = "all_memberships", Permissions = ["download_code"] }));

        using var response = await _gitlab.GetAsync("personal_access_tokens/self", token);
        var json = await response.JsonAsync();

        ((int)response.StatusCode).Should().Be(403);
        json.GetProperty("error").GetString().Should().Be("insufficient_granular_scope");
        json.GetProperty("error_description").GetString().Should().Be("Access denied: This operation requires a fine-grained personal access token with the following user permissions: [Personal Access Token: Read].");
    }

    // GET /user for a non-administrator, every key of docs.gitlab.com's documented example (doc/api/users.md; skype
    // left the example and github joined it, see DocumentedExamples/GitLab/get-user-regular.json).
    [Fact]
    public async Task User_HasTheDocumentedShape()
    {
        string[] documented =
        [
            "id", "username", "email", "name", "state", "locked", "avatar_url", "web_url", "created_at", "bio", "location",
            "public_email", "linkedin", "twitter", "discord", "github", "website_url", "organization", "job_title", "pronouns",
            "bot", "work_information", "followers", "following", "local_time", "last_sign_in_at", "confirmed_at", "theme_id",
            "last_activity_on", "color_scheme_id", "projects_limit", "current_sign_in_at", "identities", "can_create_group",
            "can_create_project", "two_factor_enabled", "external", "private_profile", "commit_email",
        ];
        var token = _gitlab.AddToken(FakeGitLabToken.Personal("read_user"));

        using var response = await _gitlab.GetAsync("user", token);

        (await response.JsonAsync()).EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(documented);
    }

    // Entities::PersonalAccessTokenWithLastUsedIps: every exposed field.
    [Fact]
    public async Task Self_HasTheEntitysShape()
    {
        var token = _gitlab.AddToken(FakeGitLabToken.Personal("api"));

        using var response = await _gitlab.GetAsync("personal_access_tokens/self", token);

        (await response.JsonAsync()).EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(
            ["id", "name", "active", "revoked", "granular", "created_at", "description", "scopes", "user_id", "last_used_at", "expires_at", "last_used_ips"]);
    }

    [Fact]
    public async Task Self_ExpiryNotEnforced_AcceptsAndSaysExpired()
    {
        var token = FakeGitLabToken.Personal("api");
        token.ExpiresAt = new DateOnly(2020, 1, 1);
        token.ExpiryEnforced = false;
        _gitlab.AddToken(token);

        using var response = await _gitlab.GetAsync("personal_access_tokens/self", token);
        var json = await response.JsonAsync();

        ((int)response.StatusCode).Should().Be(200);
        json.GetProperty("active").GetBoolean().Should().BeFalse();
        json.GetProperty("expires_at").GetString().Should().Be("2020-01-01");
        json.TryGetProperty("expired", out _).Should().BeFalse("GitLab's token entity has no expired field; active: false and the past expires_at say it");
    }

    [Theory]
    [InlineData("api")]
    [InlineData("read_api")]
    [InlineData("read_user")]
    public async Task User_WithAnAcceptedScope_ReturnsUsernameAndBotFlag(string scope)
    {
        var token = _gitlab.AddToken(FakeGitLabToken.Personal(scope));

        using var response = await _gitlab.GetAsync("user", token);
        var json = await response.JsonAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        json.GetProperty("username").GetString().Should().Be("jdoe");
        json.GetProperty("bot").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task User_ReadRepositoryOnly_Is403InsufficientScopeWithoutWwwAuthenticate()
    {
        var token = _gitlab.AddToken(FakeGitLabToken.Personal("read_repository", "write_repository"));

        using var response = await _gitlab.GetAsync("user", token);
        var json = await response.JsonAsync();

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        json.GetProperty("error").GetString().Should().Be("insufficient_scope");
        json.GetProperty("error_description").GetString().Should().Be("The request requires higher privileges than provided by the access token.");
        json.GetProperty("scope").GetString().Should().Be("api read_api read_user");
        response.Header("WWW-Authenticate").Should().BeNull();
    }

    [Theory]
    [InlineData(101L, "project_101_bot_")]
    [InlineData(-7L, "group_7_bot_")]
    public async Task User_BotTokens_HaveGitLabsBotNames(long id, string prefix)
    {
        var token = _gitlab.AddToken(id > 0 ? FakeGitLabToken.ProjectBot(id, "api") : FakeGitLabToken.GroupBot(-id, "api"));

        var json = await (await _gitlab.GetAsync("user", token)).JsonAsync();

        json.GetProperty("username").GetString().Should().StartWith(prefix).And.MatchRegex("_bot_[0-9a-f]{32}$");
        json.GetProperty("bot").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Project_ByEncodedPath_ShowsPermissions()
    {
        var project = _gitlab.AddProject(new FakeGitLabProject { PathWithNamespace = "acme/platform/config" });
        var token = _gitlab.AddToken(FakeGitLabToken.Personal("read_api").WithProject("acme/platform/config", FakeGitLabAccessLevel.Developer).WithGroup("acme", FakeGitLabAccessLevel.Reporter));

        using var response = await _gitlab.GetAsync("projects/acme%2Fplatform%2Fconfig", token);
        var json = await response.JsonAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        json.GetProperty("id").GetInt64().Should().Be(project.Id);
        json.GetProperty("path_with_namespace").GetString().Should().Be("acme/platform/config");
        json.GetProperty("permissions").GetProperty("project_access").GetProperty("access_level").GetInt32().Should().Be(30);
        json.GetProperty("permissions").GetProperty("group_access").GetProperty("access_level").GetInt32().Should().Be(20);
        _gitlab.Requests.Should().ContainSingle().Which.Path.Should().Be("/projects/acme/platform/config");
    }

    [Fact]
    public async Task Project_ById_IsFound()
    {
        var project = _gitlab.AddProject(new FakeGitLabProject { PathWithNamespace = "acme/by-id", Visibility = "public" });
        var token = _gitlab.AddToken(FakeGitLabToken.Personal("api"));

        using var response = await _gitlab.GetAsync($"projects/{project.Id}", token);
        var json = await response.JsonAsync();

        json.GetProperty("path_with_namespace").GetString().Should().Be("acme/by-id");
        json.GetProperty("permissions").GetProperty("project_access").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Project_UnescapedSlashes_IsAnotherRoute()
    {
        _gitlab.AddProject(new FakeGitLabProject { PathWithNamespace = "acme/app" });
        var token = _gitlab.AddToken(FakeGitLabToken.Personal("api").WithProject("acme/app", FakeGitLabAccessLevel.Owner));

        using var response = await _gitlab.GetAsync("projects/acme/app", token);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.BodyAsync()).Should().Be("""{"error":"404 Not Found"}""");
    }

    [Fact]
    public async Task Project_PrivateWithoutMembership_Is404ProjectNotFound()
    {
        _gitlab.AddProject(new FakeGitLabProject { PathWithNamespace = "acme/secret" });
        var token = _gitlab.AddToken(FakeGitLabToken.Personal("api"));

        using var response = await _gitlab.GetAsync("projects/acme%2Fsecret", token);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.BodyAsync()).Should().Be("""{"message":"404 Project Not Found"}""");
    }

    [Fact]
    public async Task Project_ReadRepositoryOnly_IsInsufficientScope()
    {
        _gitlab.AddProject(new FakeGitLabProject { PathWithNamespace = "acme/app" });
        var token = _gitlab.AddToken(FakeGitLabToken.Personal("read_repository").WithProject("acme/app", FakeGitLabAccessLevel.Owner));

        using var response = await _gitlab.GetAsync("projects/acme%2Fapp", token);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.JsonAsync()).GetProperty("scope").GetString().Should().Be("api read_api");
    }

    [Theory]
    [InlineData("api", 400)]
    [InlineData("read_api", 403)]
    public async Task CreateProject_WithoutName_IsRejectedOnlyWithApi(string scope, int expected)
    {
        var token = _gitlab.AddToken(FakeGitLabToken.Personal(scope));

        using var response = await _gitlab.SendAsync("POST", "projects", [("PRIVATE-TOKEN", token.Value)]);
        var json = await response.JsonAsync();

        ((int)response.StatusCode).Should().Be(expected);
        if (expected == 400)
        {
            json.GetProperty("error").GetString().Should().Be("name, path are missing, at least one parameter must be provided");
        }
        else
        {
            json.GetProperty("scope").GetString().Should().Be("api", "read_api is accepted on GET and HEAD only");
        }
    }

    [Fact]
    public async Task ListProjects_ReadApi_IsOk()
    {
        _gitlab.AddProject(new FakeGitLabProject { PathWithNamespace = "acme/open", Visibility = "public" });
        var token = _gitlab.AddToken(FakeGitLabToken.Personal("read_api"));

        using var response = await _gitlab.GetAsync("projects?per_page=1", token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.JsonAsync()).GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task UnknownRoute_Is404Error()
    {
        var token = _gitlab.AddToken(FakeGitLabToken.Personal("api"));

        using var response = await _gitlab.GetAsync("no/such/route", token);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.BodyAsync()).Should().Be("""{"error":"404 Not Found"}""");
    }

    [Fact]
    public async Task AuthenticatedAnswer_CarriesRateLimitHeaders()
    {
        var token = _gitlab.AddToken(FakeGitLabToken.Personal("api"));

        using var first = await _gitlab.GetAsync("user", token);
        using var second = await _gitlab.GetAsync("user", token);

        second.Header("RateLimit-Limit").Should().Be("2000");
        second.Header("RateLimit-Name").Should().Be("throttle_authenticated_api");
        int.Parse(second.Header("RateLimit-Remaining")!, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeLessThan(int.Parse(first.Header("RateLimit-Remaining")!, System.Globalization.CultureInfo.InvariantCulture));
        long.Parse(second.Header("RateLimit-Reset")!, System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThan(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1);
        second.Header("RateLimit-ResetTime").Should().EndWith("GMT");
    }

    public void Dispose() => _gitlab.Dispose();
}
