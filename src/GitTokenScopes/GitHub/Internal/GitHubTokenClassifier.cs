// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.GitHub.Internal;

/// <summary>Recognizes a GitHub token's kind from its prefix (PROVIDERS.md §1.1).</summary>
internal static class GitHubTokenClassifier
{
    public static TokenType Classify(string token)
    {
        if (token.StartsWith("github_pat_", StringComparison.Ordinal))
        {
            return TokenType.GitHubFineGrained;
        }

        if (token.Length > 4 && token[3] == '_')
        {
            switch (token.AsSpan(0, 4))
            {
                case "ghp_": return TokenType.GitHubClassic;
                case "gho_": return TokenType.GitHubOAuth;
                case "ghu_": return TokenType.GitHubAppUser;
                case "ghs_": return TokenType.GitHubAppInstallation;
                case "ghr_": return TokenType.GitHubRefresh;
            }
        }

        // Pre-2021 tokens: 40 hexadecimal characters, no prefix; they are classic.
        return token.Length == 40 && token.All(char.IsAsciiHexDigit) ? TokenType.GitHubClassic : TokenType.Unknown;
    }

    /// <summary>The vocabulary a token type speaks: scopes for classic and OAuth tokens, permissions for the rest.</summary>
    public static TokenFamily? FamilyOf(TokenType type) => type switch
    {
        TokenType.GitHubClassic or TokenType.GitHubOAuth => TokenFamily.Classic,
        TokenType.GitHubFineGrained or TokenType.GitHubAppUser or TokenType.GitHubAppInstallation => TokenFamily.FineGrained,
        _ => null,
    };
}
