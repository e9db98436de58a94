// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;

namespace GitTokenScopes.Testing.Tests.GitHub;

public sealed class FakeGitHubServerInstallationTests : IDisposable
{
    private readonly FakeGitHubServer _server = FakeGitHubServer.Start();

    public FakeGitHubServerInstallationTests()
    {
        _server.AddRepository(new FakeGitHubRepository { FullName = "octo/api", Id = 10 });
        _server.AddRepository(new FakeGitHubRepository { FullName = "octo/web", Id = 11, Private = false });
        _server.AddRepository(new FakeGitHubRepository { FullName = "octo/ops", Id = 12 });
    }

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task User_InstallationToken_Answers403ResourceNotAccessibleByIntegration()
    {
        var token = _server.AddToken(FakeGitHubToken.AppInstallation());

        using var response = await _server.GetAsync("user", token);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.BodyAsync()).Should().Be(
            """{"message":"Resource not accessible by integration","documentation_url":"https://docs.github.com/rest/users/users#get-the-authenticated-user","status":"403"}""");
        response.Header("X-OAuth-Scopes").Should().BeNull();
        response.Header("x-ratelimit-remaining").Should().Be("4999");
    }

    [Fact]
    public async Task InstallationRepositories_SelectedRepositories_ListsTheGrantedOnesThatExist()
    {
        var token = _server.AddToken(FakeGitHubToken.AppInstallation()
            .WithRepository("octo/ops", FakeGitHubGrant.WithPermissions(("contents", "read")))
            .WithRepository("OCTO/API", FakeGitHubGrant.WithPermissions(("contents", "read")))
            .WithRepository("octo/deleted", FakeGitHubGrant.WithPermissions(("contents", "read"))));

        using var response = await _server.GetAsync("installation/repositories", token);
        var json = await response.JsonAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        json.GetProperty("total_count").GetInt32().Should().Be(2);
        json.GetProperty("repository_selection").GetString().Should().Be("selected");
        json.GetProperty("repositories").EnumerateArray().Select(r => r.GetProperty("full_name").GetString()).Should().Equal("octo/api", "octo/ops");
        var first = json.GetProperty("repositories")[0];
        first.GetProperty("id").GetInt64().Should().Be(10);
        first.GetProperty("name").GetString().Should().Be("api");
        first.GetProperty("private").GetBoolean().Should().BeTrue();
        first.GetProperty("owner").GetProperty("login").GetString().Should().Be("octo");
    }

    [Fact]
    public async Task InstallationRepositories_AllRepositories_ListsEveryRepositoryOnTheServer()
    {
        var token = FakeGitHubToken.AppInstallation();
        token.RepositorySelection = "all";
        _server.AddToken(token);

        using var response = await _server.GetAsync("installation/repositories", token);
        var json = await response.JsonAsync();

        json.GetProperty("total_count").GetInt32().Should().Be(3);
        json.GetProperty("repository_selection").GetString().Should().Be("all");
        json.GetProperty("repositories").EnumerateArray().Select(r => r.GetProperty("full_name").GetString()).Should().Equal("octo/api", "octo/web", "octo/ops");
    }

    [Fact]
    public async Task InstallationRepositories_PerPage_PaginatesWithLinkHeader()
    {
        var token = FakeGitHubToken.AppInstallation();
        token.RepositorySelection = "all";
        _server.AddToken(token);

        using var first = await _server.GetAsync("installation/repositories?per_page=2", token);
        using var second = await _server.GetAsync("installation/repositories?per_page=2&page=2", token);

        var firstJson = await first.JsonAsync();
        firstJson.GetProperty("total_count").GetInt32().Should().Be(3);
        firstJson.GetProperty("repositories").GetArrayLength().Should().Be(2);
        first.Header("Link").Should().Contain($"<{_server.ApiUrl}installation/repositories?per_page=2&page=2>; rel=\"next\"");
        (await second.JsonAsync()).GetProperty("repositories").EnumerateArray().Select(r => r.GetProperty("full_name").GetString()).Should().Equal("octo/ops");
        second.Header("Link").Should().Contain("rel=\"prev\"").And.NotContain("rel=\"next\"");
    }

    [Theory]
    [InlineData(FakeGitHubTokenKind.Classic)]
    [InlineData(FakeGitHubTokenKind.FineGrained)]
    [InlineData(FakeGitHubTokenKind.AppUser)]
    public async Task InstallationRepositories_OtherKinds_Answer403(FakeGitHubTokenKind kind)
    {
        var token = _server.AddToken(new FakeGitHubToken { Value = $"token-of-kind-{kind}", Kind = kind });

        using var response = await _server.GetAsync("installation/repositories", token);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.JsonAsync()).Message().Should().Be(
            "You must authenticate with an installation access token in order to list repositories for an installation.");
    }

    [Fact]
    public async Task Repository_InstallationWithAllRepositories_SeesPrivateRepositoriesWithoutGrant()
    {
        var all = FakeGitHubToken.AppInstallation();
        all.RepositorySelection = "all";
        _server.AddToken(all);
        var selected = _server.AddToken(FakeGitHubToken.AppInstallation());

        using var seen = await _server.GetAsync("repos/octo/ops", all);
        using var hidden = await _server.GetAsync("repos/octo/ops", selected);

        seen.StatusCode.Should().Be(HttpStatusCode.OK);
        hidden.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
