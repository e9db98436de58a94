// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;

namespace GitTokenScopes.Testing.Tests.GitHub;

public sealed class FakeGitHubServerProbeTests : IDisposable
{
    private const string Sha = "0000000000000000000000000000000000000000";

    private readonly FakeGitHubServer _server = FakeGitHubServer.Start();

    public FakeGitHubServerProbeTests()
    {
        _server.AddRepository(new FakeGitHubRepository { FullName = "octo/app" });
        _server.AddRepository(new FakeGitHubRepository { FullName = "octo/site", Private = false });
        _server.AddRepository(new FakeGitHubRepository { FullName = "octo/new", Empty = true });
    }

    public void Dispose() => _server.Dispose();

    /// <summary>Every probe: method, path under the repository, body, permission, level needed, status when the level suffices.</summary>
    public static TheoryData<string, string, string?, string, string, int> Probes() => new()
    {
        { "GET", "commits?per_page=1", null, "contents", "read", 200 },
        { "PUT", "contents/gittokenscopes-permission-probe.txt", "{}", "contents", "write", 422 },
        { "GET", "actions/permissions", null, "administration", "read", 200 },
        { "GET", "rulesets/rule-suites?per_page=1", null, "administration", "write", 200 },
        { "GET", "hooks?per_page=1", null, "repository_hooks", "read", 200 },
        { "PATCH", "hooks/2147483647", "{}", "repository_hooks", "write", 404 },
        { "GET", $"commits/{Sha}/statuses", null, "statuses", "read", 404 },
        { "POST", $"statuses/{Sha}", "{}", "statuses", "write", 422 },
        { "GET", "pulls?per_page=1", null, "pull_requests", "read", 200 },
        { "POST", "pulls", "{}", "pull_requests", "write", 422 },
    };

    /// <summary>The write probes and what they answer when the server misbehaves.</summary>
    public static TheoryData<string, string, string, int> WriteProbes() => new()
    {
        { "PUT", "contents/gittokenscopes-permission-probe.txt", "contents", 201 },
        { "PATCH", "hooks/2147483647", "repository_hooks", 200 },
        { "POST", $"statuses/{Sha}", "statuses", 201 },
        { "POST", "pulls", "pull_requests", 201 },
    };

