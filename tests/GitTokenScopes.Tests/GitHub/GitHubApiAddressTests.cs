// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.GitHub.Internal;

namespace GitTokenScopes.Tests.GitHub;

public sealed class GitHubApiAddressTests
{
    [Theory]
    [InlineData(null, null, "https://api.github.com/")]
    [InlineData("https://github.com", null, "https://api.github.com/")]
    [InlineData("https://GitHub.com/some/org", null, "https://api.github.com/")]
    [InlineData("https://api.github.com", null, "https://api.github.com/")]
    [InlineData("https://ghe.example.com", null, "https://ghe.example.com/api/v3/")]
    [InlineData("https://ghe.example.com/", null, "https://ghe.example.com/api/v3/")]
    [InlineData("https://example.com/github", null, "https://example.com/github/api/v3/")]
    [InlineData("https://ghe.example.com:8443/api/v3", null, "https://ghe.example.com:8443/api/v3/")]
    [InlineData("https://acme.ghe.com", null, "https://api.acme.ghe.com/")]
    [InlineData("https://api.acme.ghe.com", null, "https://api.acme.ghe.com/")]
    [InlineData("https://ghe.example.com", "https://proxy.example.com/github-api", "https://proxy.example.com/github-api/")]
    [InlineData(null, "http://127.0.0.1:5055/api/v3/", "http://127.0.0.1:5055/api/v3/")]
    [InlineData("http://localhost:8080", null, "http://localhost:8080/api/v3/")]
    [InlineData("http://[::1]:8080", null, "http://[::1]:8080/api/v3/")]
    public void Resolve_DerivesTheRestAddress(string? server, string? api, string expected)
    {
        var credential = new GitCredential(GitProvider.GitHub, "ghp_x", server is null ? null : new Uri(server), api is null ? null : new Uri(api));

        var (address, error) = GitHubApiAddress.Resolve(credential);

        error.Should().BeNull();
        address!.ToString().Should().Be(expected);
    }

    [Theory]
    [InlineData("http://ghe.example.com", null)]
    [InlineData(null, "http://10.0.0.5/api/v3")]
    [InlineData("ftp://ghe.example.com", null)]
    public void Resolve_PlainHttpToARemoteHost_IsRefused(string? server, string? api)
    {
        var credential = new GitCredential(GitProvider.GitHub, "ghp_x", server is null ? null : new Uri(server), api is null ? null : new Uri(api));

        var (address, error) = GitHubApiAddress.Resolve(credential);

        address.Should().BeNull();
        error.Should().NotBeNullOrEmpty().And.NotContain("ghp_x");
    }
}
