// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.BitbucketCloud.Internal;

/// <summary>
/// Recognizes a Bitbucket Cloud credential's type and scope vocabulary (PROVIDERS.md §3.1–§3.3). <c>x-credential-type</c>
/// decides where Bitbucket sends a value we know (the access-token values are documented; the others are not, so they
/// are matched loosely); otherwise the authentication scheme and the scope names decide.
/// </summary>
internal static class BitbucketCloudCredentialClassifier
{
    /// <summary>The prefix Atlassian API tokens are seen with (PROVIDERS.md §5; not documented by Atlassian).</summary>
    public const string ApiTokenPrefix = "ATATT";

    /// <summary>The Git user name of access and OAuth tokens.</summary>
    public const string GitAccessTokenUser = "x-token-auth";

    /// <summary>The static Git user name of API tokens; the REST API needs the Atlassian e-mail address instead.</summary>
    public const string GitApiTokenUser = "x-bitbucket-api-token-auth";

    /// <summary>
    /// Whether the credential goes as Basic: when it has a user name, except <c>x-token-auth</c>, the Git user name of
    /// access and OAuth tokens, which authenticate to the REST API as Bearer (PROVIDERS.md §3.1).
    /// </summary>
    public static bool UsesBasic(GitCredential credential)
        => credential.Username is { } user && !string.Equals(user, GitAccessTokenUser, StringComparison.OrdinalIgnoreCase);

    public static TokenType Classify(string? credentialType, bool basic, IReadOnlyList<string> scopes)
    {
        switch (credentialType)
        {
            case "repo_access_token" or "repository_access_token":
                return TokenType.BitbucketRepositoryAccessToken;
            case "project_access_token":
                return TokenType.BitbucketProjectAccessToken;
            case "workspace_access_token":
                return TokenType.BitbucketWorkspaceAccessToken;
            case { } value when value.Contains("api_token", StringComparison.Ordinal) || value.Contains("apitoken", StringComparison.Ordinal):
                return TokenType.BitbucketApiToken;
            case { } value when value.Contains("app_password", StringComparison.Ordinal) || value.Contains("apppassword", StringComparison.Ordinal):
                return TokenType.BitbucketAppPassword;
            case { } value when value.Contains("oauth", StringComparison.Ordinal):
                return TokenType.BitbucketOAuth;
        }

        var granular = HasApiTokenScopes(scopes);
        return basic
            ? granular ? TokenType.BitbucketApiToken : TokenType.BitbucketAppPassword
            : granular ? TokenType.BitbucketApiToken : TokenType.BitbucketOAuth;
    }

    /// <summary>
    /// The vocabulary to read the scopes in: API-token scopes when any name is a granular <c>…:bitbucket</c> one (or an
    /// API token reported none), the classic names otherwise.
    /// </summary>
    public static TokenFamily FamilyOf(TokenType type, IReadOnlyList<string> scopes)
        => HasApiTokenScopes(scopes) || (scopes.Count == 0 && type == TokenType.BitbucketApiToken) ? TokenFamily.ApiToken : TokenFamily.AppPassword;

    public static bool IsAccessToken(TokenType type)
        => type is TokenType.BitbucketRepositoryAccessToken or TokenType.BitbucketProjectAccessToken or TokenType.BitbucketWorkspaceAccessToken;

    private static bool HasApiTokenScopes(IReadOnlyList<string> scopes)
        => scopes.Any(s => s.EndsWith(":bitbucket", StringComparison.OrdinalIgnoreCase));
}
