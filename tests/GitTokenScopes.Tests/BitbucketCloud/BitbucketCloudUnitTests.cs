// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.BitbucketCloud.Internal;
using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.Tests.BitbucketCloud;

/// <summary>The status map row by row, the header and body parsers, the classifier and the address resolver, in isolation.</summary>
public sealed class BitbucketCloudUnitTests
{
    [Theory]
    [InlineData(200, "Success", "Ok")]
    [InlineData(204, "Success", "Ok")]
    [InlineData(401, "Unauthorized", "Invalid")]
    [InlineData(403, "Forbidden", "Forbidden")]
    [InlineData(404, "NotFound", "ProviderError")]
    [InlineData(400, "Rejected", "ProviderError")]
    [InlineData(409, "Rejected", "ProviderError")]
    [InlineData(422, "Rejected", "ProviderError")]
    [InlineData(429, "RateLimited", "RateLimited")]
    [InlineData(500, "ServerError", "ProviderError")]
    [InlineData(502, "ServerError", "ProviderError")]
    [InlineData(503, "ServerError", "ProviderError")]
    [InlineData(302, "Unexpected", "ProviderError")]
    [InlineData(418, "Unexpected", "ProviderError")]
    public void StatusMap_EveryRow(int status, string outcome, string inspectionStatus)
    {
        var classified = ProviderStatusMap.Classify(status);

        classified.Should().Be(Enum.Parse<ProviderOutcome>(outcome));
        ProviderStatusMap.StatusOf(classified).Should().Be(Enum.Parse<InspectionStatus>(inspectionStatus));
    }

    [Theory]
    [InlineData("repository:write, repository:admin", new[] { "repository:write", "repository:admin" })]
    [InlineData("repository:write,repository:admin", new[] { "repository:write", "repository:admin" })]
    [InlineData(" pullrequest , ,pullrequest:write ", new[] { "pullrequest", "pullrequest:write" })]
    [InlineData("", new string[0])]
    public void Scopes_SplitsOnCommasAndTrims(string header, string[] expected)
        => BitbucketCloudHeaders.Scopes(Answer(200, ("X-OAuth-Scopes", header)))!.Should().Equal(expected);

    [Fact]
    public void Scopes_AbsentHeader_IsNull()
        => BitbucketCloudHeaders.Scopes(Answer(200)).Should().BeNull();

    [Fact]
    public void Error_ForbiddenBody_ReadsMessageRequiredAndGranted()
    {
        var (message, required, granted) = BitbucketCloudJson.Error("""{"type": "error", "error": {"message": "Your credentials lack one or more required privilege scopes.", "detail": {"required": ["account"], "granted": ["team"]}}}""");

        message.Should().Be("Your credentials lack one or more required privilege scopes.");
        required.Should().Equal("account");
        granted.Should().Equal("team");
    }

    [Fact]
    public void Error_TextDetail_ReadsTheMessageOnly()
    {
        var (message, required, granted) = BitbucketCloudJson.Error("""{"type": "error", "error": {"message": "Resource not found", "detail": "There is no API hosted at this URL."}}""");

        message.Should().Be("Resource not found");
        required.Should().BeNull();
        granted.Should().BeNull();
    }

    [Theory]
    [InlineData("Login failed due to incorrect login credentials or method.\nFor information…", "Login failed due to incorrect login credentials or method.")]
    [InlineData("<html>oops</html>", null)]
    [InlineData("{not json", null)]
    [InlineData("", null)]
    public void Error_PlainTextOrGarbage_NeverThrows(string body, string? expected)
        => BitbucketCloudJson.Error(body).Message.Should().Be(expected);

    [Theory]
    [InlineData("""{"username": "bot", "type": "user"}""", "bot")]
    [InlineData("""{"nickname": "nick", "type": "user"}""", "nick")]
    [InlineData("""{"type": "user"}""", null)]
    [InlineData("""{"username": 42}""", null)]
    [InlineData("not json", null)]
    public void Account_ReadsTheUsernameOrNull(string body, string? expected)
        => (BitbucketCloudJson.Account(body)?.Login).Should().Be(expected);

    [Theory]
    [InlineData("repo_access_token", true, "", "BitbucketRepositoryAccessToken")]
    [InlineData("project_access_token", false, "", "BitbucketProjectAccessToken")]
    [InlineData("workspace_access_token", false, "", "BitbucketWorkspaceAccessToken")]
    [InlineData("api_token", true, "", "BitbucketApiToken")]
    [InlineData("app_password", true, "", "BitbucketAppPassword")]
    [InlineData("oauth2", false, "", "BitbucketOAuth")]
    [InlineData(null, true, "repository:write", "BitbucketAppPassword")]
    [InlineData(null, true, "read:repository:bitbucket", "BitbucketApiToken")]
    [InlineData(null, false, "repository", "BitbucketOAuth")]
    [InlineData("something_new", true, "webhook", "BitbucketAppPassword")]
    public void Classify_FromCredentialTypeThenSchemeAndScopes(string? credentialType, bool basic, string scopes, string expected)
    {
        var list = scopes.Split(',', StringSplitOptions.RemoveEmptyEntries);

        BitbucketCloudCredentialClassifier.Classify(credentialType, basic, list).Should().Be(Enum.Parse<TokenType>(expected));
    }

