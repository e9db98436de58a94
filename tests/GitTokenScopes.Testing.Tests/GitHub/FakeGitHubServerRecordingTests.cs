// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace GitTokenScopes.Testing.Tests.GitHub;

public sealed class FakeGitHubServerRecordingTests : IDisposable
{
    private readonly FakeGitHubServer _server = FakeGitHubServer.Start();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Requests_EveryAnswer_IsRecordedWithItsFields()
    {
        var token = _server.AddToken(FakeGitHubToken.Classic("repo"));
        var stranger = FakeGitHubToken.Classic("repo");

        using (await _server.GetAsync("user?per_page=1", token))
        using (await _server.GetAsync("user", stranger))
        using (await _server.GetAsync("user"))
        using (await _server.SendAsync("PUT", "repos/octo/app/contents/dir/a b.txt", token, "{}"))
        using (await _server.SendAsync("HEAD", "user", token))
        {
        }

        _server.Requests.Should().Equal(
            new FakeGitHubRequest("GET", "/user", "?per_page=1", 200, true, token.Fingerprint),
            new FakeGitHubRequest("GET", "/user", "", 401, true, stranger.Fingerprint),
            new FakeGitHubRequest("GET", "/user", "", 401, false, null),
            new FakeGitHubRequest("PUT", "/repos/octo/app/contents/dir/a b.txt", "", 404, true, token.Fingerprint),
            new FakeGitHubRequest("HEAD", "/user", "", 200, true, token.Fingerprint));
    }

    [Fact]
    public async Task Requests_NeverContainTheToken()
    {
        var token = _server.AddToken(FakeGitHubToken.FineGrained());

        using (await _server.GetAsync("user", token))
        using (await _server.SendAsync("GET", "user", $"Bearer {token.Value}"))
        {
        }

        _server.Requests.Should().HaveCount(2);
        foreach (var request in _server.Requests)
        {
            request.ToString().Should().NotContain(token.Value);
            new[] { request.Method, request.Path, request.Query, request.TokenFingerprint }.Should().NotContain(v => v != null && v.Contains(token.Value, StringComparison.Ordinal));
            request.TokenFingerprint.Should().Be(token.Fingerprint);
        }
    }

    [Fact]
    public void Fingerprint_IsSha256PrefixOfTheUtf8Token()
    {
        var token = FakeGitHubToken.Classic();
        var expected = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Value)))[..12];

        token.Fingerprint.Should().Be(expected).And.MatchRegex("^sha256:[0-9a-f]{12}$");
    }

    [Fact]
    public void ToString_ShowsKindAndFingerprintButNeverTheValue()
    {
        var token = FakeGitHubToken.OAuth("repo");

        token.ToString().Should().Be($"FakeGitHubToken OAuth {token.Fingerprint}").And.NotContain(token.Value);
    }

    [Fact]
    public async Task ResetRequests_ForgetsEverythingSoFar()
    {
        var token = _server.AddToken(FakeGitHubToken.Classic());
        using (await _server.GetAsync("user", token))
        {
        }

        _server.ResetRequests();
        using (await _server.GetAsync("rate_limit", token))
        {
        }

        _server.Requests.Should().ContainSingle().Which.Path.Should().Be("/rate_limit");
    }

    [Fact]
    public async Task Requests_ConcurrentRequests_AreAllRecorded()
    {
        var tokens = Enumerable.Range(0, 4).Select(_ => _server.AddToken(FakeGitHubToken.Classic("repo"))).ToArray();

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => _server.GetAsync($"user?i={i}", tokens[i % tokens.Length])));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        _server.Requests.Should().HaveCount(40);
        _server.Requests.Select(r => r.Query).Should().OnlyHaveUniqueItems();
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Requests_DelayedAnswer_KeepsItsArrivalPlace()
    {
        // Waits on what the server saw, not on the clock: a loaded CI machine may take longer than any fixed pause.
        var slow = FakeGitHubToken.Classic();
        slow.Delay = TimeSpan.FromSeconds(5);
        _server.AddToken(slow);
        var fast = _server.AddToken(FakeGitHubToken.Classic());

        var slowCall = _server.GetAsync("user?slow", slow);
        for (var waited = 0; _server.PeakConcurrentRequests == 0 && waited < 10_000; waited += 10)
        {
            await Task.Delay(10);
        }

        _server.PeakConcurrentRequests.Should().Be(1, "the slow request has arrived and is being answered");
        using (await _server.GetAsync("user?fast", fast))
        {
        }

        _server.Requests.Should().ContainSingle("the slow answer is still on its way");
        using (await slowCall)
        {
        }

        _server.Requests.Select(r => r.Query).Should().Equal("?slow", "?fast");
    }

    [Fact]
    public async Task PeakConcurrentRequests_DelayedAnswers_AreCountedAndResetRestartsIt()
    {
        var token = FakeGitHubToken.Classic("repo");
        token.Delay = TimeSpan.FromMilliseconds(400);
        _server.AddToken(token);

        var responses = await Task.WhenAll(_server.GetAsync("user?a", token), _server.GetAsync("user?b", token), _server.GetAsync("user?c", token));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        _server.PeakConcurrentRequests.Should().Be(3);
        _server.ResetRequests();
        _server.PeakConcurrentRequests.Should().Be(0);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
