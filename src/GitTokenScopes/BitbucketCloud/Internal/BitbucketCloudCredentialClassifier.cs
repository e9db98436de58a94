// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.BitbucketCloud.Internal;

/// <summary>
/// A Bitbucket Cloud credential's type and scope vocabulary (PROVIDERS.md §3.1–§3.3): a known <c>x-credential-type</c>
/// (undocumented values matched loosely), else the authentication scheme and the scope names.
/// </summary>
internal static class BitbucketCloudCredentialClassifier
{
    /// <summary>The prefix Atlassian API tokens are seen with (PROVIDERS.md §5; not documented by Atlassian).</summary>
    public const string ApiTokenPrefix = "ATATT";

    /// <summary>The Git user name of access and OAuth tokens.</summary>
    public const string GitAccessTokenUser = "x-token-auth";

    /// <summary>The static Git user name of API tokens; the REST API needs the Atlassian e-mail address instead.</summary>
    public const string GitApiTokenUser = "x-bitbucket-api-token-auth";

    /// <summary>Basic when there is a user name other than <c>x-token-auth</c> (access and OAuth tokens go as Bearer, §3.1).</summary>
    public static bool UsesBasic(GitCredential credential)
        => credential.Username is { } user && !string.Equals(user, GitAccessTokenUser, StringComparison.OrdinalIgnoreCase);

    public static TokenType Classify(string? credentialType, bool basic, IReadOnlyList<string> scopes) => credentialType switch
    {
        "repo_access_token" or "repository_access_token" => TokenType.BitbucketRepositoryAccessToken,
        "project_access_token" => TokenType.BitbucketProjectAccessToken,
        "workspace_access_token" => TokenType.BitbucketWorkspaceAccessToken,
        { } value when value.Contains("api_token", StringComparison.Ordinal) || value.Contains("apitoken", StringComparison.Ordinal) => TokenType.BitbucketApiToken,
        { } value when value.Contains("app_password", StringComparison.Ordinal) || value.Contains("apppassword", StringComparison.Ordinal) => TokenType.BitbucketAppPassword,
        { } value when value.Contains("oauth", StringComparison.Ordinal) => TokenType.BitbucketOAuth,
        _ => HasApiTokenScopes(scopes) ? TokenType.BitbucketApiToken : basic ? TokenType.BitbucketAppPassword : TokenType.BitbucketOAuth,
    };

    /// <summary>API-token scopes when any name ends in <c>:bitbucket</c> (or an API token reported none), else classic.</summary>
    public static TokenFamily FamilyOf(TokenType type, IReadOnlyList<string> scopes)
        => HasApiTokenScopes(scopes) || (scopes.Count == 0 && type == TokenType.BitbucketApiToken) ? TokenFamily.ApiToken : TokenFamily.AppPassword;

    public static bool IsAccessToken(TokenType type)
        => type is TokenType.BitbucketRepositoryAccessToken or TokenType.BitbucketProjectAccessToken or TokenType.BitbucketWorkspaceAccessToken;

    private static bool HasApiTokenScopes(IReadOnlyList<string> scopes)
        => scopes.Any(s => s.EndsWith(":bitbucket", StringComparison.OrdinalIgnoreCase));
}
