// Licensed under the MIT License. See LICENSE in the repository root.

using System.Globalization;
using GitTokenScopes.Validation.Internal;

namespace GitTokenScopes.GitLab.Internal;

/// <summary>How to replace a GitLab token; the pre-filled page's <c>name</c> and <c>scopes</c> are documented (PROVIDERS.md §2.7).</summary>
internal sealed class GitLabGuide(TimeProvider time) : IProviderGuide
{
    public GitProvider Provider => GitProvider.GitLab;

    public Uri DefaultApiUrl => GitLabApiAddress.GitLabDotCom;

    // Fine-grained permissions cannot be pre-filled: the documented parameters tick legacy scopes only.
    public Uri? CreationLink(TokenInspection inspection, Uri? serverUrl, IReadOnlyList<string> scopes, string description, string? owner)
        => inspection.Family != TokenFamily.FineGrained && inspection.TokenType is TokenType.GitLabPersonal or TokenType.GitLabImpersonation or TokenType.GitLabOther or TokenType.Unknown
            ? PersonalAccessToken(WebRoot(serverUrl, inspection.ApiUrl), scopes, description)
            : null;

    public string CreationSteps(TokenType tokenType, string labels, string scopes)
        => tokenType switch
        {
            TokenType.GitLabProject => $"On GitLab: the project's Settings → Access tokens → Add new token, with the scopes {scopes}.",
            TokenType.GitLabGroup => $"On GitLab: the group's Settings → Access tokens → Add new token, with the scopes {scopes}.",
            TokenType.GitLabServiceAccount => $"On GitLab: the top-level group's Settings → Service accounts (Admin area on self-managed) → the account → Manage access tokens → Add new token, with {scopes}.",
            _ => $"On GitLab: Edit profile → Access tokens → Add new token, with the scopes {scopes}.",
        };

    public IEnumerable<ValidationWarning> Warnings(TokenInspection inspection)
        => inspection is { Status: InspectionStatus.Ok, ExpiresAt: { } expires } && expires <= time.GetUtcNow()
            ? [new(ValidationWarningCode.ExpiryNotEnforced, WarningSeverity.Warning,
                $"GitLab accepted the token although it expired on {expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: this instance does not enforce token expiry. Replace the token; an instance that starts enforcing expiry will reject it.")]
            : [];

    /// <summary>The web root of the GitLab instance, relative URL root included (<c>https://host/gitlab/</c>).</summary>
    public static Uri WebRoot(Uri? serverUrl, Uri apiUrl)
    {
        var root = serverUrl ?? apiUrl;
        var path = root.AbsolutePath;
        if (serverUrl is null)
        {
            var at = path.LastIndexOf("/api/v4", StringComparison.OrdinalIgnoreCase);
            path = at >= 0 ? path[..at] : path;
        }

        return new UriBuilder(root) { Path = path.EndsWith('/') ? path : path + "/", Query = string.Empty }.Uri;
    }

    /// <summary><c>-/user_settings/personal_access_tokens?name=…&amp;scopes=a,b</c>.</summary>
    public static Uri PersonalAccessToken(Uri webRoot, IEnumerable<string> scopes, string name)
        => new(webRoot, $"-/user_settings/personal_access_tokens?name={Uri.EscapeDataString(name)}&scopes={string.Join(',', scopes)}");
}
