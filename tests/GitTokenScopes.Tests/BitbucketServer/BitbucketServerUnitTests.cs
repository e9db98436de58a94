// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text;
using GitTokenScopes.BitbucketServer.Internal;
using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.Tests.BitbucketServer;

/// <summary>The status map row by row, the token-id reader, the address resolver, the error-body parser and the probe table, in isolation.</summary>
public sealed class BitbucketServerUnitTests
{
    [Theory]
    [InlineData(200, "Success", "Ok")]
    [InlineData(201, "Success", "Ok")]
    [InlineData(401, "Unauthorized", "Invalid")]
    [InlineData(403, "Forbidden", "Forbidden")]
    [InlineData(404, "NotFound", "ProviderError")]
    [InlineData(400, "Rejected", "ProviderError")]
    [InlineData(409, "Rejected", "ProviderError")]
    [InlineData(422, "Rejected", "ProviderError")]
    [InlineData(429, "RateLimited", "RateLimited")]
    [InlineData(500, "ServerError", "ProviderError")]
    [InlineData(503, "ServerError", "ProviderError")]
    [InlineData(302, "Unexpected", "ProviderError")]
    public void StatusMap_EveryRow(int status, string outcome, string inspectionStatus)
    {
        var classified = ProviderStatusMap.Classify(status);

        classified.Should().Be(Enum.Parse<ProviderOutcome>(outcome));
        ProviderStatusMap.StatusOf(classified).Should().Be(Enum.Parse<InspectionStatus>(inspectionStatus));
    }

    [Fact]
    public void TokenId_BbdcToken_IsRecovered()
    {
        var token = "BBDC-" + Convert.ToBase64String(Encoding.ASCII.GetBytes("139493427183:s3cr3tValue+/x")).TrimEnd('=');

        BitbucketServerTokenInspector.TokenIdOf(token).Should().Be("139493427183");
    }

    [Fact]
    public void TokenId_LegacyTokenWithoutPrefix_IsRecovered()
        => BitbucketServerTokenInspector.TokenIdOf(Convert.ToBase64String(Encoding.ASCII.GetBytes("075905477751:abcdefABCDEF0123456789"))).Should().Be("075905477751");

    [Theory]
    [InlineData("BBDC-not base64!")]
    [InlineData("BBDC-")]
    [InlineData("plain-token-value")]
    [InlineData("BBDC-bm9pZDpzZWNyZXQ")] // "noid:secret"
    public void TokenId_OtherShapes_AreNull(string token)
        => BitbucketServerTokenInspector.TokenIdOf(token).Should().BeNull();

    [Theory]
    [InlineData("https://bitbucket.org", null)]
    [InlineData("https://BitBucket.org/", null)]
    [InlineData(null, "https://api.bitbucket.org/2.0")]
    public void ApiAddress_BitbucketOrg_IsCloud(string? server, string? api)
    {
        var (apiUrl, error) = BitbucketServerApiAddress.Resolve(new GitCredential(GitProvider.BitbucketServer, "x", server is null ? null : new Uri(server), api is null ? null : new Uri(api)));

        apiUrl.Should().BeNull();
        error.Should().Be("bitbucket.org is Bitbucket Cloud, not Bitbucket Server or Data Center.");
    }

