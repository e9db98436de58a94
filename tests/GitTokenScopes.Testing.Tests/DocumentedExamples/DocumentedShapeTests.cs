// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json;

namespace GitTokenScopes.Testing.Tests.DocumentedExamples;

/// <summary>The comparison itself: it rejects what differs from an example, and the fakes' bodies from before they matched.</summary>
public sealed class DocumentedShapeTests
{
    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    [Theory]
    [InlineData("GitLab/get-user-regular.json")]
    [InlineData("GitLab/list-personal-access-tokens.json")]
    [InlineData("GitLab/get-single-project.json")]
    [InlineData("GitLab/list-all-projects.json")]
    [InlineData("BitbucketCloud/get-current-user.json")]
    [InlineData("BitbucketCloud/list-public-repositories.json")]
    [InlineData("BitbucketServer/list-project-access-tokens.json")]
    public void Example_IsReadable(string file)
        => DocumentedShape.Example(file).ValueKind.Should().BeOneOf(JsonValueKind.Object, JsonValueKind.Array);

    [Fact]
    public void Compare_SameShape_HasNoViolation()
        => DocumentedShape.Compare(Parse("""{"a":1,"b":{"c":"x"},"d":[{"e":true}]}"""), """{"a":2,"b":{"c":"y"},"d":[{"e":false},{"e":true}]}""").Should().BeEmpty();

    [Fact]
    public void Compare_MissingField_IsAViolationAtItsPath()
        => DocumentedShape.Compare(Parse("""{"a":1,"b":{"c":"x","d":2}}"""), """{"a":1,"b":{"c":"x"}}""").Should().Equal("/b/d: missing");

    [Fact]
    public void Compare_OtherKind_IsAViolation()
        => DocumentedShape.Compare(Parse("""{"a":1,"b":[{"c":"x"}]}"""), """{"a":"1","b":[{"c":"x"},{"c":false}]}""")
            .Should().Equal("/a: string, the docs show number", "/b/1/c: boolean, the docs show string");

    [Fact]
    public void Compare_ExtraField_IsAViolationUnlessAllowed()
    {
        var example = Parse("""{"a":1}""");

        DocumentedShape.Compare(example, """{"a":1,"z":0}""").Should().Equal("/z: not in the docs' example");
        DocumentedShape.Compare(example, """{"a":1,"z":0}""", new ShapeRules { ExtraAllowed = { ["/z"] = "test" } }).Should().BeEmpty();
    }

    [Fact]
    public void Compare_Null_MatchesOnlyWhereTheDocsShowNullOrAllowIt()
    {
        var example = Parse("""{"a":null,"b":"x"}""");

        DocumentedShape.Compare(example, """{"a":{"any":"thing"},"b":"y"}""").Should().BeEmpty("the docs' null says nothing about the kind");
        DocumentedShape.Compare(example, """{"a":null,"b":null}""").Should().Equal("/b: null, the docs show string");
        DocumentedShape.Compare(example, """{"a":null,"b":null}""", new ShapeRules { MayBeNull = { ["/b"] = "test" } }).Should().BeEmpty();
    }

    [Fact]
    public void Compare_ArrayItems_RequireWhatEveryExampleItemHas()
    {
        var example = Parse("""[{"id":1,"only_first":true},{"id":2,"only_second":"x"}]""");

        DocumentedShape.Compare(example, """[{"id":3},{"id":4,"only_second":"y"}]""").Should().BeEmpty();
        DocumentedShape.Compare(example, """[{"only_first":1}]""").Should().Equal("/0/id: missing", "/0/only_first: number, the docs show boolean");
    }

    [Fact]
    public void Compare_MayBeAbsent_AndAnyKind_UsePatterns()
    {
        var example = Parse("""{"values":[{"id":"1","created":"<string>","name":"n"}]}""");
        var rules = new ShapeRules { MayBeAbsent = { ["/values/*/name"] = "test" }, AnyKind = { ["/values/*/created"] = "test" } };

        DocumentedShape.Compare(example, """{"values":[{"id":"2","created":1717000000000}]}""", rules).Should().BeEmpty();
        DocumentedShape.Compare(example, """{"values":[{"id":"2","created":1717000000000}]}""").Should().Equal("/values/0/created: number, the docs show string", "/values/0/name: missing");
    }

