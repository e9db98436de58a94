// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;

namespace GitTokenScopes.Testing.Tests.GitHub;

public sealed class FakeGitHubServerRepositoryTests : IDisposable
{
    private readonly FakeGitHubServer _server = FakeGitHubServer.Start();

    public FakeGitHubServerRepositoryTests()
    {
        _server.AddRepository(new FakeGitHubRepository { FullName = "octo/secret", Id = 7 });
        _server.AddRepository(new FakeGitHubRepository { FullName = "octo/open", Id = 8, Private = false });
    }

    public void Dispose() => _server.Dispose();

    public static TheoryData<FakeGitHubTokenKind> AllKinds() => [.. Enum.GetValues<FakeGitHubTokenKind>()];

    [Theory]
    [MemberData(nameof(AllKinds))]
    public async Task Repository_PublicWithoutGrant_IsVisibleToEveryKindWithPullOnly(FakeGitHubTokenKind kind)
    {
        var token = _server.AddToken(new FakeGitHubToken { Value = $"v-{kind}", Kind = kind });

        using var response = await _server.GetAsync("repos/octo/open", token);
        var json = await response.JsonAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        json.GetProperty("private").GetBoolean().Should().BeFalse();
        var permissions = json.GetProperty("permissions");
        permissions.GetProperty("pull").GetBoolean().Should().BeTrue();
        permissions.GetProperty("push").GetBoolean().Should().BeFalse();
        permissions.GetProperty("admin").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task Repository_PrivateClassicWithRepoScopeAndGrant_AnswersTheRepository()
    {
        var token = _server.AddToken(FakeGitHubToken.Classic("repo").WithRepository("octo/secret", new FakeGitHubGrant()));

        using var response = await _server.GetAsync("repos/octo/secret", token);
        var json = await response.JsonAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        json.GetProperty("id").GetInt64().Should().Be(7);
        json.GetProperty("name").GetString().Should().Be("secret");
        json.GetProperty("full_name").GetString().Should().Be("octo/secret");
        json.GetProperty("private").GetBoolean().Should().BeTrue();
        json.GetProperty("owner").GetProperty("login").GetString().Should().Be("octo");
        response.Header("X-Accepted-OAuth-Scopes").Should().Be("repo");
    }

    [Theory]
    [InlineData("public_repo")]
    [InlineData("read:org")]
    public async Task Repository_PrivateClassicWithoutRepoScope_Answers404(string scope)
    {
        var token = _server.AddToken(FakeGitHubToken.Classic(scope).WithRepository("octo/secret", new FakeGitHubGrant { Role = "admin" }));

        using var response = await _server.GetAsync("repos/octo/secret", token);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.BodyAsync()).Should().Be(
            """{"message":"Not Found","documentation_url":"https://docs.github.com/rest/repos/repos#get-a-repository","status":"404"}""");
    }

    [Fact]
    public async Task Repository_PrivateClassicWithRepoScopeButNoGrant_Answers404()
    {
        var token = _server.AddToken(FakeGitHubToken.Classic("repo"));

        using var response = await _server.GetAsync("repos/octo/secret", token);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(FakeGitHubTokenKind.FineGrained)]
    [InlineData(FakeGitHubTokenKind.AppUser)]
    [InlineData(FakeGitHubTokenKind.AppInstallation)]
    public async Task Repository_PrivateFineGrainedKinds_NeedAnEntry(FakeGitHubTokenKind kind)
    {
        var with = _server.AddToken(new FakeGitHubToken { Value = $"with-{kind}", Kind = kind }
            .WithRepository("octo/secret", FakeGitHubGrant.WithPermissions(("metadata", "read"))));
        var without = _server.AddToken(new FakeGitHubToken { Value = $"without-{kind}", Kind = kind }
            .WithRepository("octo/other", FakeGitHubGrant.WithPermissions(("contents", "write"))));

        using var seen = await _server.GetAsync("repos/octo/secret", with);
        using var hidden = await _server.GetAsync("repos/octo/secret", without);

        seen.StatusCode.Should().Be(HttpStatusCode.OK);
        hidden.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Repository_NotOnTheServer_Answers404EvenWithAGrant()
    {
        var token = _server.AddToken(FakeGitHubToken.FineGrained().WithRepository("octo/ghost", FakeGitHubGrant.WithPermissions(("contents", "write"))));

        using var response = await _server.GetAsync("repos/octo/ghost", token);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Repository_FullName_IsMatchedCaseInsensitively()
    {
        var token = _server.AddToken(FakeGitHubToken.FineGrained().WithRepository("Octo/Secret", new FakeGitHubGrant()));

        using var response = await _server.GetAsync("repos/OCTO/secret", token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.JsonAsync()).GetProperty("full_name").GetString().Should().Be("octo/secret");
    }

    [Theory]
    [InlineData("read", false, false, false, false, true)]
    [InlineData("triage", false, false, false, true, true)]
    [InlineData("write", false, false, true, true, true)]
    [InlineData("maintain", false, true, true, true, true)]
    [InlineData("admin", true, true, true, true, true)]
    public async Task Repository_Role_FillsThePermissionsObject(string role, bool admin, bool maintain, bool push, bool triage, bool pull)
    {
        var token = _server.AddToken(FakeGitHubToken.Classic("repo").WithRepository("octo/secret", new FakeGitHubGrant { Role = role }));

        using var response = await _server.GetAsync("repos/octo/secret", token);
        var permissions = (await response.JsonAsync()).GetProperty("permissions");

        permissions.EnumerateObject().Select(p => p.Name).Should().Equal("admin", "maintain", "push", "triage", "pull");
        permissions.GetProperty("admin").GetBoolean().Should().Be(admin);
        permissions.GetProperty("maintain").GetBoolean().Should().Be(maintain);
        permissions.GetProperty("push").GetBoolean().Should().Be(push);
        permissions.GetProperty("triage").GetBoolean().Should().Be(triage);
        permissions.GetProperty("pull").GetBoolean().Should().Be(pull);
    }

    [Fact]
    public async Task Repository_FineGrainedGrant_UsesTheGrantsRole()
    {
        var token = _server.AddToken(FakeGitHubToken.FineGrained().WithRepository("octo/secret", FakeGitHubGrant.WithPermissions(("contents", "read"))));

        using var response = await _server.GetAsync("repos/octo/secret", token);

        (await response.JsonAsync()).GetProperty("permissions").GetProperty("admin").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Repository_HiddenAndMissing_AreIndistinguishable()
    {
        var token = _server.AddToken(FakeGitHubToken.Classic("repo"));

        using var hidden = await _server.GetAsync("repos/octo/secret", token);
        using var missing = await _server.GetAsync("repos/octo/nothing-here", token);

        hidden.StatusCode.Should().Be(missing.StatusCode);
        (await hidden.BodyAsync()).Should().Be(await missing.BodyAsync());
    }
}
