// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.GitHub.Internal;
using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.Tests.GitHub;

/// <summary>The status map, row by row. Rate limits are recognized before "forbidden".</summary>
public sealed class GitHubStatusMapTests
{
    private const string PrimaryBody = """{"message":"API rate limit exceeded for user ID 1.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api","status":"403"}""";
    private const string SecondaryBody = """{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest","status":"403"}""";
    private const string NotAccessible = """{"message":"Resource not accessible by personal access token","documentation_url":"https://docs.github.com/rest","status":"403"}""";

    public static TheoryData<int, string[], string?, string> Rows() => new()
    {
        { 200, [], "{}", "Success" },
        { 201, [], "{}", "Success" },
        { 204, [], null, "Success" },
        { 401, [], """{"message":"Bad credentials"}""", "Unauthorized" },
        { 403, ["x-ratelimit-remaining", "0"], PrimaryBody, "RateLimited" },
        { 429, ["x-ratelimit-remaining", "0"], PrimaryBody, "RateLimited" },
        { 403, ["x-ratelimit-remaining", "4990"], SecondaryBody, "RateLimited" },
        { 429, [], SecondaryBody, "RateLimited" },
        { 403, ["retry-after", "30"], "{}", "RateLimited" },
        { 429, [], null, "RateLimited" },
        { 403, ["x-ratelimit-remaining", "0", "X-GitHub-SSO", "required; url=https://github.com/orgs/a/sso"], PrimaryBody, "RateLimited" },
        { 403, ["X-GitHub-SSO", "required; url=https://github.com/orgs/a/sso"], """{"message":"Resource protected by organization SAML enforcement."}""", "SsoRequired" },
        { 403, ["x-ratelimit-remaining", "4999", "X-Accepted-GitHub-Permissions", "contents=write"], NotAccessible, "Forbidden" },
        { 403, [], "<html>Forbidden</html>", "Forbidden" },
        { 404, [], """{"message":"Not Found"}""", "NotFound" },
        { 400, [], """{"message":"Problems parsing JSON"}""", "Rejected" },
        { 409, [], """{"message":"Git Repository is empty."}""", "Rejected" },
        { 422, [], """{"message":"Validation Failed"}""", "Rejected" },
        { 500, [], """{"message":"Server Error"}""", "ServerError" },
        { 502, [], "<html>502 Bad Gateway</html>", "ServerError" },
        { 503, [], null, "ServerError" },
        { 301, [], null, "Unexpected" },
        { 418, [], null, "Unexpected" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Classify_Row(int status, string[] headers, string? body, string expected)
    {
        var map = new Dictionary<string, string>();
        for (var i = 0; i < headers.Length; i += 2)
        {
            map[headers[i]] = headers[i + 1];
        }

        GitHubStatusMap.Classify(new ProviderAnswer(status, map, body)).Should().Be(Enum.Parse<ProviderOutcome>(expected));
    }
}