    /// <summary>The fake GitLab's GET /user body before this change (skype, no github): the example rejects it.</summary>
    [Fact]
    public void GitLabUser_TheFakesOldBody_IsRejected()
    {
        const string old = """{"id":42,"username":"jdoe","email":"jdoe@example.com","name":"Jane Doe","state":"active","locked":false,"avatar_url":"https://secure.gravatar.com/avatar/42?s=80&d=identicon","web_url":"http://127.0.0.1:5000/jdoe","created_at":"2025-11-02T08:00:58.000Z","bio":"","location":null,"public_email":"","skype":"","linkedin":"","twitter":"","discord":"","website_url":"","organization":"","job_title":"","pronouns":null,"bot":false,"work_information":null,"followers":0,"following":0,"local_time":"2:30 PM","last_sign_in_at":"2026-11-30T11:41:01.000Z","confirmed_at":"2025-11-02T09:05:22.000Z","theme_id":1,"last_activity_on":"2026-12-07","color_scheme_id":1,"projects_limit":100000,"current_sign_in_at":"2026-12-01T06:36:55.000Z","identities":[],"can_create_group":true,"can_create_project":true,"two_factor_enabled":false,"external":false,"private_profile":false,"commit_email":"jdoe@example.com"}""";

        DocumentedShape.Compare(DocumentedShape.Example("GitLab/get-user-regular.json"), old, GitLabShapes.User)
            .Should().BeEquivalentTo("/github: missing", "/skype: not in the docs' example");
    }

    /// <summary>The fake GitLab's GET /projects/:id body before this change: the example rejects it, settings missing among others.</summary>
    [Fact]
    public void GitLabProject_TheFakesOldBody_IsRejected()
    {
        const string old = """{"id":101,"description":"","name":"api","name_with_namespace":"acme / platform / api","path":"api","path_with_namespace":"acme/platform/api","created_at":"2026-01-05T09:30:00.000Z","default_branch":"main","tag_list":[],"topics":[],"ssh_url_to_repo":"git@127.0.0.1:acme/platform/api.git","http_url_to_repo":"http://127.0.0.1:5000/acme/platform/api.git","web_url":"http://127.0.0.1:5000/acme/platform/api","readme_url":"http://127.0.0.1:5000/acme/platform/api/-/blob/main/README.md","avatar_url":null,"forks_count":0,"star_count":0,"last_activity_at":"2026-12-01T10:00:00.000Z","namespace":{"id":5000,"name":"platform","path":"platform","kind":"group","full_path":"acme/platform","parent_id":null,"avatar_url":null,"web_url":"http://127.0.0.1:5000/acme/platform"},"visibility":"private","archived":false,"empty_repo":false,"repository_access_level":"enabled","permissions":{"project_access":{"access_level":30,"notification_level":3},"group_access":{"access_level":40,"notification_level":3}}}""";

        var violations = DocumentedShape.Compare(DocumentedShape.Example("GitLab/get-single-project.json"), old, GitLabShapes.Project);

        violations.Should().Contain(["/_links: missing", "/merge_method: missing", "/container_expiration_policy: missing", "/description_html: missing", "/creator_id: missing"]);
        violations.Should().NotContain(v => v.StartsWith("/permissions", StringComparison.Ordinal) || v.StartsWith("/license:", StringComparison.Ordinal));
    }

    /// <summary>The fake Bitbucket Cloud's repository before this change: no links, uuid, owner, dates or mainbranch.</summary>
    [Fact]
    public void BitbucketCloudRepository_TheFakesOldBody_IsRejected()
    {
        const string old = """[{"type": "repository", "full_name": "acme/api", "name": "api", "slug": "api", "is_private": true, "scm": "git", "workspace": {"type": "workspace", "slug": "acme" }, "project": {"type": "project", "key": "PROJ" } }]""";

        DocumentedShape.Compare(BitbucketCloudDocumentedExampleTests.RepositoryExample(), old, BitbucketShapes.CloudRepositoryItems).Should().BeEquivalentTo(
            "/0/links: missing", "/0/uuid: missing", "/0/owner: missing", "/0/description: missing", "/0/created_on: missing", "/0/updated_on: missing",
            "/0/size: missing", "/0/language: missing", "/0/has_issues: missing", "/0/has_wiki: missing", "/0/fork_policy: missing", "/0/mainbranch: missing");
    }

    /// <summary>A Bitbucket Server token without its name: the documented token object rejects it.</summary>
    [Fact]
    public void BitbucketServerToken_WithoutName_IsRejected()
    {
        var example = DocumentedShape.Example("BitbucketServer/list-project-access-tokens.json").GetProperty("values");

        DocumentedShape.Compare(example, """[{"id":"123456789012","createdDate":1717000000000,"permissions":["REPO_READ"]}]""", BitbucketShapes.ServerAccessTokenItems)
            .Should().Equal("/0/name: missing");
    }
}
