// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Tests.Inspection;

/// <summary>Issue 15, item 5: a token or user name that could break out of its header is refused, without quoting it.</summary>
public sealed class GitCredentialHeaderSafetyTests
{
    private const string Secret = "glpat-abcdefghij0123456789";

    [Theory]
    [InlineData(Secret + "\r\nX-Injected: 1")]
    [InlineData("glpat-abc\ndefghij0123456789")]
    [InlineData("glpat-abcdefg hij0123456789")]
    [InlineData("glpat-abcdefg\thij0123456789")]
    [InlineData("glpat-abcdefg\0hij0123456789")]
    [InlineData("glpat-abcdéfghij0123456789")]
    [InlineData("glpat-abcdefghij0123456789\u200b")]
    public void TokenWithControlWhitespaceOrNonAscii_IsRefused_WithoutQuotingIt(string token)
    {
        var act = () => new GitCredential(GitProvider.GitLab, token);

        var thrown = act.Should().Throw<ArgumentException>().Which;
        thrown.ParamName.Should().Be("token");
        thrown.Message.Should().NotContain("glpat").And.NotContain("abcdefg").And.NotContain("X-Injected");
    }

    [Theory]
    [InlineData("alice\r\nX-Injected: 1")]
    [InlineData("ali ce")]
    [InlineData("alicé")]
    public void UserNameWithControlWhitespaceOrNonAscii_IsRefused_WithoutQuotingIt(string username)
    {
        var act = () => new GitCredential(GitProvider.BitbucketCloud, "ATBB0123456789abcdef", username: username);

        var thrown = act.Should().Throw<ArgumentException>().Which;
        thrown.ParamName.Should().Be("username");
        thrown.Message.Should().NotContain("ali").And.NotContain("X-Injected");
    }

    [Fact]
    public void SurroundingWhitespace_IsStillTrimmed()
    {
        new GitCredential(GitProvider.GitLab, $"  {Secret}\r\n").Token.Should().Be(Secret, "a trailing newline from a file or a pipe is not part of the token");
    }
}
