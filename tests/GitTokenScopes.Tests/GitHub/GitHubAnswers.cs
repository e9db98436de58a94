// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using System.Text;

namespace GitTokenScopes.Tests.GitHub;

/// <summary>GitHub's answers as it sends them, for <see cref="AnswerOverride"/>.</summary>
internal static class GitHubAnswers
{
    /// <summary>GitHub's 404 for a repository the token cannot see.</summary>
    public static HttpResponseMessage NotFound() => AnswerOverride.Json(HttpStatusCode.NotFound, """{"message":"Not Found","status":"404"}""");

    /// <summary>GitHub's secondary rate limit.</summary>
    public static HttpResponseMessage RateLimited()
        => AnswerOverride.Json(
            HttpStatusCode.Forbidden,
            """{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again."}""",
            ("Retry-After", "60"));

    /// <summary>GitHub's 502 page from its front end: HTML, not the API's JSON.</summary>
    public static HttpResponseMessage BadGateway()
        => new(HttpStatusCode.BadGateway)
        {
            Content = new StringContent("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n", Encoding.UTF8, "text/html"),
        };
}
