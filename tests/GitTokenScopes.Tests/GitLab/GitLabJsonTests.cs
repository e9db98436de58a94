// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.GitLab.Internal;

namespace GitTokenScopes.Tests.GitLab;

/// <summary>Reading GitLab's bodies: expiry dates as midnight UTC, granular scopes in any shape, malformed bodies as null.</summary>
public sealed class GitLabJsonTests
{
    [Theory]
    [InlineData("2026-12-01", "2026-12-01T00:00:00+00:00")]
    [InlineData(" 2026-02-28 ", "2026-02-28T00:00:00+00:00")]
    [InlineData("2026-12-01T10:30:00Z", "2026-12-01T10:30:00+00:00")]
    [InlineData("2026-12-01T10:30:00+02:00", "2026-12-01T08:30:00+00:00")]
    public void Expiry_DateIsMidnightUtcOfThatDay(string value, string expected)
    {
        var (at, readable) = GitLabJson.Expiry(value);

        readable.Should().BeTrue();
        at.Should().Be(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        at!.Value.Offset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Expiry_NullNeverExpires_GarbageIsUnreadable()
    {
        GitLabJson.Expiry(null).Should().Be(((DateTimeOffset?)null, true));
        GitLabJson.Expiry("next tuesday").Should().Be(((DateTimeOffset?)null, false));
    }

    [Fact]
    public void Token_DocumentedExample_IsRead()
    {
        const string body = """{"id":4,"name":"Test Token","revoked":false,"created_at":"2020-07-23T14:31:47.729Z","scopes":["api"],"user_id":24,"last_used_at":"2021-10-06T17:58:37.550Z","active":true,"expires_at":null}""";

        var token = GitLabJson.Token(body)!;

        token.Should().BeEquivalentTo(new { Name = "Test Token", Scopes = new[] { "api" }, ExpiresAt = (DateTimeOffset?)null, ExpiryReadable = true, Revoked = (bool?)false, Active = (bool?)true, UserId = (long?)24 });
        token.FineGrained.Should().BeFalse();
        token.Grants.Should().BeNull();
        token.Impersonation.Should().BeNull();
    }

    // GitLab 18.10 to 19.4 (Entities::PersonalAccessToken): granular: true and scopes ["granular"], no granular_scopes.
    [Theory]
    [InlineData("""{"id":7,"name":"gitops","active":true,"revoked":false,"expired":false,"granular":true,"created_at":"2026-03-02T10:00:00.000Z","description":"","scopes":["granular"],"user_id":42,"last_used_at":null,"expires_at":"2027-03-01"}""")]
    [InlineData("""{"id":7,"name":"gitops","revoked":false,"scopes":["granular"],"user_id":42,"active":true,"expires_at":null}""")]
    public void Token_FineGrainedWithoutGranularScopes_IsFineGrainedWithUnknownGrant(string body)
    {
        var token = GitLabJson.Token(body)!;

        token.FineGrained.Should().BeTrue();
        token.Grants.Should().BeNull("GitLab before 19.5 does not list the grant");
    }

    // GitLab 19.5+: granular_scopes items are {access, permissions, project_id, group_id} (Entities::PersonalAccessTokenGranularScope).
    [Fact]
    public void Token_GranularScopes_AreReadAsGrants()
    {
        const string body = """{"id":7,"name":"gitops","active":true,"revoked":false,"expired":false,"granular":true,"scopes":["granular"],"user_id":42,"expires_at":"2027-03-01","last_used_ips":["10.0.0.1"],"granular_scopes":[{"access":"user","permissions":["read_user","read_personal_access_token"],"project_id":null,"group_id":null},{"access":"selected_memberships","permissions":["download_code","push_code"],"project_id":301,"group_id":null},"garbage"]}""";

        var token = GitLabJson.Token(body)!;

        token.FineGrained.Should().BeTrue();
        token.Grants.Should().BeEquivalentTo(new[]
        {
            new GitLabGrant("user", ["read_user", "read_personal_access_token"], null, null),
            new GitLabGrant("selected_memberships", ["download_code", "push_code"], 301, null),
        });
    }

    [Theory]
    [InlineData("""{"id":4,"scopes":["api"],"name":"cut""")]
    [InlineData("""{"id":4,"name":"no scopes"}""")]
    [InlineData("""["api"]""")]
    [InlineData("Retry later")]
    [InlineData("")]
    [InlineData(null)]
    public void Token_Malformed_IsNull(string? body) => GitLabJson.Token(body).Should().BeNull();

    [Fact]
    public void Project_HighestOfProjectAndGroupAccess()
    {
        var project = GitLabJson.Project("""{"id":1,"visibility":"private","permissions":{"project_access":{"access_level":20},"group_access":{"access_level":40}}}""");

        project.Should().NotBeNull();
        (project!.Id, project.Visibility, project.AccessLevel, project.Permissions is not null, project.Namespace).Should().Be(((long?)1, "private", (int?)40, true, (GitLabProject.Space?)null));
    }

    [Fact]
    public void User_ReadsUsernameAndBot()
        => GitLabJson.User("""{"id":1,"username":"project_5_bot_ab","bot":true}""").Should().Be(("project_5_bot_ab", (bool?)true));
}
