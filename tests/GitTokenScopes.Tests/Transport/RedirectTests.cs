// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.Tests.Transport;

/// <summary>Issue 15, item 1: a redirect is followed only for a GET to the same origin; no credential reaches another.</summary>
public sealed class RedirectTests
{
    [Theory]
    [MemberData(nameof(HostileProviders.All), MemberType = typeof(HostileProviders))]
    public async Task RedirectToAnotherPort_NeverSendsTheCredentialThere_AndIsAProviderError(GitProvider provider)
    {
        using var elsewhere = new HostileServer(HostileServer.Answer(200, "application/json", "{}"));
        var target = $"http://127.0.0.1:{elsewhere.Port}/steal/here?secret=1";
        using var api = new HostileServer(HostileServer.Answer(302, "application/json", "{}", $"Location: {target}"));
        using var providers = new HostileProviders();

        var inspection = await providers.InspectAsync(provider, api.Url);

        elsewhere.Requests.Should().BeEmpty("the same host on another port is another origin");
        inspection.Status.Should().Be(InspectionStatus.ProviderError);
        inspection.Message.Should().Contain($"http://127.0.0.1:{elsewhere.Port}").And.NotContain("/steal").And.NotContain("secret=1");
    }

    [Fact]
    public async Task GitHub_SameOriginRedirectOfAGet_IsFollowedWithTheToken()
    {
        // GitHub answers a renamed repository's old name with 301 to /repositories/{id} on the same API origin.
        HostileServer? api = null;
        api = new HostileServer((request, stream) => request.Path switch
        {
            "/user" => HostileServer.WriteAsync(stream, 200, "application/json; charset=utf-8", """{"login":"octocat","id":1,"type":"User"}""", "X-OAuth-Scopes: repo"),
            "/repos/acme/old" => HostileServer.WriteAsync(stream, 301, "application/json", """{"message":"Moved Permanently"}""", $"Location: http://127.0.0.1:{api!.Port}/repositories/42"),
            _ => HostileServer.WriteAsync(stream, 200, "application/json", """{"full_name":"acme/new","private":true,"permissions":{"pull":true,"push":true}}"""),
        });
        using (api)
        using (var providers = new HostileProviders())
        {
            var inspection = await providers.InspectAsync(GitProvider.GitHub, api.Url, new RepositoryRequest("acme/old"));

            inspection.Status.Should().Be(InspectionStatus.Ok);
            inspection.Repositories.Single().State.Should().Be(RepositoryAccessState.Granted);
            api.Requests.Single(r => r.Path == "/repositories/42").Header("Authorization").Should().Be("token " + HostileProviders.GitHubToken);
        }
    }

    [Theory]
    [InlineData("https://api.example.test/user", "http://api.example.test/user", "https→http on the same host sends the token in clear text")]
    [InlineData("https://api.example.test/user", "https://api.example.test:8443/user", "another port")]
    [InlineData("https://api.example.test/user", "https://evil.example.test/user", "another host")]
    public async Task Guard_RefusesARedirectToAnotherOrigin_AndNamesItsOriginOnly(string from, string to, string because)
    {
        var inner = new CountingHandler(_ => new HttpResponseMessage(HttpStatusCode.TemporaryRedirect) { Headers = { Location = new Uri(to + "?q=secret") } });
        using var client = new HttpClient(new RedirectGuard { InnerHandler = inner });
        using var request = new HttpRequestMessage(HttpMethod.Get, from);
        request.Headers.TryAddWithoutValidation("Authorization", "token ghp_x");

        var act = () => client.SendAsync(request);

        (await act.Should().ThrowAsync<RedirectGuard.RefusedException>(because)).Which.Message.Should().Contain(new Uri(to).GetLeftPart(UriPartial.Authority)).And.NotContain("/user").And.NotContain("secret");
        inner.Requests.Should().HaveCount(1);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public async Task Guard_NeverReSendsAWrite_EvenToTheSameOrigin(string method)
    {
        var inner = new CountingHandler(r => new HttpResponseMessage(HttpStatusCode.PermanentRedirect) { Headers = { Location = new Uri(r.RequestUri!, "/other") } });
        using var client = new HttpClient(new RedirectGuard { InnerHandler = inner });
        using var request = new HttpRequestMessage(new HttpMethod(method), "https://api.example.test/repos/o/r/contents/x") { Content = new StringContent("{}") };

        var act = () => client.SendAsync(request);

        await act.Should().ThrowAsync<RedirectGuard.RefusedException>();
        inner.Requests.Should().HaveCount(1, "a write probe is sent once, never re-sent to where a redirect points");
    }

    [Fact]
    public async Task GitHub_RedirectedWriteProbe_IsNotReSent_ThroughOctokitsAdapter()
    {
        // Octokit's adapter follows 307/308 itself and re-sends the body; the guard beneath it must stop that.
        var inner = new CountingHandler(r => new HttpResponseMessage(HttpStatusCode.TemporaryRedirect) { Headers = { Location = new Uri(r.RequestUri!, "/elsewhere") } });
        using var adapter = new Octokit.Internal.HttpClientAdapter(() => new RedirectGuard { InnerHandler = inner });
        using var request = new HttpRequestMessage(HttpMethod.Put, "https://api.example.test/repos/o/r/contents/x") { Content = new StringContent("{}") };

        var act = () => adapter.SendAsync(request, CancellationToken.None);

        await act.Should().ThrowAsync<RedirectGuard.RefusedException>();
        inner.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task Guard_FollowsASameOriginGet_AtMostFiveTimes()
    {
        var inner = new CountingHandler(r => new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = new Uri(r.RequestUri!, "/again") } });
        using var client = new HttpClient(new RedirectGuard { InnerHandler = inner });

        var act = () => client.GetAsync(new Uri("https://api.example.test/user"));

        (await act.Should().ThrowAsync<RedirectGuard.RefusedException>()).Which.Message.Should().Contain("more than 5 redirects");
        inner.Requests.Should().HaveCount(6);
    }

    private sealed class CountingHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(answer(request));
        }
    }
}
