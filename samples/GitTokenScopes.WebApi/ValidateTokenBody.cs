// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.WebApi;

/// <summary>The body of <c>POST /tokens/validate</c>. The token travels in the body (never in the URL, which gets logged).</summary>
public sealed class ValidateTokenBody
{
    /// <summary>Gets or sets the provider's wire name.</summary>
    public string? Provider { get; set; }

    /// <summary>Gets or sets the token kind: <c>runtime</c> or <c>user</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>Gets or sets the token.</summary>
    public string? Token { get; set; }

    /// <summary>Gets or sets the instance's web URL, for self-hosted providers.</summary>
    public Uri? ServerUrl { get; set; }

    /// <summary>Gets or sets an explicit API base URL.</summary>
    public Uri? ApiUrl { get; set; }

    /// <summary>Gets or sets the user name (Bitbucket app passwords and API tokens).</summary>
    public string? Username { get; set; }

    /// <summary>Gets or sets the runtime whose requirements (and overrides) apply.</summary>
    public string? Runtime { get; set; }

    /// <summary>Gets or sets the repositories to check.</summary>
    public List<RepositoryBody>? Repositories { get; set; }
}
