// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Tests.Catalogue;

/// <summary>
/// Pins every row of the seed document's tables (shared/seed/git-tokens-for-gitops.txt) as the seed edition maps them:
/// each label, each scope string, in order.
/// </summary>
public sealed class SeedEditionTests
{
    private const string Access = "Repository access: All repositories or Only select repositories";

    public static TheoryData<string, string[][]> SeedRows() => new()
    {
        // Git Runtime token table.
        { "github/runtime/classic", [["repo", "repo"], ["admin:repo_hook", "admin:repo_hook"]] },
        {
            "github/runtime/fine-grained",
            [
                [Access, "repository_selection=all", "repository_selection=selected"],
                ["Administration: Read and write", "administration=write"],
                ["Contents: Read and write", "contents=write"],
                ["Metadata: Read-only", "metadata=read"],
                ["Webhook: Read and write", "repository_hooks=write"],
            ]
        },
        { "gitlab/runtime/personal-access-token", [["read_api", "read_api"], ["read_repository", "read_repository"]] },
        { "gitlab/runtime/fine-grained", [["read_api", "read_project"], ["read_api", "read_code"], ["read_repository", "download_code"]] },
        { "bitbucket-cloud/runtime/app-password", BitbucketClassic() },
        { "bitbucket-cloud/runtime/api-token", BitbucketApiToken() },
        { "bitbucket-server/runtime/http-access-token", BitbucketServer() },

        // Git user token table.
        { "github/user/classic", [["repo", "repo"]] },
        {
            "github/user/fine-grained",
            [
                [Access, "repository_selection=all", "repository_selection=selected"],
                ["Contents: Read and write", "contents=write"],
                ["Metadata: Read-only", "metadata=read"],
            ]
        },
        { "gitlab/user/personal-access-token", [["write_repository (includes read_repository)", "write_repository"], ["api_read", "read_api"]] },
        { "gitlab/user/fine-grained", [["write_repository (includes read_repository)", "download_code"], ["write_repository (includes read_repository)", "push_code"], ["api_read", "read_project"]] },
        { "bitbucket-cloud/user/app-password", BitbucketClassic() },
        { "bitbucket-cloud/user/api-token", BitbucketApiToken() },
        { "bitbucket-server/user/http-access-token", BitbucketServer() },
    };

    [Theory]
    [MemberData(nameof(SeedRows))]
    public void Seed_Row_HasExactlyTheDocumentedClauses(string key, string[][] expected)
    {
        var requirement = ScopeEditions.Seed.Requirements.Single(r => r.Key.ToString() == key);

        requirement.Clauses.Select(c => new[] { c.Label }.Concat(c.AnyOf).ToArray())
            .Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
        requirement.Edition.Should().Be("seed");
        requirement.Clauses.Should().OnlyContain(c => c.Purpose.Length > 10);
    }

    [Fact]
    public void Seed_CoversEveryKeyOnce()
    {
        ScopeEditions.Seed.Requirements.Select(r => r.Key.ToString())
            .Should().BeEquivalentTo(SeedRows().Select(row => (string)row[0]));
        ScopeEditions.Seed.Requirements.Should().HaveCount(14);
    }

    [Fact]
    public void Seed_GitLabUserToken_UsesReadApiAndSaysWhy()
    {
        var requirement = ScopeEditions.Seed[new ScopeRequirementKey(GitProvider.GitLab, TokenKind.User, TokenFamily.PersonalAccessToken)];

        requirement.Clauses.SelectMany(c => c.AnyOf).Should().NotContain("api_read");
        requirement.Notes.Should().Contain("api_read").And.Contain("typo").And.Contain("read_api");
    }

    [Fact]
    public void Seed_Source_IsTheSeedDocument()
    {
        var source = ScopeEditions.Seed.Requirements[0].Source;

        source.Document.Should().Contain("Git tokens for GitOps");
        source.Date.Should().BeNull("the seed copy carries no date");
        source.Note.Should().Contain("February 2025");
        ScopeEditions.Seed.Requirements.Should().OnlyContain(r => ReferenceEquals(r.Source, source));
    }

    [Fact]
    public void TryGet_FindsEveryKey_AsTheIndexerDoes()
    {
        foreach (var key in ScopeRequirementKey.All)
        {
            ScopeEditions.Seed.TryGet(key, out var requirement).Should().BeTrue();
            requirement.Should().BeSameAs(ScopeEditions.Seed[key]);
        }
    }

    [Fact]
    public void Seed_IsTheDefault()
    {
        ScopeEditions.Default.Should().BeSameAs(ScopeEditions.Seed);
        ScopeEditions.All[0].Should().BeSameAs(ScopeEditions.Seed);
        ScopeEditions.SeedName.Should().Be("seed");
    }

    private static string[][] BitbucketClassic() =>
    [
        ["Account: Read", "account"],
        ["Workspace membership: Read", "team"],
        ["Webhooks: Read and write", "webhook"],
        ["Repositories: Write, Admin", "repository:write"],
        ["Repositories: Write, Admin", "repository:admin"],
    ];

    private static string[][] BitbucketApiToken() =>
    [
        ["Account: Read", "read:user:bitbucket"],
        ["Workspace membership: Read", "read:workspace:bitbucket"],
        ["Webhooks: Read and write", "read:webhook:bitbucket"],
        ["Webhooks: Read and write", "write:webhook:bitbucket"],
        ["Repositories: Write, Admin", "read:repository:bitbucket"],
        ["Repositories: Write, Admin", "write:repository:bitbucket"],
        ["Repositories: Write, Admin", "admin:repository:bitbucket"],
    ];

    private static string[][] BitbucketServer() =>
    [
        ["Account: Read", "REPO_READ"],
        ["Workspace membership: Read", "PROJECT_READ"],
        ["Webhooks: Read and write", "REPO_ADMIN"],
        ["Repositories: Write, Admin", "REPO_WRITE"],
        ["Repositories: Write, Admin", "REPO_ADMIN"],
    ];
}
