// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using System.Net.Sockets;
using GitTokenScopes.Testing;

namespace GitTokenScopes.Tests.GitHub;

/// <summary>Rate limits, outages and time-outs are indeterminate states, never missing scopes.</summary>
public sealed class GitHubFailureInspectionTests(GitHubInspectorFixture github) : IClassFixture<GitHubInspectorFixture>
{
    [Theory]
    [InlineData(403)]
    [InlineData(429)]
    public async Task InspectAsync_PrimaryRateLimit_IsRateLimitedWithTheResetTime(int status)
    {
        var resetAt = new DateTimeOffset(2026, 11, 25, 23, 0, 0, TimeSpan.Zero);
        var token = FakeGitHubToken.Classic("repo");
        token.RateLimit = new FakeGitHubRateLimit { StatusCode = status, ResetAt = resetAt };

        var inspection = await github.InspectAsync(token);

        inspection.Status.Should().Be(InspectionStatus.RateLimited);
        inspection.Granted.Should().BeNull("a rate-limited answer proves nothing about scopes");
        inspection.RateLimit!.Remaining.Should().Be(0);
        inspection.RateLimit.ResetAt.Should().Be(resetAt);
        inspection.Message.Should().Contain("2026-11-25 23:00:00");
    }

    [Theory]
    [InlineData(403, null)]
    [InlineData(403, 30)]
    [InlineData(429, 45)]
    [InlineData(429, null)]
    public async Task InspectAsync_SecondaryRateLimit_IsRateLimited(int status, int? retryAfter)
    {
        var token = FakeGitHubToken.Classic("repo");
        token.RateLimit = new FakeGitHubRateLimit { StatusCode = status, Secondary = true, RetryAfterSeconds = retryAfter, ResetAt = DateTimeOffset.UtcNow.AddMinutes(30) };

        var inspection = await github.InspectAsync(token);

        inspection.Status.Should().Be(InspectionStatus.RateLimited);
        inspection.RateLimit!.RetryAfter.Should().Be(retryAfter is null ? null : TimeSpan.FromSeconds(retryAfter.Value));
        inspection.RateLimit.Remaining.Should().NotBe(0);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task InspectAsync_ServerError_IsProviderError(int status)
    {
        var token = FakeGitHubToken.Classic("repo");
        token.ServerErrorStatus = status;

        var inspection = await github.InspectAsync(token);

        inspection.Status.Should().Be(InspectionStatus.ProviderError);
        inspection.Message.Should().Contain(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        inspection.Granted.Should().BeNull();
    }

    [Fact]
    public async Task InspectAsync_RepositoryRateLimited_FailsTheInspectionAndLeavesTheRepositoryUnknown()
    {
        using var limited = GitHubInspectorFixture.WithOverrides((AnswerOverride.Key("GET", "/repos/acme/config"), GitHubAnswers.RateLimited));

        var inspection = await limited.InspectAsync(FakeGitHubToken.Classic("repo", "admin:repo_hook"), [new("acme/config")]);

        inspection.Status.Should().Be(InspectionStatus.RateLimited, "a rate limit is a fact about the token, whichever request met it");
        inspection.RateLimit!.RetryAfter.Should().Be(TimeSpan.FromSeconds(60));
        inspection.Message.Should().Contain("retry after 60 s");
        inspection.Repositories.Single().Should().Match<RepositoryAccessResult>(r =>
            r.State == RepositoryAccessState.Unknown && r.Message == "Not checked: GitHub's rate limit was reached.");
    }

    [Fact]
    public async Task InspectAsync_RepositoryAnsweredWithAServerError_OnlyThatRepositoryIsUnknown()
    {
        using var failing = GitHubInspectorFixture.WithOverrides((AnswerOverride.Key("GET", "/repos/acme/config"), GitHubAnswers.BadGateway));

        var inspection = await failing.InspectAsync(FakeGitHubToken.Classic("repo", "admin:repo_hook"), [new("acme/config")]);

        inspection.Status.Should().Be(InspectionStatus.Ok, "the scopes came from GET /user; one repository's outage says nothing about them");
        inspection.Granted!.Scopes.Should().Equal("repo", "admin:repo_hook");
        inspection.Repositories.Single().Should().Match<RepositoryAccessResult>(r => r.State == RepositoryAccessState.Unknown && r.Message == "GitHub answered 502.");
        inspection.RequestCount.Should().Be(2);
    }

    [Fact]
    public async Task InspectAsync_RepositoryAnsweredWithJsonThatIsNoRepository_IsUnknown()
    {
        // GitHub does not send this; a proxy in front of it might, and the inspector must not read it as a verdict.
        using var proxied = GitHubInspectorFixture.WithOverrides((AnswerOverride.Key("GET", "/repos/acme/config"), () => AnswerOverride.Json(HttpStatusCode.OK, """{"status":"ok"}""")));

        var inspection = await proxied.InspectAsync(FakeGitHubToken.Classic("repo", "admin:repo_hook"), [new("acme/config")]);

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.Repositories.Single().Should().Match<RepositoryAccessResult>(r =>
            r.State == RepositoryAccessState.Unknown && r.CanWrite == null && r.Message == "GitHub's answer could not be read.");
    }

    [Fact]
    public async Task InspectAsync_InstallationListingThatIsNoListing_IsProviderError()
    {
        // GitHub always sends "repositories" on GET /installation/repositories; JSON without it is not GitHub's answer.
        using var proxied = GitHubInspectorFixture.WithOverrides((AnswerOverride.Key("GET", "/installation/repositories"), () => AnswerOverride.Json(
            HttpStatusCode.OK, """{"message":"Moved","documentation_url":"https://docs.github.com/rest"}""")));
        var token = FakeGitHubToken.AppInstallation();

        var inspection = await proxied.InspectAsync(token, requirements: [GitHubInspectorFixture.Requirement(TokenKind.Runtime, TokenFamily.FineGrained)]);

        inspection.Status.Should().Be(InspectionStatus.ProviderError);
        inspection.Message.Should().Be("GitHub's answer to GET /installation/repositories could not be read.");
        inspection.Granted.Should().BeNull();
    }

    [Fact]
    public async Task InspectAsync_SlowerThanTheTimeout_IsUnreachable()
    {
        using var slow = new GitHubInspectorFixture(new FakeGitHubServerOptions(), o => o.RequestTimeout = TimeSpan.FromMilliseconds(200));
        var token = FakeGitHubToken.Classic("repo");
        token.Delay = TimeSpan.FromSeconds(2);

        var inspection = await slow.InspectAsync(token);

        inspection.Status.Should().Be(InspectionStatus.Unreachable);
        inspection.Message.Should().Contain("did not answer");
    }

    [Fact]
    public async Task InspectAsync_NothingListening_IsUnreachable()
    {
        var credential = new GitCredential(GitProvider.GitHub, "ghp_16C7e42F292c6912E7710c838347Ae178B4a", apiUrl: new Uri($"http://127.0.0.1:{FreePort()}/"));

        var inspection = await github.Inspector.InspectAsync(new TokenInspectionRequest(credential));

        inspection.Status.Should().Be(InspectionStatus.Unreachable);
        inspection.RequestCount.Should().Be(1);
    }

    [Fact]
    public async Task InspectAsync_CallerCancels_Throws()
    {
        var token = FakeGitHubToken.Classic("repo");
        token.Delay = TimeSpan.FromSeconds(5);
        github.Server.AddToken(token);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var act = () => github.Inspector.InspectAsync(new TokenInspectionRequest(github.Credential(token)), cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
