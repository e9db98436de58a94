// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.ArgoCd;

/// <summary>
/// Where a repository host's tokens are validated: its provider and, for a self-hosted instance, its web or API
/// address. github.com, gitlab.com and bitbucket.org are known without one.
/// </summary>
public sealed class ArgoCdGitServer
{
    /// <summary>Initializes a new instance of the <see cref="ArgoCdGitServer"/> class.</summary>
    /// <param name="provider">The provider the host runs.</param>
    /// <param name="serverUrl">The instance's web address; <see langword="null"/> derives it from the repository URL (the public cloud for github.com, gitlab.com, bitbucket.org).</param>
    /// <param name="apiUrl">An explicit API address, used verbatim (a proxy, a test server).</param>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="provider"/> is not a defined value.</exception>
    public ArgoCdGitServer(GitProvider provider, Uri? serverUrl = null, Uri? apiUrl = null)
    {
        if (!Enum.IsDefined(provider))
        {
            throw new ArgumentOutOfRangeException(nameof(provider), provider, "Not a defined GitProvider value.");
        }

        Provider = provider;
        ServerUrl = serverUrl;
        ApiUrl = apiUrl;
    }

    /// <summary>Gets the provider.</summary>
    public GitProvider Provider { get; }

    /// <summary>Gets the instance's web address, or <see langword="null"/>.</summary>
    public Uri? ServerUrl { get; }

    /// <summary>Gets the explicit API address, or <see langword="null"/>.</summary>
    public Uri? ApiUrl { get; }

    /// <inheritdoc/>
    public override string ToString() => (ApiUrl ?? ServerUrl) is { } url ? $"{Provider.ToWireName()} at {url}" : Provider.ToWireName();
}
