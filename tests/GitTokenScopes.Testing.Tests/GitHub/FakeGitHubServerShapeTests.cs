// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json;

namespace GitTokenScopes.Testing.Tests.GitHub;

/// <summary>
/// The values in the fake's bodies come from its setup: URLs on its own addresses, ids from the tokens and
/// repositories, timestamps from its clock, the private profile only with the <c>user</c> scope
/// (<see cref="GitHubFakeSchemaTests"/> checks the shapes).
/// </summary>
public sealed class FakeGitHubServerShapeTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 30, 15, TimeSpan.Zero);

    private readonly FakeGitHubServer _server = FakeGitHubServer.Start(new FakeGitHubServerOptions { TimeProvider = new FixedTime(Now) });

    public FakeGitHubServerShapeTests()
    {
        _server.AddRepository(new FakeGitHubRepository { FullName = "acme/api", Id = 10 });
        _server.AddRepository(new FakeGitHubRepository { FullName = "mona/dotfiles", Id = 20 });
        _server.AddRepository(new FakeGitHubRepository { FullName = "mona/site", Id = 21, Private = false });
        _server.AddRepository(new FakeGitHubRepository { FullName = "mona/empty", Id = 22, Empty = true });
    }

    public void Dispose() => _server.Dispose();

    [Theory]
    [InlineData("user", "private")]
    [InlineData("read:user", "private")]
    [InlineData("repo", "public")]
    public async Task User_ClassicToken_ShowsThePrivateProfileOnlyWithTheUserScope(string scope, string view)
    {
        var token = _server.AddToken(Mona(FakeGitHubToken.Classic(scope)));

        var json = await GetJsonAsync("user", token);

        json.GetProperty("user_view_type").GetString().Should().Be(view);
        json.TryGetProperty("two_factor_authentication", out _).Should().Be(view == "private");
        json.TryGetProperty("plan", out _).Should().Be(view == "private");
        json.GetProperty("public_repos").GetInt32().Should().Be(1);
        if (view == "private")
        {
            json.GetProperty("owned_private_repos").GetInt32().Should().Be(2);
            json.GetProperty("total_private_repos").GetInt32().Should().Be(2);
        }
    }

    [Theory]
    [InlineData(FakeGitHubTokenKind.FineGrained)]
    [InlineData(FakeGitHubTokenKind.AppUser)]
    public async Task User_FineGrainedAndAppUserTokens_ShowThePublicProfile(FakeGitHubTokenKind kind)
    {
        var token = _server.AddToken(Mona(new FakeGitHubToken { Value = $"v-{kind}", Kind = kind }));

        var json = await GetJsonAsync("user", token);

        json.GetProperty("user_view_type").GetString().Should().Be("public");
        json.TryGetProperty("private_gists", out _).Should().BeFalse();
    }

    [Fact]
    public async Task User_UrlsAndTimestamps_ComeFromTheFakesAddressAndClock()
    {
        var token = _server.AddToken(Mona(FakeGitHubToken.Classic("user")));

        var json = await GetJsonAsync("user", token);

        json.GetProperty("url").GetString().Should().Be($"{_server.ApiUrl}users/mona");
        json.GetProperty("html_url").GetString().Should().Be($"{_server.Url}mona");
        json.GetProperty("repos_url").GetString().Should().Be($"{_server.ApiUrl}users/mona/repos");
        json.GetProperty("following_url").GetString().Should().Be($"{_server.ApiUrl}users/mona/following{{/other_user}}");
        json.GetProperty("node_id").GetString().Should().Be("MDQ6VXNlcjU4MzIzMQ==", "GitHub's legacy id of User 583231, base64 of 04:User583231");
        var created = json.GetProperty("created_at").GetDateTimeOffset();
        var updated = json.GetProperty("updated_at").GetDateTimeOffset();
        created.Should().BeBefore(Now.AddDays(-400));
        updated.Should().BeAfter(created).And.BeOnOrBefore(Now);
        (await GetJsonAsync("user", token)).GetProperty("created_at").GetDateTimeOffset().Should().Be(created, "answers are stable per server");
    }

    [Fact]
    public async Task Repository_OwnedByATokensAccount_HasThatAccountAsOwner()
    {
        var token = _server.AddToken(Mona(FakeGitHubToken.Classic("repo").WithRepository("mona/dotfiles", new FakeGitHubGrant { Role = "admin" })));

        var json = await GetJsonAsync("repos/mona/dotfiles", token);

        var owner = json.GetProperty("owner");
        owner.GetProperty("login").GetString().Should().Be("mona");
        owner.GetProperty("id").GetInt64().Should().Be(583231);
        owner.GetProperty("type").GetString().Should().Be("User");
        json.TryGetProperty("organization", out _).Should().BeFalse();
        json.GetProperty("node_id").GetString().Should().Be("MDEwOlJlcG9zaXRvcnkyMA==", "base64 of 010:Repository20");
        json.GetProperty("url").GetString().Should().Be($"{_server.ApiUrl}repos/mona/dotfiles");
        json.GetProperty("html_url").GetString().Should().Be($"{_server.Url}mona/dotfiles");
        json.GetProperty("clone_url").GetString().Should().Be($"{_server.Url}mona/dotfiles.git");
        json.GetProperty("ssh_url").GetString().Should().Be("git@127.0.0.1:mona/dotfiles.git");
        json.GetProperty("visibility").GetString().Should().Be("private");
        json.GetProperty("default_branch").GetString().Should().Be("main");
        json.GetProperty("allow_squash_merge").GetBoolean().Should().BeTrue("the admin may push, so GitHub shows the merge settings");
    }

    [Fact]
    public async Task Repository_OfAnOrganization_HasAnOrganizationOwnerWithAStableId()
    {
        var token = _server.AddToken(FakeGitHubToken.FineGrained().WithRepository("acme/api", new FakeGitHubGrant { Role = "read" }));

        var first = await GetJsonAsync("repos/acme/api", token);
        var second = await GetJsonAsync("repos/acme/api", token);

        first.GetProperty("owner").GetProperty("type").GetString().Should().Be("Organization");
        first.GetProperty("organization").GetProperty("login").GetString().Should().Be("acme");
        first.GetProperty("owner").GetProperty("id").GetInt64().Should().Be(second.GetProperty("owner").GetProperty("id").GetInt64());
        first.GetProperty("pushed_at").GetString().Should().Be(second.GetProperty("pushed_at").GetString());
        first.TryGetProperty("allow_squash_merge", out _).Should().BeFalse("read access does not show the merge settings");
    }

    [Fact]
    public async Task Repository_Empty_WasNeverPushedToAndHasNoSize()
    {
        var token = _server.AddToken(Mona(FakeGitHubToken.Classic("repo").WithRepository("mona/empty", new FakeGitHubGrant())));

        var json = await GetJsonAsync("repos/mona/empty", token);

        json.GetProperty("size").GetInt32().Should().Be(0);
        json.GetProperty("pushed_at").GetString().Should().Be(json.GetProperty("created_at").GetString());
    }

    [Fact]
    public async Task PutContents_Created_AnswersGitsBlobShaOfTheContent()
    {
        var token = _server.AddToken(Mona(FakeGitHubToken.Classic("repo").WithRepository("acme/api", new FakeGitHubGrant())));

        using var response = await _server.SendAsync("PUT", "repos/acme/api/contents/docs/hello.txt", token, """{"message":"Say hello","content":"SGVsbG8sIHdvcmxkIQo="}""");
        var json = await response.JsonAsync();

        var content = json.GetProperty("content");
        content.GetProperty("path").GetString().Should().Be("docs/hello.txt");
        content.GetProperty("name").GetString().Should().Be("hello.txt");
        content.GetProperty("sha").GetString().Should().Be("af5626b4a114abcb82d63db7c8082c3c4756e51b", "git hash-object of \"Hello, world!\\n\"");
        content.GetProperty("size").GetInt32().Should().Be(14);
        var commit = json.GetProperty("commit");
        commit.GetProperty("message").GetString().Should().Be("Say hello");
        commit.GetProperty("author").GetProperty("email").GetString().Should().Be("583231+mona@users.noreply.github.com");
        commit.GetProperty("author").GetProperty("date").GetDateTimeOffset().Should().Be(Now);
    }

    [Fact]
    public async Task CreateStatus_Created_EchoesTheBodyWithTheTokensAccountAsCreator()
    {
        var token = _server.AddToken(Mona(FakeGitHubToken.Classic("repo").WithRepository("acme/api", new FakeGitHubGrant())));

        using var response = await _server.SendAsync("POST", "repos/acme/api/statuses/6dcb09b5", token, """{"state":"failure","context":"ci/test","description":"2 failed"}""");
        var json = await response.JsonAsync();

        json.GetProperty("state").GetString().Should().Be("failure");
        json.GetProperty("context").GetString().Should().Be("ci/test");
        json.GetProperty("description").GetString().Should().Be("2 failed");
        json.GetProperty("target_url").ValueKind.Should().Be(JsonValueKind.Null);
        json.GetProperty("url").GetString().Should().Be($"{_server.ApiUrl}repos/acme/api/statuses/6dcb09b5");
        json.GetProperty("creator").GetProperty("login").GetString().Should().Be("mona");
        json.GetProperty("created_at").GetDateTimeOffset().Should().Be(Now);
    }

    [Fact]
    public async Task CreatePull_Created_IsOpenFromTheHeadIntoTheBase()
    {
        var token = _server.AddToken(Mona(FakeGitHubToken.Classic("repo").WithRepository("acme/api", new FakeGitHubGrant())));

        using var response = await _server.SendAsync("POST", "repos/acme/api/pulls", token, """{"title":"Fix","head":"mona:fix","base":"main","draft":true}""");
        var json = await response.JsonAsync();

        json.GetProperty("number").GetInt32().Should().Be(1);
        json.GetProperty("state").GetString().Should().Be("open");
        json.GetProperty("draft").GetBoolean().Should().BeTrue();
        json.GetProperty("title").GetString().Should().Be("Fix");
        json.GetProperty("user").GetProperty("login").GetString().Should().Be("mona");
        json.GetProperty("head").GetProperty("label").GetString().Should().Be("mona:fix");
        json.GetProperty("head").GetProperty("repo").GetProperty("full_name").GetString().Should().Be("mona/api");
        json.GetProperty("head").GetProperty("user").GetProperty("id").GetInt64().Should().Be(583231);
        json.GetProperty("base").GetProperty("label").GetString().Should().Be("acme:main");
        json.GetProperty("base").GetProperty("repo").GetProperty("id").GetInt64().Should().Be(10);
        json.GetProperty("html_url").GetString().Should().Be($"{_server.Url}acme/api/pull/1");
    }

    [Fact]
    public async Task Root_ListsGitHubsUrlTemplatesOnTheFakesAddress()
    {
        var json = await GetJsonAsync("", _server.AddToken(FakeGitHubToken.Classic("repo")));

        json.GetProperty("repository_url").GetString().Should().Be($"{_server.ApiUrl}repos/{{owner}}/{{repo}}");
        json.GetProperty("rate_limit_url").GetString().Should().Be($"{_server.ApiUrl}rate_limit");
        json.EnumerateObject().Should().HaveCount(32).And.OnlyContain(p => p.Value.GetString()!.StartsWith(_server.Url.ToString(), StringComparison.Ordinal));
    }

    private static FakeGitHubToken Mona(FakeGitHubToken token)
    {
        token.Login = "mona";
        token.AccountId = 583231;
        return token;
    }

    private async Task<JsonElement> GetJsonAsync(string path, FakeGitHubToken token)
    {
        using var response = await _server.GetAsync(path, token);
        response.IsSuccessStatusCode.Should().BeTrue(await response.BodyAsync());
        return await response.JsonAsync();
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
