// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.ArgoCd.Internal;

namespace GitTokenScopes.ArgoCd.Tests;

public sealed class GitUrlTests
{
    [Theory]
    [InlineData("https://GitHub.com/Acme/App.git", "https://github.com/acme/app")]
    [InlineData("  https://github.com/acme/app  ", "https://github.com/acme/app")]
    [InlineData("https://github.com/acme/", "https://github.com/acme/")]
    [InlineData("git@github.com:acme/app.git", "git@github.com/acme/app")]
    [InlineData("ssh://git@github.com/acme/app.git", "git@github.com/acme/app")]
    [InlineData("ssh://git@bitbucket.example.com:7999/plat/app.git", "git@bitbucket.example.com:7999/plat/app")]
    [InlineData("", "")]
    public void Normalize_AsArgoCdsNormalizeGitURL(string url, string expected)
        => GitUrl.Normalize(url).Should().Be(expected);

    [Theory]
    [InlineData("https://github.com/acme/app", "https://GITHUB.com/acme/app.git", true)]
    [InlineData("https://github.com/acme/app", "git@github.com:acme/app.git", false)]
    [InlineData("", "", false)]
    public void Same_AsArgoCdsSameURL(string left, string right, bool same)
        => GitUrl.Same(left, right).Should().Be(same);

    [Theory]
    [InlineData("https://github.com/acme/app.git", "https", "github.com", "acme/app.git")]
    [InlineData("git@gitlab.com:group/sub/project.git", "ssh", "gitlab.com", "group/sub/project.git")]
    [InlineData("http://127.0.0.1:8080/acme/app", "http", "127.0.0.1:8080", "acme/app")]
    public void Locate_FindsHostAndPath(string url, string scheme, string host, string path)
        => GitUrl.Locate(url).Should().Be((scheme, host, path));

    [Fact]
    public void Display_DropsUserInformation()
        => GitUrl.Display("https://bot:secret-in-url@github.com/acme/app").Should().Be("https://github.com/acme/app");
}
