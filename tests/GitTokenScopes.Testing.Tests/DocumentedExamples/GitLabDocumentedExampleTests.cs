// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing.Tests.DocumentedExamples;

/// <summary>
/// Every 2xx JSON answer of the fake GitLab, for each kind of token and project where the answer differs, compared with
/// the example docs.gitlab.com gives for the endpoint (see DocumentedExamples/README.md).
/// </summary>
public sealed class GitLabDocumentedExampleTests : IDisposable
{
    private static readonly Dictionary<string, Case> Cases = BuildCases().ToDictionary(c => c.Name, StringComparer.Ordinal);

    private readonly FakeGitLabServer _server = FakeGitLabServer.Start(new FakeGitLabServerOptions { TimeProvider = new FixedTime() });
    private readonly FakeGitLabServer _rooted = FakeGitLabServer.Start(new FakeGitLabServerOptions { RelativeUrlRoot = "/gitlab" });

    public GitLabDocumentedExampleTests()
    {
        foreach (var server in new[] { _server, _rooted })
        {
            server.AddProject(new FakeGitLabProject { PathWithNamespace = "acme/platform/api", Id = 101 });
            server.AddProject(new FakeGitLabProject { PathWithNamespace = "acme/web", Id = 102, Visibility = "public" });
            server.AddProject(new FakeGitLabProject { PathWithNamespace = "jdoe/dotfiles", Id = 103, Visibility = "internal" });
        }
    }

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    public void Dispose()
    {
        _server.Dispose();
        _rooted.Dispose();
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Answer_HasTheDocumentedShape(string name)
    {
        var @case = Cases[name];
        var server = @case.Rooted ? _rooted : _server;
        var token = server.AddToken(@case.Token());

        var (status, body) = await DocumentedHttp.GetAsync(new Uri(server.ApiUrl, @case.Path), privateToken: token.Value);

        status.Should().Be(200, "the case is meant to reach a documented answer; body: {0}", body);
        var example = DocumentedShape.Example(@case.Example);

        // /personal_access_tokens/self answers one token; the docs' example is the listing of such tokens.
        var actual = example.ValueKind == System.Text.Json.JsonValueKind.Array && body.TrimStart().StartsWith('{') ? $"[{body}]" : body;
        var violations = DocumentedShape.Compare(example, actual, @case.Rules);
        violations.Should().BeEmpty(DocumentedHttp.Because(violations, body));
    }

    private static FakeGitLabToken Member(FakeGitLabToken token)
        => token.WithProject("acme/platform/api", FakeGitLabAccessLevel.Developer).WithGroup("acme", FakeGitLabAccessLevel.Maintainer);

    private static IEnumerable<Case> BuildCases()
    {
        const string user = "GitLab/get-user-regular.json";
        const string self = "GitLab/list-personal-access-tokens.json";
        const string project = "GitLab/get-single-project.json";
        const string list = "GitLab/list-all-projects.json";

        yield return new("user, personal", "user", user, () => FakeGitLabToken.Personal("read_user"), GitLabShapes.User);
        yield return new("user, project bot", "user", user, () => FakeGitLabToken.ProjectBot(101, "read_api"), GitLabShapes.User);
        yield return new("user, group bot", "user", user, () => FakeGitLabToken.GroupBot(7, "api"), GitLabShapes.User);
        yield return new("user, service account", "user", user, () => FakeGitLabToken.ServiceAccount(7, "api"), GitLabShapes.User);
        yield return new("user, impersonation", "user", user, () => FakeGitLabToken.Impersonation("api"), GitLabShapes.User);
        yield return new("user, relative root", "user", user, () => FakeGitLabToken.Personal("api"), GitLabShapes.User, Rooted: true);

        yield return new("self, personal", "personal_access_tokens/self", self, () => FakeGitLabToken.Personal("api", "read_repository"), GitLabShapes.Self);
        yield return new("self, expiring", "personal_access_tokens/self", self, () =>
        {
            var token = FakeGitLabToken.Personal("read_api");
            token.ExpiresAt = new DateOnly(2027, 3, 1);
            return token;
        }, GitLabShapes.Self);
        yield return new("self, expired but not enforced", "personal_access_tokens/self", self, () =>
        {
            var token = FakeGitLabToken.Personal("read_api");
            token.ExpiresAt = new DateOnly(2026, 1, 1);
            token.ExpiryEnforced = false;
            return token;
        }, GitLabShapes.Self);
        yield return new("self, fine-grained (19.5)", "personal_access_tokens/self", self, () => FakeGitLabToken.FineGrainedPersonal(
            new FakeGitLabGranularScope { Access = "selected_memberships", Permissions = ["read_project", "read_personal_access_token"], ProjectId = 101 },
            new FakeGitLabGranularScope { Access = "user", Permissions = ["read_user"] }), GitLabShapes.Self);
        yield return new("self, fine-grained (18.10)", "personal_access_tokens/self", self, () =>
        {
            var token = FakeGitLabToken.FineGrainedPersonal(new FakeGitLabGranularScope { Access = "user", Permissions = ["read_personal_access_token"] });
            token.ListsGranularScopes = false;
            return token;
        }, GitLabShapes.Self);

        yield return new("project, member of project and group", "projects/101", project, () => Member(FakeGitLabToken.Personal("read_api")), GitLabShapes.Project);
        yield return new("project, by path", "projects/acme%2Fplatform%2Fapi", project, () => Member(FakeGitLabToken.ProjectBot(101, "api")), GitLabShapes.Project);
        yield return new("project, public without membership", "projects/102", project, () => FakeGitLabToken.Personal("read_api"), GitLabShapes.Project);
        yield return new("project, in the user's namespace", "projects/103", project, () => FakeGitLabToken.Personal("api").WithProject("jdoe/dotfiles", FakeGitLabAccessLevel.Owner), GitLabShapes.Project);
        yield return new("project, fine-grained", "projects/101", project, () => Member(FakeGitLabToken.FineGrainedPersonal(
            new FakeGitLabGranularScope { Access = "all_memberships", Permissions = ["read_project"] })), GitLabShapes.Project);
        yield return new("project, relative root", "projects/101", project, () => Member(FakeGitLabToken.Personal("api")), GitLabShapes.Project, Rooted: true);

        yield return new("projects, member", "projects", list, () => Member(FakeGitLabToken.Personal("read_api")), GitLabShapes.List);
        yield return new("projects, user namespace", "projects?per_page=2", list, () => FakeGitLabToken.Personal("api").WithProject("jdoe/dotfiles", FakeGitLabAccessLevel.Owner), GitLabShapes.List);
    }

    /// <summary>A request to the fake and the example its answer must match.</summary>
    private sealed record Case(string Name, string Path, string Example, Func<FakeGitLabToken> Token, ShapeRules Rules, bool Rooted = false)
    {
        public override string ToString() => Name;
    }

    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 12, 7, 14, 30, 0, TimeSpan.Zero);
    }
}
