// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.GitLab.Internal;

namespace GitTokenScopes.Tests.GitLab;

/// <summary>Where the REST API lives: GitLab.com, self-managed with or without a relative root, or an explicit API URL.</summary>
public sealed class GitLabApiAddressTests
{
    [Theory]
    [InlineData(null, null, "https://gitlab.com/api/v4/")]
    [InlineData("https://gitlab.com", null, "https://gitlab.com/api/v4/")]
    [InlineData("https://gitlab.com/acme/app", null, "https://gitlab.com/api/v4/")]
    [InlineData("https://www.gitlab.com/", null, "https://gitlab.com/api/v4/")]
    [InlineData("https://git.example.com", null, "https://git.example.com/api/v4/")]
    [InlineData("https://git.example.com:8443/", null, "https://git.example.com:8443/api/v4/")]
    [InlineData("https://example.com/gitlab", null, "https://example.com/gitlab/api/v4/")]
    [InlineData("https://example.com/gitlab/", null, "https://example.com/gitlab/api/v4/")]
    [InlineData("https://example.com/gitlab/api/v4", null, "https://example.com/gitlab/api/v4/")]
    [InlineData("https://ignored.example.com", "https://api.example.com/custom/v4", "https://api.example.com/custom/v4/")]
    [InlineData(null, "http://127.0.0.1:8080/gitlab/api/v4/", "http://127.0.0.1:8080/gitlab/api/v4/")]
    [InlineData("http://localhost:3000/", null, "http://localhost:3000/api/v4/")]
    public void Resolve_Row(string? server, string? api, string expected)
    {
        var credential = new GitCredential(GitProvider.GitLab, "glpat-x", server is null ? null : new Uri(server), api is null ? null : new Uri(api));

        var (address, error) = GitLabApiAddress.Resolve(credential);

        error.Should().BeNull();
        address!.ToString().Should().Be(expected);
    }

    [Theory]
    [InlineData("http://gitlab.example.com", null)]
    [InlineData(null, "http://10.0.0.5/api/v4")]
    [InlineData("ftp://gitlab.example.com", null)]
    public void Resolve_NotHttpsAndNotLoopback_IsRefused(string? server, string? api)
    {
        var credential = new GitCredential(GitProvider.GitLab, "glpat-x", server is null ? null : new Uri(server), api is null ? null : new Uri(api));

        var (address, error) = GitLabApiAddress.Resolve(credential);

        address.Should().BeNull();
        error.Should().NotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("acme/app", "projects/acme%2Fapp")]
    [InlineData("acme/platform/gitops-config", "projects/acme%2Fplatform%2Fgitops-config")]
    [InlineData("https://gitlab.com/acme/sub/app.git", "projects/acme%2Fsub%2Fapp")]
    public void ProjectPath_EncodesTheFullPath(string name, string expected)
        => GitLabApiAddress.ProjectPath(new RepositoryRequest(name)).Should().Be(expected);
}
