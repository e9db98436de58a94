// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics;
using System.Net;

namespace GitTokenScopes.Testing.Tests.GitLab;

/// <summary>Relative URL roots, the pre-15.5 instance, throttling, server errors, delays (and the in-flight count), malformed bodies.</summary>
public sealed class FakeGitLabServerFailureModeTests
{
    [Fact]
    public async Task RelativeUrlRoot_ServesTheApiUnderIt()
    {
        using var gitlab = FakeGitLabServer.Start(new FakeGitLabServerOptions { RelativeUrlRoot = "/gitlab/" });
        var token = gitlab.AddToken(FakeGitLabToken.Personal("api"));

        using var response = await gitlab.GetAsync("user", token);
        using var atRoot = await gitlab.SendAsync("GET", "api/v4/user", [("PRIVATE-TOKEN", token.Value)], baseUrl: new Uri(gitlab.Url, "/"));

        gitlab.Url.AbsolutePath.Should().Be("/gitlab/");
        gitlab.ApiUrl.AbsolutePath.Should().Be("/gitlab/api/v4/");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        atRoot.StatusCode.Should().Be(HttpStatusCode.NotFound, "without the relative root the path is not the API");
        gitlab.Requests[0].Path.Should().Be("/user");
        gitlab.Requests[1].Path.Should().Be("/api/v4/user");
    }

    [Fact]
    public async Task OlderGitLab_SelfIs404_OtherEndpointsWork()
    {
        using var gitlab = FakeGitLabServer.Start(new FakeGitLabServerOptions { SupportsPersonalAccessTokensSelf = false });
        var token = gitlab.AddToken(FakeGitLabToken.Personal("api"));

        using var self = await gitlab.GetAsync("personal_access_tokens/self", token);
        using var user = await gitlab.GetAsync("user", token);

        self.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await self.BodyAsync()).Should().Be("""{"error":"404 Not Found"}""");
        user.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RateLimited_Is429RetryLaterWithHeaders()
    {
        using var gitlab = FakeGitLabServer.Start();
        var token = FakeGitLabToken.Personal("api");
        token.RateLimitRetryAfter = TimeSpan.FromMinutes(10);
        gitlab.AddToken(token);

        using var response = await gitlab.GetAsync("personal_access_tokens/self", token);

        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await response.BodyAsync()).Should().Be("Retry later\n");
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        response.Header("Retry-After").Should().Be("600");
        response.Header("RateLimit-Remaining").Should().Be("0");
        response.Header("RateLimit-Limit").Should().Be("2000");
        response.Header("RateLimit-ResetTime").Should().EndWith("GMT");
    }

    [Theory]
    [InlineData(500, "application/json")]
    [InlineData(502, "text/html")]
    [InlineData(503, "text/html")]
    public async Task ServerError_IsAnsweredAfterAuthentication(int status, string mediaType)
    {
        using var gitlab = FakeGitLabServer.Start();
        var token = FakeGitLabToken.Personal("api");
        token.ServerErrorStatus = status;
        gitlab.AddToken(token);

        using var response = await gitlab.GetAsync("user", token);
        using var unknown = await gitlab.GetAsync("user", FakeGitLabToken.Personal());

        ((int)response.StatusCode).Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be(mediaType);
        unknown.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task MalformedJson_CutsSuccessfulBodies()
    {
        using var gitlab = FakeGitLabServer.Start();
        var token = FakeGitLabToken.Personal("read_repository");
        token.MalformedJson = true;
        gitlab.AddToken(token);

        using var self = await gitlab.GetAsync("personal_access_tokens/self", token);
        using var user = await gitlab.GetAsync("user", token);

        self.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await self.BodyAsync();
        var parse = () => System.Text.Json.JsonDocument.Parse(body);
        parse.Should().Throw<System.Text.Json.JsonException>();
        (await user.JsonAsync()).GetProperty("error").GetString().Should().Be("insufficient_scope", "errors stay whole");
    }

    [Fact]
    public async Task Delay_HoldsTheAnswer_AndConcurrentRequestsAreCounted()
    {
        using var gitlab = FakeGitLabServer.Start();
        var token = FakeGitLabToken.Personal("api");
        token.Delay = TimeSpan.FromMilliseconds(400);
        gitlab.AddToken(token);

        var watch = Stopwatch.StartNew();
        var answers = await Task.WhenAll(gitlab.GetAsync("user", token), gitlab.GetAsync("personal_access_tokens/self", token), gitlab.GetAsync("user", token));
        watch.Stop();

        answers.Should().OnlyContain(a => a.StatusCode == HttpStatusCode.OK);
        watch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(350));
        gitlab.PeakConcurrentRequests.Should().Be(3);
        gitlab.ResetRequests();
        gitlab.PeakConcurrentRequests.Should().Be(0);
        gitlab.Requests.Should().BeEmpty();
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public void AddProject_BadPathOrVisibility_Throws()
    {
        using var gitlab = FakeGitLabServer.Start();

        var noNamespace = () => gitlab.AddProject(new FakeGitLabProject { PathWithNamespace = "app" });
        var badVisibility = () => gitlab.AddProject(new FakeGitLabProject { PathWithNamespace = "a/b", Visibility = "secret" });

        noNamespace.Should().Throw<ArgumentException>().WithMessage("*namespace/project*");
        badVisibility.Should().Throw<ArgumentException>().WithMessage("*private, internal or public*");
    }
}
