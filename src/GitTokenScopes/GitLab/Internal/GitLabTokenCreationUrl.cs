// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.GitLab.Internal;

/// <summary>The pre-filled personal access token page on GitLab (PROVIDERS.md §2.7; <c>name</c> and <c>scopes</c> are the documented parameters).</summary>
internal static class GitLabTokenCreationUrl
{
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
