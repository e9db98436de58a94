// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.GitHub.Internal;
using Microsoft.Extensions.Time.Testing;
using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.Tests.GitHub;

public sealed class GitHubHeadersTests
{
    [Theory]
    [InlineData("repo, admin:repo_hook", new[] { "repo", "admin:repo_hook" })]
    [InlineData("repo,admin:repo_hook", new[] { "repo", "admin:repo_hook" })]
    [InlineData("  repo ,  gist  ", new[] { "repo", "gist" })]
    [InlineData("repo, , gist,", new[] { "repo", "gist" })]
    [InlineData("", new string[0])]
    public void Scopes_SplitOnCommasAndTrim(string header, string[] expected)
        => GitHubHeaders.Scopes(Answer(("X-OAuth-Scopes", header)))!.Should().Equal(expected);

    [Fact]
    public void Scopes_HeaderNameCase_IsIgnored()
        => GitHubHeaders.Scopes(Answer(("x-oauth-scopes", "repo")))!.Should().Equal("repo");

    [Fact]
    public void Scopes_Absent_IsNull()
        => GitHubHeaders.Scopes(Answer()).Should().BeNull();

    [Theory]
    [InlineData("2026-12-01 10:00:00 UTC", "2026-12-01T10:00:00+00:00")]
    [InlineData("2026-12-01 03:00:00 -0700", "2026-12-01T03:00:00-07:00")]
    [InlineData("2026-12-01 03:00:00 -07:00", "2026-12-01T03:00:00-07:00")]
    [InlineData("2026-12-01 15:30:00 +0530", "2026-12-01T15:30:00+05:30")]
    public void Expiration_BothLayouts(string header, string expected)
        => GitHubHeaders.Expiration(Answer(("github-authentication-token-expiration", header))).Should().Be(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("")]
    [InlineData("tomorrow")]
    [InlineData("2026-13-01 10:00:00 UTC")]
    public void Expiration_Unreadable_IsNull(string header)
        => GitHubHeaders.Expiration(Answer(("github-authentication-token-expiration", header))).Should().BeNull();

    [Fact]
    public void RateLimit_ReadsEveryHeader()
    {
        var rateLimit = GitHubHeaders.RateLimit(
            Answer(("x-ratelimit-limit", "5000"), ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "1798761600"), ("x-ratelimit-resource", "core"), ("retry-after", "60")),
            TimeProvider.System);

        rateLimit.Should().Be(new RateLimitInfo(5000, 0, DateTimeOffset.FromUnixTimeSeconds(1798761600), TimeSpan.FromSeconds(60), "core"));
    }

    [Fact]
    public void RateLimit_RetryAfterAsDate_IsRelativeToTheClock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

        var rateLimit = GitHubHeaders.RateLimit(Answer(("Retry-After", "Wed, 25 Nov 2026 12:02:00 GMT")), time);

        rateLimit!.RetryAfter.Should().Be(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public void RateLimit_NoHeaders_IsNull()
        => GitHubHeaders.RateLimit(Answer(("X-GitHub-Enterprise-Version", "3.14.0")), TimeProvider.System).Should().BeNull();

    [Fact]
    public void SsoRequirement_ReadsTheAuthorizationUrl()
    {
        var (required, url) = GitHubHeaders.SsoRequirement(Answer(("X-GitHub-SSO", "required; url=https://github.com/orgs/acme/sso?authorization_request=A1B2")));

        required.Should().BeTrue();
        url.Should().Be(new Uri("https://github.com/orgs/acme/sso?authorization_request=A1B2"));
    }

    [Theory]
    [InlineData("partial-results; organizations=21955855,20582480")]
    [InlineData(null)]
    public void SsoRequirement_OtherValues_AreNotRequired(string? header)
        => GitHubHeaders.SsoRequirement(header is null ? Answer() : Answer(("X-GitHub-SSO", header))).Required.Should().BeFalse();

    [Fact]
    public void AcceptedPermissions_AlternativeSets()
    {
        var sets = GitHubHeaders.AcceptedPermissions(Answer(("X-Accepted-GitHub-Permissions", "pull_requests=read,contents=read; issues=read,Contents=Read")));

        sets.Should().HaveCount(2);
        sets[0].Should().Equal("pull_requests=read", "contents=read");
        sets[1].Should().Equal("issues=read", "contents=read");
    }

    internal static ProviderAnswer Answer(params (string Name, string Value)[] headers)
        => new(200, headers.ToDictionary(h => h.Name, h => h.Value), null);
}
