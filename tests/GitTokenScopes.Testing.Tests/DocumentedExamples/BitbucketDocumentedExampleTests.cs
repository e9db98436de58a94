// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text;
using System.Text.Json;

namespace GitTokenScopes.Testing.Tests.DocumentedExamples;

/// <summary>
/// Every 2xx JSON answer of the fake Bitbucket Cloud that Atlassian documents an example for, for each kind of credential
/// where the answer differs, compared with that example (see DocumentedExamples/README.md).
/// </summary>
public sealed class BitbucketCloudDocumentedExampleTests : IDisposable
{
    private const string UserExample = "BitbucketCloud/get-current-user.json";

    private readonly FakeBitbucketCloudServer _server = FakeBitbucketCloudServer.Start();

    public BitbucketCloudDocumentedExampleTests()
    {
        _server.AddRepository(new FakeBitbucketCloudRepository { FullName = "acme/api" });
        _server.AddRepository(new FakeBitbucketCloudRepository { FullName = "acme/Web-Site", Private = false, ProjectKey = "WEB" });
    }

    public static TheoryData<string> Kinds() => ["app password", "API token", "OAuth", "repository access token", "workspace access token"];

    public void Dispose() => _server.Dispose();

    /// <summary>The documented repository object: an item of the documented repository listing.</summary>
    internal static JsonElement RepositoryExample() => DocumentedShape.Example("BitbucketCloud/list-public-repositories.json").GetProperty("values");

    [Theory]
    [InlineData("app password")]
    [InlineData("API token")]
    [InlineData("OAuth")]
    public async Task User_HasTheDocumentedShape(string kind)
    {
        var (_, authorization) = Add(kind);

        var (status, body) = await DocumentedHttp.GetAsync(new Uri(_server.ApiUrl, "user"), authorization);

        status.Should().Be(200, body);
        var violations = DocumentedShape.Compare(DocumentedShape.Example(UserExample), body, BitbucketShapes.CloudUser);
        violations.Should().BeEmpty(DocumentedHttp.Because(violations, body));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Repository_HasTheDocumentedShape(string kind)
    {
        var (_, authorization) = Add(kind);

        foreach (var path in new[] { "repositories/acme/api", "repositories/acme/Web-Site" })
        {
            var (status, body) = await DocumentedHttp.GetAsync(new Uri(_server.ApiUrl, path), authorization);

            status.Should().Be(200, body);
            var violations = DocumentedShape.Compare(RepositoryExample(), $"[{body}]", BitbucketShapes.CloudRepositoryItems);
            violations.Should().BeEmpty(DocumentedHttp.Because(violations, body));
        }
    }

    /// <summary>No example is documented for the listing itself (README): only its repositories are checked, against the documented repository object.</summary>
    [Theory]
    [InlineData("app password")]
    [InlineData("API token")]
    [InlineData("OAuth")]
    public async Task WorkspacePermissions_RepositoriesHaveTheDocumentedShape(string kind)
    {
        var (_, authorization) = Add(kind);

        var (status, body) = await DocumentedHttp.GetAsync(new Uri(_server.ApiUrl, "user/workspaces/acme/permissions/repositories"), authorization);

        status.Should().Be(200, body);
        using var document = JsonDocument.Parse(body);
        var repositories = document.RootElement.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("repository").GetRawText()).ToArray();
        repositories.Should().HaveCount(2);
        var violations = DocumentedShape.Compare(RepositoryExample(), $"[{string.Join(",", repositories)}]", BitbucketShapes.CloudRepositoryItems);
        violations.Should().BeEmpty(DocumentedHttp.Because(violations, body));
    }

    private (FakeBitbucketCloudCredential Credential, string Authorization) Add(string kind)
    {
        FakeBitbucketCloudCredential credential = kind switch
        {
            "app password" => FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account", "repository"),
            "API token" => FakeBitbucketCloudCredential.ApiToken("bot@example.com", "read:user:bitbucket", "read:repository:bitbucket"),
            "OAuth" => FakeBitbucketCloudCredential.OAuth("account", "repository"),
            "repository access token" => FakeBitbucketCloudCredential.RepositoryAccessToken("repository"),
            _ => FakeBitbucketCloudCredential.WorkspaceAccessToken("repository"),
        };
        credential.WithRepository("acme/api", "admin").WithRepository("acme/web-site", "read");
        _server.AddCredential(credential);
        var authorization = credential.Username is { } user
            ? "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{credential.Secret}"))
            : "Bearer " + credential.Secret;
        return (credential, authorization);
    }
}

/// <summary>
/// Every 2xx JSON answer of the fake Bitbucket Server that Atlassian documents an example for, compared with that
/// example (see DocumentedExamples/README.md; the repository, project and application-properties examples were not found).
/// </summary>
public sealed class BitbucketServerDocumentedExampleTests : IDisposable
{
    private readonly FakeBitbucketServer _server = FakeBitbucketServer.Start();

    public void Dispose() => _server.Dispose();

    public static TheoryData<string> Kinds() => ["personal", "personal, expiring", "project", "repository"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AccessToken_HasTheDocumentedShape(string kind)
    {
        var token = kind switch
        {
            "personal" => FakeBitbucketServerToken.Personal("jane.doe", "PROJECT_READ", "REPO_WRITE"),
            "personal, expiring" => FakeBitbucketServerToken.Personal("jane.doe", "REPO_ADMIN"),
            "project" => FakeBitbucketServerToken.Project("CF", "PROJECT_WRITE"),
            _ => FakeBitbucketServerToken.Repository("CF", "config", "REPO_READ"),
        };
        if (kind == "personal, expiring")
        {
            token.ExpiresAt = new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero);
        }

        _server.AddToken(token);
        var path = token.Kind switch
        {
            FakeBitbucketServerTokenKind.Personal => $"rest/access-tokens/1.0/users/jane.doe/{token.Id}",
            FakeBitbucketServerTokenKind.Project => $"rest/access-tokens/1.0/projects/CF/{token.Id}",
            _ => $"rest/access-tokens/1.0/projects/CF/repos/config/{token.Id}",
        };

        var (status, body) = await DocumentedHttp.GetAsync(new Uri(_server.Url, path), "Bearer " + token.Value);

        status.Should().Be(200, body);
        var example = DocumentedShape.Example("BitbucketServer/list-project-access-tokens.json").GetProperty("values");
        var violations = DocumentedShape.Compare(example, $"[{body}]", BitbucketShapes.ServerAccessTokenItems);
        violations.Should().BeEmpty(DocumentedHttp.Because(violations, body));
    }
}
