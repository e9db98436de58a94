// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.WebApi;

/// <summary>
/// One GitOps runtime the host knows (an entry of the <c>Runtimes</c> section): its Git server and the repositories a
/// user's token must reach for it. The token page and <c>POST /runtimes/user-token/validate</c> take the server from
/// here, never from the caller, so no caller can make the host send a token elsewhere.
/// </summary>
public sealed class RuntimeOptions
{
    /// <summary>Gets or sets the runtime's name; its overrides in <c>GitTokenScopes:Overrides</c> apply by this name.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the provider's wire name (<c>github</c>, <c>gitlab</c>, <c>bitbucket-cloud</c>, <c>bitbucket-server</c>).</summary>
    public string? Provider { get; set; }

    /// <summary>Gets or sets the instance's web URL, for self-hosted providers; empty for the public cloud.</summary>
    public Uri? ServerUrl { get; set; }

    /// <summary>Gets or sets an explicit API base URL.</summary>
    public Uri? ApiUrl { get; set; }

    /// <summary>
    /// Gets the repositories a user's token must reach for this runtime: <c>owner/repo</c> (read and write, the seed's
    /// Shared Configuration Repository) or <c>owner/repo:read</c>.
    /// </summary>
    public IList<string> Repositories { get; } = [];

    /// <summary>The provider, once the options validator has accepted <see cref="Provider"/>.</summary>
    internal GitProvider ProviderValue => WireNames.TryParse(Provider, out GitProvider provider)
        ? provider
        : throw new InvalidOperationException($"Runtime '{Name}' has no valid provider; the options validator should have refused it.");

    /// <summary>The server a token for this runtime belongs to, as shown on the page: the configured URL or the public cloud's.</summary>
    internal string Server => (ServerUrl ?? ApiUrl ?? PublicServer(ProviderValue)).AbsoluteUri;

    /// <summary>Parses <see cref="Repositories"/>; <see langword="null"/> for an entry that is not <c>owner/repo[:read|:read-write]</c>.</summary>
    internal IEnumerable<RepositoryRequest?> RepositoryRequests()
    {
        foreach (var entry in Repositories)
        {
            var (name, access) = entry.LastIndexOf(':') is var colon and >= 0 ? (entry[..colon], entry[(colon + 1)..]) : (entry, "read-write");
            var parsed = access switch
            {
                "read-write" => RepositoryAccess.ReadWrite,
                "read" => RepositoryAccess.Read,
                _ => (RepositoryAccess?)null,
            };
            yield return parsed is null ? null : Request(name, parsed.Value);
        }
    }

    // The library's own rules for a repository name (owner part, no whitespace, …); a name they refuse is reported by
    // the options validator with its key instead of failing later.
    private static RepositoryRequest? Request(string name, RepositoryAccess access)
    {
        try
        {
            return new RepositoryRequest(name, access);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private Uri PublicServer(GitProvider provider) => provider switch
    {
        GitProvider.GitHub => new Uri("https://github.com/"),
        GitProvider.GitLab => new Uri("https://gitlab.com/"),
        GitProvider.BitbucketCloud => new Uri("https://bitbucket.org/"),
        _ => throw new InvalidOperationException($"Runtime '{Name}' is on {provider.ToWireName()}, which has no public server; set its ServerUrl."),
    };
}
