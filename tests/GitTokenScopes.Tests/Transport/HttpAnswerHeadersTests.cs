// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using GitTokenScopes.GitLab.Internal;
using GitTokenScopes.Internal;

namespace GitTokenScopes.Tests.Transport;

/// <summary>The answers' headers read from the response when asked for: what the copied dictionary used to give.</summary>
public sealed class HttpAnswerHeadersTests
{
    [Fact]
    public void Lookups_IgnoreCase_AndFindContentHeaders()
    {
        using var response = Response();
        var headers = new HttpAnswerHeaders(response.Headers, response.Content.Headers, ", ");

        headers.TryGetValue("x-oauth-scopes", out var scopes).Should().BeTrue();
        scopes.Should().Be("repo, read:org");
        headers["X-AUSERNAME"].Should().Be("jdoe");
        headers["content-type"].Should().Be("application/json; charset=utf-8");
        headers.ContainsKey("Retry-After").Should().BeTrue();
        headers["retry-after"].Should().Be("120");
    }

    [Fact]
    public void RepeatedHeaders_AreJoinedWithTheSeparator()
    {
        using var response = Response();
        response.Headers.TryAddWithoutValidation("X-Repeated", "a");
        response.Headers.TryAddWithoutValidation("X-Repeated", "b");

        new HttpAnswerHeaders(response.Headers, response.Content.Headers, ",")["x-repeated"].Should().Be("a,b");
        new HttpAnswerHeaders(response.Headers, response.Content.Headers, ", ")["x-repeated"].Should().Be("a, b");
        new HttpAnswerHeaders(response.Headers, response.Content.Headers, separator: null)["x-repeated"].Should().Be("a", "GitHub's answers keep the first value, as Octokit's did");
    }

    [Fact]
    public void AbsentHeaders_AreAbsent_AndEmptyValuesEmpty()
    {
        using var response = Response();
        response.Headers.TryAddWithoutValidation("X-Accepted-OAuth-Scopes", string.Empty);
        var headers = new HttpAnswerHeaders(response.Headers, response.Content.Headers, ", ");

        headers.TryGetValue("RateLimit-Name", out _).Should().BeFalse();
        headers.ContainsKey("not a header name").Should().BeFalse();
        headers["x-accepted-oauth-scopes"].Should().BeEmpty();
        var act = () => headers["RateLimit-Name"];
        act.Should().Throw<KeyNotFoundException>();
    }

    [Fact]
    public void Enumeration_ListsResponseAndContentHeaders()
    {
        using var response = Response();
        var headers = new HttpAnswerHeaders(response.Headers, response.Content.Headers, ", ");

        headers.Keys.Should().Contain(["X-OAuth-Scopes", "X-AUSERNAME", "Retry-After", "Content-Type"]);
        headers.Count.Should().Be(headers.Count());
    }

    [Fact]
    public void GitLabAnswer_ReadsHeadersIgnoringCase()
    {
        using var response = Response();
        response.Headers.TryAddWithoutValidation("RateLimit-Remaining", "0");
        var answer = new GitLabAnswer(429, new HttpAnswerHeaders(response.Headers, response.Content.Headers, ","), "{}");

        answer.Header("ratelimit-remaining").Should().Be("0");
        answer.Header("RateLimit-Reset").Should().BeNull();
    }

    private static HttpResponseMessage Response()
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        response.Headers.TryAddWithoutValidation("X-OAuth-Scopes", "repo, read:org");
        response.Headers.TryAddWithoutValidation("X-AUSERNAME", "jdoe");
        response.Headers.TryAddWithoutValidation("Retry-After", "120");
        return response;
    }
}
