// Licensed under the MIT License. See LICENSE in the repository root.

using Microsoft.Extensions.Options;

namespace GitTokenScopes.WebApi;

/// <summary>The Runtime token the <c>/health</c> check watches (section <c>RuntimeToken</c>).</summary>
public sealed class RuntimeTokenOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "RuntimeToken";

    /// <summary>Gets or sets the provider's wire name (<c>github</c>, <c>gitlab</c>, <c>bitbucket-cloud</c>, <c>bitbucket-server</c>).</summary>
    public string Provider { get; set; } = "github";

    /// <summary>Gets or sets the instance's web URL, for self-hosted providers.</summary>
    public Uri? ServerUrl { get; set; }

    /// <summary>Gets or sets an explicit API base URL.</summary>
    public Uri? ApiUrl { get; set; }

    /// <summary>Gets or sets the token; set it from the environment (<c>RuntimeToken__Token</c>) or a secret store.</summary>
    public string? Token { get; set; }

    /// <summary>Gets or sets the user name (Bitbucket app passwords and API tokens).</summary>
    public string? Username { get; set; }

    /// <summary>Gets or sets the runtime whose requirements apply.</summary>
    public string? Runtime { get; set; }

    /// <summary>Gets the repositories the token must read and write (the Shared Configuration Repository).</summary>
    public IList<string> Repositories { get; } = [];

    /// <summary>Builds the health check's request from the current options.</summary>
    /// <exception cref="InvalidOperationException">Thrown when the token or the provider is not configured; the check then reports unhealthy.</exception>
    public static TokenValidationRequest RequestFrom(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<IOptions<RuntimeTokenOptions>>().Value;
        if (string.IsNullOrWhiteSpace(options.Token))
        {
            throw new InvalidOperationException($"{SectionName}:Token is not configured; set it from the environment ({SectionName}__Token) or a secret store.");
        }

        if (!WireNames.TryParse(options.Provider, out GitProvider provider))
        {
            throw new InvalidOperationException($"{SectionName}:Provider '{options.Provider}' is not one of {string.Join(", ", WireNames.ProviderNames)}.");
        }

        return new TokenValidationRequest(
            new GitCredential(provider, options.Token, options.ServerUrl, options.ApiUrl, options.Username),
            TokenKind.Runtime,
            options.Runtime,
            options.Repositories.Select(r => new RepositoryRequest(r)));
    }
}