    [Theory]
    [InlineData("BitbucketApiToken", "repository:write", "AppPassword")]
    [InlineData("BitbucketApiToken", "", "ApiToken")]
    [InlineData("BitbucketAppPassword", "read:repository:bitbucket", "ApiToken")]
    [InlineData("BitbucketRepositoryAccessToken", "repository", "AppPassword")]
    public void FamilyOf_FollowsTheScopeNames(string type, string scopes, string expected)
        => BitbucketCloudCredentialClassifier.FamilyOf(Enum.Parse<TokenType>(type), scopes.Split(',', StringSplitOptions.RemoveEmptyEntries))
            .Should().Be(Enum.Parse<TokenFamily>(expected));

    [Theory]
    [InlineData(null, null, "https://api.bitbucket.org/2.0/")]
    [InlineData("https://bitbucket.org", null, "https://api.bitbucket.org/2.0/")]
    [InlineData("https://proxy.example.com/bb", null, "https://proxy.example.com/bb/2.0/")]
    [InlineData(null, "https://api.example.com/custom", "https://api.example.com/custom/")]
    public void ApiAddress_Resolves(string? server, string? api, string expected)
    {
        var credential = new GitCredential(GitProvider.BitbucketCloud, "x", server is null ? null : new Uri(server), api is null ? null : new Uri(api));

        BitbucketCloudApiAddress.Resolve(credential).Address.Should().Be(new Uri(expected));
    }

    [Fact]
    public void PermissionPath_IsTheWorkspaceScopedEndpointOfChange3022_QuotingTheFullName()
        => BitbucketCloudApiAddress.PermissionPath(new RepositoryRequest("ws/my-repo"))
            .Should().Be("user/workspaces/ws/permissions/repositories?q=repository.full_name%3D%22ws%2Fmy-repo%22");

    // Verbatim as Bitbucket answers GET /2.0/repositories, /workspaces, /user/permissions/… since CHANGE-2770 (410; lately 404).
    private const string Change2770 = """{"type": "error", "error": {"message": "CHANGE-2770 - Functionality has been deprecated", "detail": "Please read the changelog entry for more details.", "data": {"announcement_url": "https://developer.atlassian.com/cloud/bitbucket/changelog#CHANGE-2770"}}, "data": {"announcement_url": "https://developer.atlassian.com/cloud/bitbucket/changelog#CHANGE-2770"}}""";

    [Theory]
    [InlineData(410, Change2770, "410: CHANGE-2770 - Functionality has been deprecated, https://developer.atlassian.com/cloud/bitbucket/changelog#CHANGE-2770")]
    [InlineData(404, Change2770, "404: CHANGE-2770 - Functionality has been deprecated, https://developer.atlassian.com/cloud/bitbucket/changelog#CHANGE-2770")]
    [InlineData(404, """{"type": "error", "error": {"message": "This API has been deprecated."}}""", "404: This API has been deprecated.")]
    [InlineData(410, "", "410: Gone")]
    [InlineData(404, """{"type": "error", "error": {"message": "You may not have access to this repository or it no longer exists in this workspace."}}""", null)]
    [InlineData(404, """{"type": "error", "error": {"message": "Resource not found", "detail": "There is no API hosted at this URL."}}""", null)]
    [InlineData(403, Change2770, null)]
    public void Removal_IsAny410OrA404NamingADeprecation(int status, string body, string? expected)
        => BitbucketCloudJson.Removal(new ProviderAnswer(status, [], body)).Should().Be(expected);

    private static ProviderAnswer Answer(int status, params (string Name, string Value)[] headers)
        => new(status, headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase), null);

    [Theory]
    [InlineData("user", null)]
    [InlineData("app_user", true)]
    public void Account_IsABotOnlyWhenBitbucketSaysSo(string type, bool? isBot)
    {
        var account = BitbucketCloudJson.Account($$"""{"type":"{{type}}","username":"acme-bot","display_name":"Acme bot","uuid":"{1}"}""");

        account.Should().Be(new AccountInfo("acme-bot", type, isBot), "an ordinary account may be a dedicated service user, so \"user\" proves nothing");
    }
}
