// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Validation.Internal;

namespace GitTokenScopes.GitHub.Internal;

/// <summary>How to replace a GitHub token; the pre-filled creation pages are PROVIDERS.md §1.7.</summary>
internal sealed class GitHubGuide : IProviderGuide
{
    private const int MaxNameLength = 40;

    public GitProvider Provider => GitProvider.GitHub;

    public Uri DefaultApiUrl => GitHubApiAddress.GitHubDotCom;

    public Uri? CreationLink(TokenInspection inspection, Uri? serverUrl, IReadOnlyList<string> scopes, string description, string? owner)
        => (inspection.Family, inspection.TokenType) switch
        {
            // The organization forbids classic tokens: a classic link would repeat the refusal.
            (TokenFamily.Classic, _) when inspection.Status == InspectionStatus.PolicyForbidden => null,
            (TokenFamily.Classic, not TokenType.GitHubOAuth) => Classic(WebRoot(serverUrl, inspection.ApiUrl), scopes, description),
            (TokenFamily.FineGrained, TokenType.GitHubFineGrained) when !IsEnterpriseServer(inspection.ApiUrl)
                => FineGrained(WebRoot(serverUrl, inspection.ApiUrl), scopes, description, description, owner, GitHubStatusMap.MaxDaysIn(inspection.Message)),
            _ => null,
        };

    public string CreationSteps(TokenType tokenType, string labels, string scopes)
        => tokenType switch
        {
            TokenType.GitHubOAuth => $"Authorize the OAuth app again with the scopes {scopes}.",
            TokenType.GitHubAppUser or TokenType.GitHubAppInstallation => $"Give the GitHub App the permissions {labels}, then have the installation accept them.",
            _ => $"On GitHub: Settings → Developer settings → Personal access tokens → Fine-grained tokens → Generate new token, with {labels}.",
        };

    public IEnumerable<ValidationWarning> Warnings(TokenInspection inspection) => [];

    /// <summary>The web root of the GitHub instance an API address belongs to (<c>https://github.com/</c>, <c>https://ghe.example.com/</c>, …).</summary>
    public static Uri WebRoot(Uri? serverUrl, Uri apiUrl)
    {
        if (serverUrl is not null)
        {
            return WithSlash(serverUrl);
        }

        var host = apiUrl.IdnHost;
        if (string.Equals(host, "api.github.com", StringComparison.OrdinalIgnoreCase))
        {
            return new Uri("https://github.com/");
        }

        if (host.StartsWith("api.", StringComparison.OrdinalIgnoreCase) && host.EndsWith(".ghe.com", StringComparison.OrdinalIgnoreCase))
        {
            return new UriBuilder(apiUrl) { Host = host[4..], Path = "/", Query = string.Empty }.Uri;
        }

        var path = apiUrl.AbsolutePath;
        if (path.EndsWith("/api/v3/", StringComparison.OrdinalIgnoreCase) || path.EndsWith("/api/v3", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..path.LastIndexOf("/api/v3", StringComparison.OrdinalIgnoreCase)];
        }

        return WithSlash(new UriBuilder(apiUrl) { Path = path, Query = string.Empty }.Uri);
    }

    /// <summary>Whether the instance is GitHub Enterprise Server, which has no fine-grained template URLs.</summary>
    public static bool IsEnterpriseServer(Uri apiUrl)
        => apiUrl.AbsolutePath.TrimEnd('/').EndsWith("/api/v3", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>settings/tokens/new?scopes=a,b&amp;description=…</c>.</summary>
    public static Uri Classic(Uri webRoot, IEnumerable<string> scopes, string description)
        => new(webRoot, $"settings/tokens/new?scopes={string.Join(',', scopes)}&description={Uri.EscapeDataString(description)}");

    /// <summary>
    /// <c>settings/personal-access-tokens/new?name=…&amp;description=…&amp;target_name=…&amp;contents=write…</c>. The
    /// repository selection has no parameter and <c>metadata=read</c> is added by GitHub, so neither is in the URL;
    /// <c>expires_in</c> (days) pre-fills the expiry within an organization's maximum lifetime.
    /// </summary>
    public static Uri FineGrained(Uri webRoot, IEnumerable<string> permissions, string name, string description, string? owner, int? expiresInDays = null)
    {
        string?[] parameters =
        [
            "name=" + Uri.EscapeDataString(name.Length > MaxNameLength ? name[..MaxNameLength] : name),
            "description=" + Uri.EscapeDataString(description),
            owner is null ? null : "target_name=" + Uri.EscapeDataString(owner),
            expiresInDays is { } days ? $"expires_in={days}" : null,
            .. permissions.Where(p => p[..p.IndexOf('=', StringComparison.Ordinal)] is not ("repository_selection" or "metadata")),
        ];
        return new Uri(webRoot, "settings/personal-access-tokens/new?" + string.Join('&', parameters.OfType<string>()));
    }

    private static Uri WithSlash(Uri uri)
        => uri.AbsolutePath.EndsWith('/') ? uri : new UriBuilder(uri) { Path = uri.AbsolutePath + "/" }.Uri;
}
