// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.BitbucketServer.Internal;

/// <summary>
/// The REST addresses (PROVIDERS.md §4.3): server URL (context path kept) + <c>rest/api/1.0/</c>, or an explicit API URL;
/// the access-token resource <c>rest/access-tokens/1.0/</c> beside it, when the API URL ends in <c>rest/api/1.0|latest/</c>.
/// </summary>
internal static class BitbucketServerApiAddress
{
    /// <summary>Bitbucket Server has no public address: this one is reported only when a credential names none.</summary>
    public static readonly Uri Placeholder = new("https://bitbucket-server.invalid/");

    private static readonly string[] CoreSuffixes = ["rest/api/1.0/", "rest/api/latest/"];

    public static (Uri? Api, string? Error) Resolve(GitCredential credential)
    {
        var api = credential.ApiUrl is { } explicitApi ? TransportPolicy.WithTrailingSlash(explicitApi)
            : credential.ServerUrl is { } server ? FromServer(TransportPolicy.WithTrailingSlash(server))
            : null;
        var host = api?.IdnHost.ToLowerInvariant();
        var error = api is null ? "Bitbucket Server needs the server URL, with its context path if any (for example https://bitbucket.example.com/bitbucket), or the REST API URL."
            : host == "bitbucket.org" || host!.EndsWith(".bitbucket.org", StringComparison.Ordinal) ? "bitbucket.org is Bitbucket Cloud, not Bitbucket Server or Data Center."
            : TransportPolicy.Check(api);
        return error is null ? (api, null) : (null, error);
    }

    /// <summary>The access-token resource beside <paramref name="api"/>; <see langword="null"/> when the API URL does not end in <c>rest/api/1.0|latest/</c>.</summary>
    public static Uri? AccessTokens(Uri api)
        => CoreSuffixes.Any(s => api.AbsolutePath.EndsWith("/" + s, StringComparison.OrdinalIgnoreCase))
            ? new Uri(new Uri(api, "../../../"), "rest/access-tokens/1.0/")
            : null;

    /// <summary>The REST path of a repository, relative to the API address: <c>projects/{key}/repos/{slug}</c>.</summary>
    public static string RepositoryPath(RepositoryRequest repository)
        => TransportPolicy.PathOf(repository, (project, slug) => $"projects/{project}/repos/{slug}");

    private static Uri FromServer(Uri root)
        => root.AbsolutePath.EndsWith("/rest/api/latest/", StringComparison.OrdinalIgnoreCase) ? root : TransportPolicy.WithSuffix(root, "rest/api/1.0/");

    /// <summary>The REST path of a project, relative to the API address: <c>projects/{key}</c>.</summary>
    public static string ProjectPath(RepositoryRequest repository) => $"projects/{Uri.EscapeDataString(repository.Owner)}";
}
