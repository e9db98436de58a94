// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.GitLab.Internal;
using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.Tests.GitLab;

/// <summary>The status map, row by row: 429 first, 401 told apart by rack-oauth2's description, 403 insufficient_scope apart from other refusals.</summary>
public sealed class GitLabStatusMapTests
{
    private const string Unauthorized = """{"message":"401 Unauthorized"}""";
    private const string Expired = """{"error":"invalid_token","error_description":"Token is expired. You can either do re-authorization or token refresh."}""";
    private const string Revoked = """{"error":"invalid_token","error_description":"Token was revoked. You have to re-authorize from the user."}""";
    private const string Impersonation = """{"error":"invalid_token","error_description":"Token is an impersonation token but impersonation was disabled."}""";
    private const string InsufficientScope = """{"error":"insufficient_scope","error_description":"The request requires higher privileges than provided by the access token.","scope":"api read_user"}""";

    public static TheoryData<int, string[], string?, string> Rows() => new()
    {
        { 200, [], "{}", "Success" },
        { 201, [], "{}", "Success" },
        { 204, [], null, "Success" },
        { 401, [], Unauthorized, "Unauthorized" },
        { 401, [], null, "Unauthorized" },
        { 401, [], "<html>401</html>", "Unauthorized" },
        { 401, [], Expired, "Expired" },
        { 401, [], Revoked, "Revoked" },
        { 401, [], Impersonation, "ImpersonationDisabled" },
        { 401, [], """{"error":"invalid_token","error_description":"Token is malformed"}""", "Unauthorized" },
        { 403, [], InsufficientScope, "InsufficientScope" },
        { 403, [], """{"message":"403 Forbidden"}""", "Forbidden" },
        { 403, [], "<html>Forbidden</html>", "Forbidden" },
        { 429, ["Retry-After", "60", "RateLimit-Remaining", "0"], "Retry later\n", "RateLimited" },
        { 429, [], null, "RateLimited" },
        { 404, [], """{"error":"404 Not Found"}""", "NotFound" },
        { 404, [], """{"message":"404 Project Not Found"}""", "NotFound" },
        { 400, [], """{"error":"name, path are missing, at least one parameter must be provided"}""", "Rejected" },
        { 400, [], """{"message":"This endpoint requires token type to be a personal access token"}""", "WrongTokenType" },
        { 422, [], """{"message":{"name":["can't be blank"]}}""", "Rejected" },

        // Not a validation answer: GitLab sends no 409 to the body-less POST /projects probe, so a 409 must not read as the api scope.
        { 409, [], """{"message":"409 Conflict"}""", "Unexpected" },
        { 500, [], """{"message":"500 Internal Server Error"}""", "ServerError" },
        { 502, [], "<html>502 Bad Gateway</html>", "ServerError" },
        { 503, [], null, "ServerError" },
        { 302, [], null, "Unexpected" },
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

        GitLabStatusMap.Classify(new ProviderAnswer(status, map, body)).Should().Be(Enum.Parse<ProviderOutcome>(expected));
    }

    [Fact]
    public void Error_InsufficientScope_NamesTheAcceptedScopes()
    {
        var error = GitLabJson.Error(InsufficientScope);

        error!.Scopes.Should().Equal("api", "read_user");
        GitLabJson.Said(error).Should().Be("The request requires higher privileges than provided by the access token.");
    }

    [Fact]
    public void Error_ValidationObject_IsFlattened()
    {
        var error = GitLabJson.Error("""{"message":{"name":["can't be blank"],"path":["is invalid"]}}""");

        GitLabJson.Said(error).Should().Be("name: can't be blank; path: is invalid");
    }

    // rack-oauth2 renders scope space-separated (PROVIDERS.md §2.5, unconfirmed); a JSON list is read too, its strings only.
    [Fact]
    public void Error_ScopeAsAList_NamesTheAcceptedScopes()
        => GitLabJson.Error("""{"error":"insufficient_scope","error_description":"The request requires higher privileges than provided by the access token.","scope":["api","read_api",7]}""")!
            .Scopes.Should().Equal("api", "read_api");

    // Grape's error! renders {"error": …}, as on a route that does not exist.
    [Fact]
    public void Said_ErrorCodeOnly_IsTheCode()
        => GitLabJson.Said(GitLabJson.Error("""{"error":"404 Not Found"}""")).Should().Be("404 Not Found");

    // GitLab's validation errors are lists of strings; a number or a flag in the object is still kept.
    [Fact]
    public void Error_ValidationObjectWithNumbersAndFlags_KeepsThem()
        => GitLabJson.Said(GitLabJson.Error("""{"message":{"projects_limit":0,"limit_reached":true,"name":["can't be blank"]}}"""))
            .Should().Be("projects_limit: 0; limit_reached: true; name: can't be blank");
}
