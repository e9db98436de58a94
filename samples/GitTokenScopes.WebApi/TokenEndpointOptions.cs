// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.WebApi;

/// <summary>The servers <c>POST /tokens/validate</c> may send a caller's token to (section <c>TokenEndpoint</c>).</summary>
public sealed class TokenEndpointOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "TokenEndpoint";

    /// <summary>The public providers' origins: the allow-list when none is configured. Bitbucket Server has none.</summary>
    public static readonly IReadOnlyList<Uri> PublicProviders =
    [
        new("https://api.github.com"), new("https://github.com"), new("https://gitlab.com"),
        new("https://api.bitbucket.org"), new("https://bitbucket.org"),
    ];

    /// <summary>
    /// Gets the origins (scheme, host and port) a caller's <c>serverUrl</c> or <c>apiUrl</c> may name; empty means
    /// <see cref="PublicProviders"/>. Without it the endpoint would relay tokens to any server a caller names.
    /// </summary>
    public IList<Uri> AllowedServers { get; } = [];

    /// <summary>Whether <paramref name="url"/>'s origin is on the allow-list.</summary>
    /// <param name="url">An absolute URL without user information.</param>
    /// <returns><see langword="true"/> when a configured (or public default) origin has the same scheme, host and port.</returns>
    public bool Allows(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        IEnumerable<Uri> allowed = AllowedServers.Count > 0 ? AllowedServers : PublicProviders;
        return allowed.Any(a => Uri.Compare(a, url, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0);
    }
}
