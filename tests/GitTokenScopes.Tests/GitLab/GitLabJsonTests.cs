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
        token.GranularScopes.Should().BeEmpty();
        token.Impersonation.Should().BeNull();
    }

    [Theory]
    [InlineData("""["project:repository:read","group:read"]""", new[] { "project:repository:read", "group:read" })]
    [InlineData("""[{"access":"read","resource":"repository"}]""", new[] { """{"access":"read","resource":"repository"}""" })]
    [InlineData("""{"boundary":"project"}""", new[] { """{"boundary":"project"}""" })]
    [InlineData("null", new string[0])]
    [InlineData("[]", new string[0])]
    public void Token_GranularScopes_AreKeptAsText(string granular, string[] expected)
    {
        var token = GitLabJson.Token($$"""{"scopes":[],"granular_scopes":{{granular}},"impersonation":true}""")!;

        token.GranularScopes.Should().Equal(expected);
        token.Impersonation.Should().BeTrue();
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

        project.Should().Be(("private", (int?)40, true));
    }

    [Fact]
    public void User_ReadsUsernameAndBot()
        => GitLabJson.User("""{"id":1,"username":"project_5_bot_ab","bot":true}""").Should().Be(("project_5_bot_ab", (bool?)true));
}
