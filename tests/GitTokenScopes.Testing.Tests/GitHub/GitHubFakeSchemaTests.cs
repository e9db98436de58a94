// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net.Http.Headers;

namespace GitTokenScopes.Testing.Tests.GitHub;

/// <summary>
/// Every JSON answer of the fake GitHub, for each token kind and repository where the answer differs, validated against
/// GitHub's published response schema for that endpoint and status (<see cref="GitHubOpenApi"/>; errors against
/// <c>basic-error</c> or <c>validation-error</c> where the description lists none). Calls go to the running fake over
/// loopback, as a consumer's client would make them.
/// </summary>
/// <remarks>
/// Not covered, on purpose: <see cref="FakeGitHubToken.AnswerWriteProbesWithSuccess"/>, whose <c>{}</c> answers are a
/// server misbehaving by design; HTML answers (Enterprise web paths, 502 to 504) and <c>HEAD</c>, which have no JSON body.
/// </remarks>
public sealed class GitHubFakeSchemaTests : IDisposable
{
    private const string Repo = "/repos/{owner}/{repo}";

    private static readonly Dictionary<string, Case> Cases = BuildCases().ToDictionary(c => c.Name, StringComparer.Ordinal);

    private readonly FakeGitHubServer _github = FakeGitHubServer.Start();
    private readonly FakeGitHubServer _enterprise = FakeGitHubServer.Start(new FakeGitHubServerOptions { Enterprise = true });