    [Theory]
    [MemberData(nameof(Probes))]
    public async Task Probe_FineGrainedWithTheLevel_PassesAuthorization(string method, string path, string? body, string permission, string level, int expected)
    {
        var token = _server.AddToken(FakeGitHubToken.FineGrained().WithRepository("octo/app", FakeGitHubGrant.WithPermissions((permission, level))));

        using var response = await _server.SendAsync(method, $"repos/octo/app/{path}", token, body);

        ((int)response.StatusCode).Should().Be(expected);
        response.Header("X-Accepted-GitHub-Permissions").Should().BeNull();
        response.Header("X-OAuth-Scopes").Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(Probes))]
    public async Task Probe_FineGrainedBelowTheLevel_Answers403WithAcceptedPermission(string method, string path, string? body, string permission, string level, int expected)
    {
        var below = level == "write" ? new[] { (permission, "read") } : [];
        var token = _server.AddToken(FakeGitHubToken.FineGrained().WithRepository("octo/app", FakeGitHubGrant.WithPermissions([.. below, ("metadata", "read")])));

        using var response = await _server.SendAsync(method, $"repos/octo/app/{path}", token, body);
        var json = await response.JsonAsync();

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the probe otherwise answers {0}", expected);
        response.Header("X-Accepted-GitHub-Permissions").Should().Be($"{permission}={level}");
        json.Message().Should().Be("Resource not accessible by personal access token");
        json.GetProperty("documentation_url").GetString().Should().StartWith("https://docs.github.com/rest/");
        json.GetProperty("status").GetString().Should().Be("403");
    }

    [Theory]
    [MemberData(nameof(Probes))]
    public async Task Probe_AppTokenBelowTheLevel_Answers403ByIntegration(string method, string path, string? body, string permission, string level, int expected)
    {
        var token = _server.AddToken(FakeGitHubToken.AppInstallation().WithRepository("octo/app", FakeGitHubGrant.WithPermissions(("metadata", "read"))));

        using var response = await _server.SendAsync(method, $"repos/octo/app/{path}", token, body);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the probe otherwise answers {0}", expected);
        (await response.JsonAsync()).Message().Should().Be("Resource not accessible by integration");
        response.Header("X-Accepted-GitHub-Permissions").Should().Be($"{permission}={level}");
    }

    [Theory]
    [MemberData(nameof(Probes))]
    public async Task Probe_InvisibleRepository_Answers404NotFound(string method, string path, string? body, string permission, string level, int expected)
    {
        var token = _server.AddToken(FakeGitHubToken.FineGrained().WithRepository("octo/elsewhere", FakeGitHubGrant.WithPermissions((permission, "admin"))));

        using var response = await _server.SendAsync(method, $"repos/octo/app/{path}", token, body);
        var json = await response.JsonAsync();

        response.StatusCode.Should().Be(HttpStatusCode.NotFound, "a {0} grant elsewhere does not reveal octo/app (visible: {1})", level, expected);
        json.Message().Should().Be("Not Found");
        json.GetProperty("documentation_url").GetString().Should().StartWith("https://docs.github.com/rest/").And.Contain("#");
        response.Header("X-Accepted-GitHub-Permissions").Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(Probes))]
    public async Task Probe_AdminLevel_SatisfiesReadAndWrite(string method, string path, string? body, string permission, string level, int expected)
    {
        var token = _server.AddToken(FakeGitHubToken.FineGrained().WithRepository("octo/app", FakeGitHubGrant.WithPermissions((permission, "admin"))));

        using var response = await _server.SendAsync(method, $"repos/octo/app/{path}", token, body);

        ((int)response.StatusCode).Should().Be(expected, "admin satisfies {0}", level);
    }

    [Fact]
    public async Task ListCommits_EmptyRepository_Answers409()
    {
        var token = _server.AddToken(FakeGitHubToken.FineGrained().WithRepository("octo/new", FakeGitHubGrant.WithPermissions(("contents", "read"))));

        using var response = await _server.GetAsync("repos/octo/new/commits", token);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.BodyAsync()).Should().Be(
            """{"message":"Git Repository is empty.","documentation_url":"https://docs.github.com/rest/commits/commits#list-commits","status":"409"}""");
    }

    [Fact]
    public async Task ListCommits_Sufficient_AnswersEmptyArray()
    {
        var token = _server.AddToken(FakeGitHubToken.FineGrained().WithRepository("octo/app", FakeGitHubGrant.WithPermissions(("contents", "write"))));

        using var response = await _server.GetAsync("repos/octo/app/commits", token);

        (await response.BodyAsync()).Should().Be("[]");
    }

    [Fact]
    public async Task PutContents_EmptyBody_Answers422WithGitHubsMessage()
    {
        var token = _server.AddToken(FakeGitHubToken.FineGrained().WithRepository("octo/app", FakeGitHubGrant.WithPermissions(("contents", "write"))));

        using var response = await _server.SendAsync("PUT", "repos/octo/app/contents/probe.txt", token, "{}");

        (await response.BodyAsync()).Should().Be(
            """{"message":"Invalid request.\n\n\"content\", \"message\" weren't supplied.","documentation_url":"https://docs.github.com/rest/repos/contents#create-or-update-file-contents","status":"422"}""");
    }

    [Fact]
    public async Task PutContents_OneFieldMissing_NamesIt()
    {
        var token = _server.AddToken(FakeGitHubToken.FineGrained().WithRepository("octo/app", FakeGitHubGrant.WithPermissions(("contents", "write"))));

        using var response = await _server.SendAsync("PUT", "repos/octo/app/contents/probe.txt", token, """{"content":"aGk="}""");

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.JsonAsync()).Message().Should().Be("Invalid request.\n\n\"message\" wasn't supplied.");
    }

    [Fact]
    public async Task PutContents_CompleteBody_Answers201AndStoresNothing()
    {
        var token = _server.AddToken(FakeGitHubToken.FineGrained().WithRepository("octo/new", FakeGitHubGrant.WithPermissions(("contents", "write"))));

        using var put = await _server.SendAsync("PUT", "repos/octo/new/contents/a/b.txt", token, """{"message":"m","content":"aGk="}""");
        using var commits = await _server.GetAsync("repos/octo/new/commits", token);

        put.StatusCode.Should().Be(HttpStatusCode.Created);
        commits.StatusCode.Should().Be(HttpStatusCode.Conflict, "the repository is still empty");
    }

    [Fact]
    public async Task WriteProbe_BodyNotJson_Answers400()
    {
        var token = _server.AddToken(FakeGitHubToken.FineGrained().WithRepository("octo/app", FakeGitHubGrant.WithPermissions(("pull_requests", "write"))));

        using var response = await _server.SendAsync("POST", "repos/octo/app/pulls", token, "not json");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).Message().Should().Be("Problems parsing JSON");
    }

    [Fact]
    public async Task CreateStatus_NoState_Answers422ValidationFailed()
    {
        var token = _server.AddToken(FakeGitHubToken.FineGrained().WithRepository("octo/app", FakeGitHubGrant.WithPermissions(("statuses", "write"))));

        using var response = await _server.SendAsync("POST", $"repos/octo/app/statuses/{Sha}", token, "{}");

        (await response.BodyAsync()).Should().Be(
            """{"message":"Validation Failed","errors":[{"resource":"Status","code":"custom","field":"state","message":"state is not included in the list"}],"documentation_url":"https://docs.github.com/rest/commits/statuses#create-a-commit-status","status":"422"}""");
    }

    [Theory]
    [InlineData("""{"state":"success"}""", 201)]
    [InlineData("""{"state":"bogus"}""", 422)]
    public async Task CreateStatus_State_IsValidated(string body, int expected)
    {
        var token = _server.AddToken(FakeGitHubToken.FineGrained().WithRepository("octo/app", FakeGitHubGrant.WithPermissions(("statuses", "write"))));

        using var response = await _server.SendAsync("POST", $"repos/octo/app/statuses/{Sha}", token, body);

        ((int)response.StatusCode).Should().Be(expected);
    }

    [Fact]
    public async Task ListStatuses_Sufficient_Answers404NoCommitFound()
    {
        var token = _server.AddToken(FakeGitHubToken.FineGrained().WithRepository("octo/app", FakeGitHubGrant.WithPermissions(("statuses", "read"))));

        using var response = await _server.GetAsync($"repos/octo/app/commits/{Sha}/statuses", token);

        (await response.BodyAsync()).Should().Be(
            $$"""{"message":"No commit found for SHA: {{Sha}}","documentation_url":"https://docs.github.com/rest/commits/statuses#list-commit-statuses-for-a-reference","status":"404"}""");
    }

    [Fact]
    public async Task CreatePull_EmptyBody_Answers422WithBothMissingFields()
    {
        var token = _server.AddToken(FakeGitHubToken.FineGrained().WithRepository("octo/app", FakeGitHubGrant.WithPermissions(("pull_requests", "write"))));

        using var response = await _server.SendAsync("POST", "repos/octo/app/pulls", token, "{}");

        (await response.BodyAsync()).Should().Be(
            """{"message":"Validation Failed","errors":[{"resource":"PullRequest","field":"head","code":"missing_field"},{"resource":"PullRequest","field":"base","code":"missing_field"}],"documentation_url":"https://docs.github.com/rest/pulls/pulls#create-a-pull-request","status":"422"}""");
    }

    [Fact]
    public async Task CreatePull_HeadOnly_ReportsBaseMissing()
    {
        var token = _server.AddToken(FakeGitHubToken.FineGrained().WithRepository("octo/app", FakeGitHubGrant.WithPermissions(("pull_requests", "write"))));

        using var response = await _server.SendAsync("POST", "repos/octo/app/pulls", token, """{"head":"feature"}""");
        var errors = (await response.JsonAsync()).GetProperty("errors");

        errors.GetArrayLength().Should().Be(1);
        errors[0].GetProperty("field").GetString().Should().Be("base");
    }

    [Fact]
    public async Task UpdateHook_Sufficient_Answers404NotFound()
    {
        var token = _server.AddToken(FakeGitHubToken.FineGrained().WithRepository("octo/app", FakeGitHubGrant.WithPermissions(("repository_hooks", "write"))));

        using var response = await _server.SendAsync("PATCH", "repos/octo/app/hooks/2147483647", token, "{}");

        (await response.BodyAsync()).Should().Be(
            """{"message":"Not Found","documentation_url":"https://docs.github.com/rest/repos/webhooks#update-a-repository-webhook","status":"404"}""");
    }

    [Fact]
    public async Task ActionsPermissions_Sufficient_AnswersTheSettings()
    {
        var token = _server.AddToken(FakeGitHubToken.FineGrained().WithRepository("octo/app", FakeGitHubGrant.WithPermissions(("administration", "read"))));

        using var response = await _server.GetAsync("repos/octo/app/actions/permissions", token);

        (await response.BodyAsync()).Should().Be("""{"enabled":true,"allowed_actions":"all"}""");
    }

    [Theory]
    [MemberData(nameof(WriteProbes))]
    public async Task WriteProbe_AnswerWriteProbesWithSuccess_Answers2xxEmptyObject(string method, string path, string permission, int expected)
    {
        var token = FakeGitHubToken.FineGrained().WithRepository("octo/app", FakeGitHubGrant.WithPermissions((permission, "write")));
        token.AnswerWriteProbesWithSuccess = true;
        _server.AddToken(token);

        using var response = await _server.SendAsync(method, $"repos/octo/app/{path}", token, "{}");

        ((int)response.StatusCode).Should().Be(expected);
        (await response.BodyAsync()).Should().Be("{}");
    }

    [Theory]
    [MemberData(nameof(WriteProbes))]
    public async Task WriteProbe_AnswerWriteProbesWithSuccessButReadOnly_StillAnswers403(string method, string path, string permission, int expected)
    {
        var token = FakeGitHubToken.FineGrained().WithRepository("octo/app", FakeGitHubGrant.WithPermissions((permission, "read")));
        token.AnswerWriteProbesWithSuccess = true;
        _server.AddToken(token);

        using var response = await _server.SendAsync(method, $"repos/octo/app/{path}", token, "{}");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden, "success ({0}) needs the write level", expected);
    }

    [Fact]
    public async Task Probe_ClassicWithRepoAndWriteRole_DerivesWriteButNoAdministration()
    {
        var token = _server.AddToken(FakeGitHubToken.Classic("repo").WithRepository("octo/app", new FakeGitHubGrant { Role = "write" }));

        using var put = await _server.SendAsync("PUT", "repos/octo/app/contents/x.txt", token, "{}");
        using var pulls = await _server.SendAsync("POST", "repos/octo/app/pulls", token, "{}");
        using var actions = await _server.GetAsync("repos/octo/app/actions/permissions", token);
        using var hooks = await _server.GetAsync("repos/octo/app/hooks", token);

        put.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        pulls.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        actions.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        hooks.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await actions.JsonAsync()).Message().Should().Be("Resource not accessible by personal access token");
        actions.Header("X-Accepted-GitHub-Permissions").Should().BeNull("GitHub sends it to fine-grained actors only");
        actions.Header("X-OAuth-Scopes").Should().Be("repo");
        actions.Header("X-Accepted-OAuth-Scopes").Should().Be("repo");
        hooks.Header("X-Accepted-OAuth-Scopes").Should().Be("admin:repo_hook, read:repo_hook, repo, write:repo_hook");
    }

    [Fact]
    public async Task Probe_ClassicWithRepoAndReadRole_ReadsButCannotWrite()
    {
        var token = _server.AddToken(FakeGitHubToken.Classic("repo").WithRepository("octo/app", new FakeGitHubGrant { Role = "triage" }));

        using var commits = await _server.GetAsync("repos/octo/app/commits", token);
        using var put = await _server.SendAsync("PUT", "repos/octo/app/contents/x.txt", token, "{}");
        using var statuses = await _server.GetAsync($"repos/octo/app/commits/{Sha}/statuses", token);

        commits.StatusCode.Should().Be(HttpStatusCode.OK);
        put.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        statuses.StatusCode.Should().Be(HttpStatusCode.NotFound, "read passes and no commit exists");
    }

    [Fact]
    public async Task Probe_ClassicWithRepoAndAdminRole_HasAdministrationAndHooks()
    {
        var token = _server.AddToken(FakeGitHubToken.Classic("repo").WithRepository("octo/app", new FakeGitHubGrant { Role = "admin" }));

        using var suites = await _server.GetAsync("repos/octo/app/rulesets/rule-suites", token);
        using var hook = await _server.SendAsync("PATCH", "repos/octo/app/hooks/1", token, "{}");

        suites.StatusCode.Should().Be(HttpStatusCode.OK);
        hook.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Probe_ClassicPublicRepoScope_WritesPublicRepositoriesOnly()
    {
        var token = _server.AddToken(FakeGitHubToken.Classic("public_repo")
            .WithRepository("octo/site", new FakeGitHubGrant { Role = "write" })
            .WithRepository("octo/app", new FakeGitHubGrant { Role = "write" }));

        using var onPublic = await _server.SendAsync("PUT", "repos/octo/site/contents/x.txt", token, "{}");
        using var onPrivate = await _server.SendAsync("PUT", "repos/octo/app/contents/x.txt", token, "{}");

        onPublic.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        onPrivate.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("admin:repo_hook", 200, 404)]
    [InlineData("write:repo_hook", 200, 404)]
    [InlineData("read:repo_hook", 200, 403)]
    [InlineData("gist", 403, 403)]
    public async Task Probe_ClassicHookScopesOnPublicRepository_DecideHookLevel(string scope, int list, int update)
    {
        var token = _server.AddToken(FakeGitHubToken.Classic(scope).WithRepository("octo/site", new FakeGitHubGrant { Role = "admin" }));

        using var listHooks = await _server.GetAsync("repos/octo/site/hooks", token);
        using var updateHook = await _server.SendAsync("PATCH", "repos/octo/site/hooks/1", token, "{}");
        using var commits = await _server.GetAsync("repos/octo/site/commits", token);

        ((int)listHooks.StatusCode).Should().Be(list);
        ((int)updateHook.StatusCode).Should().Be(update);
        commits.StatusCode.Should().Be(HttpStatusCode.Forbidden, "without repo or public_repo the table gives no contents level");
    }

    [Theory]
    [InlineData("repo,admin:repo_hook", "octo/app")]
    [InlineData("read:repo_hook", "octo/site")]
    public async Task Probe_ClassicHookScopeWithoutAdminRole_CannotTouchHooks(string scopes, string repository)
    {
        var token = _server.AddToken(FakeGitHubToken.Classic(scopes.Split(',')).WithRepository(repository, new FakeGitHubGrant { Role = "maintain" }));

        using var response = await _server.GetAsync($"repos/{repository}/hooks", token);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Probe_FineGrainedOnPublicRepositoryWithoutGrant_HasMetadataOnly()
    {
        var token = _server.AddToken(FakeGitHubToken.FineGrained());

        using var repository = await _server.GetAsync("repos/octo/site", token);
        using var commits = await _server.GetAsync("repos/octo/site/commits", token);

        repository.StatusCode.Should().Be(HttpStatusCode.OK);
        commits.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        commits.Header("X-Accepted-GitHub-Permissions").Should().Be("contents=read");
    }

    [Fact]
    public async Task Probe_ImplicitPublicRepositoryRead_LetsEveryTokenReadPublicRepositories()
    {
        using var server = FakeGitHubServer.Start(new FakeGitHubServerOptions { ImplicitPublicRepositoryRead = true });
        server.AddRepository(new FakeGitHubRepository { FullName = "octo/site", Private = false });
        var fineGrained = server.AddToken(FakeGitHubToken.FineGrained());
        var classic = server.AddToken(FakeGitHubToken.Classic());

        using var commits = await server.GetAsync("repos/octo/site/commits", fineGrained);
        using var pulls = await server.GetAsync("repos/octo/site/pulls", classic);
        using var write = await server.SendAsync("PUT", "repos/octo/site/contents/x.txt", fineGrained, "{}");
        using var administration = await server.GetAsync("repos/octo/site/actions/permissions", classic);

        commits.StatusCode.Should().Be(HttpStatusCode.OK);
        pulls.StatusCode.Should().Be(HttpStatusCode.OK);
        write.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        administration.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Probe_WrongMethodOnAProbePath_Answers404()
    {
        var token = _server.AddToken(FakeGitHubToken.FineGrained().WithRepository("octo/app", FakeGitHubGrant.WithPermissions(("contents", "write"))));

        using var response = await _server.SendAsync("DELETE", "repos/octo/app/commits", token);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.JsonAsync()).GetProperty("documentation_url").GetString().Should().Be("https://docs.github.com/rest");
    }
}
