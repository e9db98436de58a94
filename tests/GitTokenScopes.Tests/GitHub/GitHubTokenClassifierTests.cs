// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.GitHub.Internal;

namespace GitTokenScopes.Tests.GitHub;

public sealed class GitHubTokenClassifierTests
{
    [Theory]
    [InlineData("ghp_16C7e42F292c6912E7710c838347Ae178B4a", TokenType.GitHubClassic, TokenFamily.Classic)]
    [InlineData("github_pat_11ABCDEFG0abcdefghijkl_mnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef", TokenType.GitHubFineGrained, TokenFamily.FineGrained)]
    [InlineData("gho_16C7e42F292c6912E7710c838347Ae178B4a", TokenType.GitHubOAuth, TokenFamily.Classic)]
    [InlineData("ghu_16C7e42F292c6912E7710c838347Ae178B4a", TokenType.GitHubAppUser, TokenFamily.FineGrained)]
    [InlineData("ghs_16C7e42F292c6912E7710c838347Ae178B4a", TokenType.GitHubAppInstallation, TokenFamily.FineGrained)]
    [InlineData("ghr_1B4a2e77838347a7E420ce178F2E7c6912E169246c34E1ccbF66C46812d16D5B1A9Dc86A1498", TokenType.GitHubRefresh, null)]
    [InlineData("0123456789abcdef0123456789abcdef01234567", TokenType.GitHubClassic, TokenFamily.Classic)]
    [InlineData("0123456789ABCDEF0123456789ABCDEF01234567", TokenType.GitHubClassic, TokenFamily.Classic)]
    [InlineData("0123456789abcdef0123456789abcdef0123456", TokenType.Unknown, null)]
    [InlineData("glpat-abcdefghijklmnopqrst", TokenType.Unknown, null)]
    [InlineData("GHP_16C7e42F292c6912E7710c838347Ae178B4a", TokenType.Unknown, null)]
    public void Classify_ByPrefix(string token, TokenType expected, TokenFamily? family)
    {
        GitHubTokenClassifier.Classify(token).Should().Be(expected);
        GitHubTokenClassifier.FamilyOf(expected).Should().Be(family);
    }
}
