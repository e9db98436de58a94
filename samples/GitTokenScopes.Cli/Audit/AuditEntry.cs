// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Cli.Audit;

/// <summary>
/// One token in an audit manifest, as written in the file. It names the environment variable that holds the token,
/// never the token itself, so a manifest can be committed.
/// </summary>
internal sealed class AuditEntry
{
    /// <summary>Gets or sets a label for the summary (default: provider, kind and runtime).</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the provider: github, gitlab, bitbucket-cloud or bitbucket-server.</summary>
    public string? Provider { get; set; }

    /// <summary>Gets or sets the instance's web URL; the API base is derived from it.</summary>
    public string? Server { get; set; }

    /// <summary>Gets or sets the API base URL, used verbatim.</summary>
    public string? ApiUrl { get; set; }

    /// <summary>Gets or sets the token kind: runtime or user.</summary>
    public string? Kind { get; set; }

    /// <summary>Gets or sets one runtime whose requirements apply.</summary>
    public string? Runtime { get; set; }

    /// <summary>Gets or sets several runtimes; the token is inspected once and judged for each.</summary>
    public List<string>? Runtimes { get; set; }

    /// <summary>Gets or sets the repositories to check, <c>NAME</c> (read and write) or <c>NAME:read</c>.</summary>
    public List<string>? Repositories { get; set; }

    /// <summary>Gets or sets the name of the environment variable holding the token.</summary>
    public string? TokenEnv { get; set; }

    /// <summary>Gets or sets the user name (Bitbucket app passwords and API tokens).</summary>
    public string? Username { get; set; }

    /// <summary>Gets or sets the name of the environment variable holding the user name.</summary>
    public string? UsernameEnv { get; set; }
}