    public GitHubFakeSchemaTests()
    {
        foreach (var server in new[] { _github, _enterprise })
        {
            server.AddRepository(new FakeGitHubRepository { FullName = "acme/api", Id = 10 });
            server.AddRepository(new FakeGitHubRepository { FullName = "acme/web", Id = 11, Private = false });
            server.AddRepository(new FakeGitHubRepository { FullName = "acme/empty", Id = 12, Empty = true });
            server.AddRepository(new FakeGitHubRepository { FullName = "octocat/dotfiles" });
        }
    }

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    public void Dispose()
    {
        _github.Dispose();
        _enterprise.Dispose();
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Answer_MatchesGitHubsSchema(string name)
    {
        var @case = Cases[name];
        var server = @case.Enterprise ? _enterprise : _github;
        var token = @case.Token is null ? null : server.AddToken(@case.Token());

        using var response = await server.SendAsync(@case.Method, @case.Path, token is null ? null : $"token {token.Value}", @case.Body);
        var body = await response.BodyAsync();

        ((int)response.StatusCode).Should().Be(@case.Status, "the case is meant to reach that answer; body: {0}", body);
        response.Content.Headers.ContentType.Should().BeEquivalentTo(MediaTypeHeaderValue.Parse("application/json; charset=utf-8"));
        var violations = GitHubOpenApi.ValidateResponse(@case.Operation, @case.Status, body);
        violations.Should().BeEmpty(
            "the fake's {0} answer must match GitHub's schema ({1} violations):\n{2}\nbody: {3}",
            @case.Status,
            violations.Count,
            string.Join("\n", violations),
            body);
    }

    [Fact]
    public void Cases_CoverEveryOperationOfTheExtract()
        => Cases.Values.Select(c => c.Operation).Distinct().Should().BeEquivalentTo(GitHubOpenApi.Operations);

    [Fact]
    public void Extract_ComesFromTheNamedPackageVersion()
        => GitHubOpenApi.SourceVersion.Should().Be("23.0.2");

    /// <summary>The fake's bodies before they carried GitHub's shapes: the validation must reject them.</summary>
    [Fact]
    public void Validation_RejectsTheFakesOldBodies()
    {
        const string oldUser = """{"login":"octocat","id":1,"node_id":"MDQ6VXNlcjE=","avatar_url":"https://avatars.githubusercontent.com/u/1?v=4","type":"User","site_admin":false,"name":null}""";
        const string oldRepository = """{"id":10,"name":"api","full_name":"acme/api","private":true,"owner":{"login":"acme"},"permissions":{"admin":true,"maintain":true,"push":true,"triage":true,"pull":true}}""";
        const string oldListing = """{"total_count":1,"repository_selection":"selected","repositories":[{"id":10,"name":"api","full_name":"acme/api","private":true,"owner":{"login":"acme"}}]}""";

        var user = GitHubOpenApi.ValidateComponent("private-user", oldUser);
        var repository = GitHubOpenApi.ValidateResponse("GET " + Repo, 200, oldRepository);
        var listing = GitHubOpenApi.ValidateResponse("GET /installation/repositories", 200, oldListing);

        user.Should().Contain(v => v.Contains("required", StringComparison.Ordinal) && v.Contains("two_factor_authentication", StringComparison.Ordinal));
        repository.Should().Contain(v => v.Contains("required", StringComparison.Ordinal) && v.Contains("clone_url", StringComparison.Ordinal));
        repository.Should().Contain(v => v.StartsWith("/owner ", StringComparison.Ordinal) && v.Contains("avatar_url", StringComparison.Ordinal));
        listing.Should().Contain(v => v.StartsWith("/repositories/0", StringComparison.Ordinal));
    }

    [Fact]
    public void Validation_ChecksTypesNullsAndFormats()
    {
        GitHubOpenApi.ValidateComponent("nullable-license-simple", "null").Should().BeEmpty();
        GitHubOpenApi.ValidateComponent("link", """{"href":1}""").Should().ContainSingle(v => v.Contains("type", StringComparison.Ordinal));
        GitHubOpenApi.ValidateComponent("code-of-conduct-simple", """{"url":"not a uri","key":"k","name":"n","html_url":null}""")
            .Should().ContainSingle(v => v.Contains("format", StringComparison.Ordinal));
        GitHubOpenApi.ValidateComponent("nullable-git-user", """{"date":"yesterday"}""")
            .Should().Contain(v => v.Contains("format", StringComparison.Ordinal));
        GitHubOpenApi.ValidateComponent("root", """{"user_search_url":"https://api.github.com/search/users?q={query}{&page,per_page,sort,order}"}""")
            .Should().NotContain(v => v.Contains("format", StringComparison.Ordinal));
        GitHubOpenApi.ValidateComponent("root", """{"user_search_url":"https://api.github.com/search/users?q={query"}""")
            .Should().Contain(v => v.Contains("format", StringComparison.Ordinal));
    }

    private static IEnumerable<Case> BuildCases()
    {
        static FakeGitHubToken Admin(FakeGitHubToken token, params string[] repositories)
        {
            foreach (var repository in repositories)
            {
                token.WithRepository(repository, FakeGitHubGrant.WithPermissions(
                    ("contents", "write"), ("administration", "write"), ("repository_hooks", "write"), ("statuses", "write"), ("pull_requests", "write")));
            }

            return token;
        }

        static FakeGitHubToken ClassicAdmin() => Admin(FakeGitHubToken.Classic("repo", "admin:repo_hook"), "acme/api", "acme/empty");

        const string userOp = "GET /user";
        const string listOp = "GET /installation/repositories";

        // The API root.
        yield return new("root", "GET", "", "GET /", 200, () => FakeGitHubToken.Classic("repo"));
        yield return new("root, Enterprise", "GET", "", "GET /", 200, () => FakeGitHubToken.Classic("repo"), Enterprise: true);

        // GET /user: the private view with the user scope, the public one without it.
        yield return new("user, classic with user (private view)", "GET", "user", userOp, 200, () => FakeGitHubToken.Classic("repo", "user"));
        yield return new("user, classic with read:user (private view)", "GET", "user", userOp, 200, () => FakeGitHubToken.Classic("read:user"));
        yield return new("user, classic without user (public view)", "GET", "user", userOp, 200, () => FakeGitHubToken.Classic("repo"));
        yield return new("user, legacy classic without scopes", "GET", "user", userOp, 200, () => FakeGitHubToken.LegacyClassic());
        yield return new("user, OAuth with user", "GET", "user", userOp, 200, () => FakeGitHubToken.OAuth("user"));
        yield return new("user, OAuth without user", "GET", "user", userOp, 200, () => FakeGitHubToken.OAuth("repo"));
        yield return new("user, fine-grained", "GET", "user", userOp, 200, () => Admin(FakeGitHubToken.FineGrained(), "acme/api"));
        yield return new("user, App user", "GET", "user", userOp, 200, () => FakeGitHubToken.AppUser());
        yield return new("user, bot account", "GET", "user", userOp, 200, () =>
        {
            var token = FakeGitHubToken.Classic("repo", "user");
            token.Login = "ci-bot[bot]";
            token.AccountId = 4242;
            token.AccountType = "Bot";
            return token;
        });
        yield return new("user, owner of a repository", "GET", "user", userOp, 200, () =>
        {
            var token = FakeGitHubToken.Classic("repo", "user").WithRepository("octocat/dotfiles", new FakeGitHubGrant { Role = "admin" });
            token.AccountId = 583231;
            return token;
        });
        yield return new("user, Enterprise private view", "GET", "user", userOp, 200, () => FakeGitHubToken.Classic("user"), Enterprise: true);
        yield return new("user, Enterprise public view", "GET", "user", userOp, 200, () => FakeGitHubToken.FineGrained(), Enterprise: true);
        yield return new("user, installation (403)", "GET", "user", userOp, 403, () => FakeGitHubToken.AppInstallation());
        yield return new("user, unknown token (401)", "GET", "user", userOp, 401, null);

        // GET /installation/repositories.
        yield return new("installation repositories, selected", "GET", "installation/repositories", listOp, 200,
            () => Admin(FakeGitHubToken.AppInstallation(), "acme/api", "acme/web"));
        yield return new("installation repositories, all", "GET", "installation/repositories", listOp, 200, () =>
        {
            var token = FakeGitHubToken.AppInstallation();
            token.RepositorySelection = "all";
            return token;
        });
        yield return new("installation repositories, second page", "GET", "installation/repositories?per_page=1&page=2", listOp, 200,
            () => Admin(FakeGitHubToken.AppInstallation(), "acme/api", "acme/web", "acme/empty"));
        yield return new("installation repositories, none", "GET", "installation/repositories", listOp, 200, () => FakeGitHubToken.AppInstallation());
        yield return new("installation repositories, Enterprise", "GET", "installation/repositories", listOp, 200,
            () => Admin(FakeGitHubToken.AppInstallation(), "acme/api", "octocat/dotfiles"), Enterprise: true);
        yield return new("installation repositories, classic (403)", "GET", "installation/repositories", listOp, 403, () => FakeGitHubToken.Classic("repo"));

        // GET /repos/{owner}/{repo}: each kind, public and private, with and without a grant.
        const string repoOp = "GET " + Repo;
        yield return new("repository, classic admin, private", "GET", "repos/acme/api", repoOp, 200, ClassicAdmin);
        yield return new("repository, classic read, private", "GET", "repos/acme/api", repoOp, 200,
            () => FakeGitHubToken.Classic("repo").WithRepository("acme/api", new FakeGitHubGrant { Role = "read" }));
        yield return new("repository, classic without grant, public", "GET", "repos/acme/web", repoOp, 200, () => FakeGitHubToken.Classic("public_repo"));
        yield return new("repository, OAuth triage, private", "GET", "repos/acme/api", repoOp, 200,
            () => FakeGitHubToken.OAuth("repo").WithRepository("acme/api", new FakeGitHubGrant { Role = "triage" }));
        yield return new("repository, fine-grained with permissions, private", "GET", "repos/acme/api", repoOp, 200,
            () => Admin(FakeGitHubToken.FineGrained(), "acme/api"));
        yield return new("repository, fine-grained without permissions, public", "GET", "repos/acme/web", repoOp, 200, () => FakeGitHubToken.FineGrained());
        yield return new("repository, App user maintain, private", "GET", "repos/acme/api", repoOp, 200,
            () => FakeGitHubToken.AppUser().WithRepository("acme/api", new FakeGitHubGrant { Role = "maintain" }));
        yield return new("repository, installation selected, private", "GET", "repos/acme/api", repoOp, 200,
            () => Admin(FakeGitHubToken.AppInstallation(), "acme/api"));
        yield return new("repository, installation all without grant, private", "GET", "repos/acme/api", repoOp, 200, () =>
        {
            var token = FakeGitHubToken.AppInstallation();
            token.RepositorySelection = "all";
            return token;
        });
        yield return new("repository, owned by a user", "GET", "repos/octocat/dotfiles", repoOp, 200,
            () => FakeGitHubToken.Classic("repo").WithRepository("octocat/dotfiles", new FakeGitHubGrant { Role = "admin" }));
        yield return new("repository, empty", "GET", "repos/acme/empty", repoOp, 200, ClassicAdmin);
        yield return new("repository, Enterprise", "GET", "repos/acme/api", repoOp, 200, ClassicAdmin, Enterprise: true);
        yield return new("repository, hidden (404)", "GET", "repos/acme/api", repoOp, 404, () => FakeGitHubToken.FineGrained());
        yield return new("repository, SSO (403)", "GET", "repos/acme/api", repoOp, 403, () =>
        {
            var token = ClassicAdmin();
            token.SsoOrganization = "acme";
            return token;
        });
        yield return new("repository, rate limited (403)", "GET", "repos/acme/api", repoOp, 403, () =>
        {
            var token = ClassicAdmin();
            token.RateLimit = new FakeGitHubRateLimit();
            return token;
        });

        // The permission probes.
        yield return new("commits", "GET", "repos/acme/api/commits", "GET " + Repo + "/commits", 200, ClassicAdmin);
        yield return new("commits, empty (409)", "GET", "repos/acme/empty/commits", "GET " + Repo + "/commits", 409, ClassicAdmin);
        yield return new("commits, not granted (403)", "GET", "repos/acme/api/commits", "GET " + Repo + "/commits", 403,
            () => FakeGitHubToken.FineGrained().WithRepository("acme/api", new FakeGitHubGrant()));
        yield return new("contents, created", "PUT", "repos/acme/api/contents/docs/notes.md", "PUT " + Repo + "/contents/{path}", 201, ClassicAdmin,
            Body: """{"message":"Add notes","content":"SGVsbG8sIHdvcmxkIQo=","branch":"main"}""");
        yield return new("contents, App user", "PUT", "repos/acme/api/contents/README.md", "PUT " + Repo + "/contents/{path}", 201,
            () => Admin(FakeGitHubToken.AppUser(), "acme/api"), Body: """{"message":"Update","content":"not base64!"}""", Enterprise: true);
        yield return new("contents, fields missing (422)", "PUT", "repos/acme/api/contents/README.md", "PUT " + Repo + "/contents/{path}", 422,
            ClassicAdmin, Body: "{}");
        yield return new("contents, not JSON (400)", "PUT", "repos/acme/api/contents/README.md", "PUT " + Repo + "/contents/{path}", 400,
            ClassicAdmin, Body: "[1]");
        yield return new("actions permissions", "GET", "repos/acme/api/actions/permissions", "GET " + Repo + "/actions/permissions", 200, ClassicAdmin);
        yield return new("rule suites", "GET", "repos/acme/api/rulesets/rule-suites", "GET " + Repo + "/rulesets/rule-suites", 200, ClassicAdmin);
        yield return new("hooks", "GET", "repos/acme/api/hooks", "GET " + Repo + "/hooks", 200, ClassicAdmin);
        yield return new("hook update (404)", "PATCH", "repos/acme/api/hooks/1", "PATCH " + Repo + "/hooks/{hook_id}", 404, ClassicAdmin, Body: "{}");
        yield return new("statuses (404)", "GET", "repos/acme/api/commits/0000000000000000000000000000000000000000/statuses",
            "GET " + Repo + "/commits/{ref}/statuses", 404, ClassicAdmin);
        yield return new("status, created", "POST", "repos/acme/api/statuses/6dcb09b5b57875f334f61aebed695e2e4193db5e", "POST " + Repo + "/statuses/{sha}", 201,
            ClassicAdmin, Body: """{"state":"success","target_url":"https://ci.example.com/1","description":"Build passed","context":"ci/build"}""");
        yield return new("status, minimal body", "POST", "repos/acme/api/statuses/6dcb09b5b57875f334f61aebed695e2e4193db5e", "POST " + Repo + "/statuses/{sha}", 201,
            () => Admin(FakeGitHubToken.AppInstallation(), "acme/api"), Body: """{"state":"pending"}""");
        yield return new("status, invalid state (422)", "POST", "repos/acme/api/statuses/abc", "POST " + Repo + "/statuses/{sha}", 422, ClassicAdmin, Body: "{}");
        yield return new("pulls", "GET", "repos/acme/api/pulls", "GET " + Repo + "/pulls", 200, ClassicAdmin);
        yield return new("pull, created", "POST", "repos/acme/api/pulls", "POST " + Repo + "/pulls", 201, ClassicAdmin,
            Body: """{"title":"Amazing new feature","body":"Please pull these awesome changes in!","head":"octocat:new-feature","base":"main"}""");
        yield return new("pull, draft from an installation", "POST", "repos/acme/web/pulls", "POST " + Repo + "/pulls", 201,
            () => Admin(FakeGitHubToken.AppInstallation(), "acme/web"), Body: """{"head":"feature","base":"main","draft":true}""", Enterprise: true);
        yield return new("pull, fields missing (422)", "POST", "repos/acme/api/pulls", "POST " + Repo + "/pulls", 422, ClassicAdmin, Body: "{}");
    }

    /// <summary>One request to the fake and the operation and status whose schema its answer must match.</summary>
    private sealed record Case(
        string Name,
        string Method,
        string Path,
        string Operation,
        int Status,
        Func<FakeGitHubToken>? Token,
        string? Body = null,
        bool Enterprise = false)
    {
        public override string ToString() => Name;
    }
}