    [Theory]
    [InlineData("https://bb.example.com", null, "https://bb.example.com/rest/api/1.0/", "https://bb.example.com/rest/access-tokens/1.0/")]
    [InlineData("https://bb.example.com/bitbucket/", null, "https://bb.example.com/bitbucket/rest/api/1.0/", "https://bb.example.com/bitbucket/rest/access-tokens/1.0/")]
    [InlineData("https://bb.example.com/vcs/rest/api/1.0", null, "https://bb.example.com/vcs/rest/api/1.0/", "https://bb.example.com/vcs/rest/access-tokens/1.0/")]
    [InlineData(null, "https://bb.example.com/stash/rest/api/latest", "https://bb.example.com/stash/rest/api/latest/", "https://bb.example.com/stash/rest/access-tokens/1.0/")]
    [InlineData(null, "https://gateway.example.com/bitbucket-api", "https://gateway.example.com/bitbucket-api/", null)]
    [InlineData("http://localhost:7990/bitbucket", null, "http://localhost:7990/bitbucket/rest/api/1.0/", "http://localhost:7990/bitbucket/rest/access-tokens/1.0/")]
    [InlineData("https://notbitbucket.org", null, "https://notbitbucket.org/rest/api/1.0/", "https://notbitbucket.org/rest/access-tokens/1.0/")]
    public void ApiAddress_Resolves(string? server, string? api, string expectedApi, string? expectedAccessTokens)
    {
        var (apiUrl, error) = BitbucketServerApiAddress.Resolve(new GitCredential(GitProvider.BitbucketServer, "x", server is null ? null : new Uri(server), api is null ? null : new Uri(api)));

        error.Should().BeNull();
        apiUrl.Should().Be(new Uri(expectedApi));
        BitbucketServerApiAddress.AccessTokens(apiUrl!).Should().Be(expectedAccessTokens is null ? null : new Uri(expectedAccessTokens));
    }

    [Theory]
    [InlineData("""{"errors":[{"context":null,"message":"Authentication failed.","exceptionName":"x"}]}""", "Authentication failed.")]
    [InlineData("""{"errors":[{"context":"name","message":"A branch name is required.","exceptionName":null}]}""", "A branch name is required.")]
    [InlineData("""{"errors":[]}""", null)]
    [InlineData("""{"errors":"nope"}""", null)]
    [InlineData("<html>502</html>", null)]
    [InlineData("", null)]
    public void ErrorMessage_ReadsTheFirstMessageOrNull(string body, string? expected)
        => BitbucketServerJson.ErrorMessage(body).Should().Be(expected);

    [Theory]
    [InlineData("""{"id":"1","permissions":["REPO_ADMIN","PROJECT_READ"]}""", "REPO_ADMIN,PROJECT_READ")]
    [InlineData("""{"id":"1","permissions":[]}""", null)]
    [InlineData("""{"id":"1","permissions":"REPO_ADMIN"}""", null)]
    [InlineData("""{"id":"1"}""", null)]
    [InlineData("not json", null)]
    public void AccessToken_ReadsPermissionsOrNull(string body, string? expected)
    {
        var token = BitbucketServerJson.AccessToken(body);

        (token is null ? null : string.Join(",", token.Value.Permissions)).Should().Be(expected);
    }

    [Theory]
    [InlineData("REPO_WRITE", 400, "Granted")]
    [InlineData("REPO_WRITE", 401, "Denied")]
    [InlineData("REPO_WRITE", 403, "Denied")]
    [InlineData("REPO_WRITE", 200, "UnexpectedSuccess")]
    [InlineData("REPO_WRITE", 201, "UnexpectedSuccess")]
    [InlineData("REPO_WRITE", 404, "Unknown")]
    [InlineData("REPO_WRITE", 429, "RateLimited")]
    [InlineData("REPO_ADMIN", 200, "Granted")]
    [InlineData("REPO_ADMIN", 401, "Denied")]
    [InlineData("REPO_ADMIN", 500, "Unknown")]
    [InlineData("PROJECT_READ", 200, "Granted")]
    [InlineData("PROJECT_READ", 404, "Denied")]
    public void Probe_InterpretsEachAnswer(string permission, int status, string verdict)
        => BitbucketServerTokenInspector.ProbeFor(permission)!.Interpret(ProviderStatusMap.Classify(status)).Should().Be(Enum.Parse<ProbeVerdict>(verdict));

    [Fact]
    public void Probe_WriteProbe_SendsAnInvalidBranchToTheBranchesEndpoint()
    {
        var probe = BitbucketServerTokenInspector.ProbeFor("REPO_WRITE")!;

        probe.Method.Should().Be(HttpMethod.Post);
        probe.Endpoint(new RepositoryRequest("CF/config")).Should().Be("projects/CF/repos/config/branches");
        probe.Body.Should().Be("""{"name":"","startPoint":""}""");
        BitbucketServerTokenInspector.ProbeFor("PROJECT_ADMIN").Should().BeNull("there is no safe probe for it; it stays undetermined");
    }
}
