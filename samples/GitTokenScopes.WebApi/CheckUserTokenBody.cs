// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.WebApi;

/// <summary>
/// The body of <c>POST /runtimes/user-token/validate</c>: a user's token and the runtimes to check it for. There is no
/// server or URL member: each runtime's server comes from the host's configuration.
/// </summary>
public sealed class CheckUserTokenBody
{
    /// <summary>Gets or sets the token. It is used for the provider calls of this request and never stored or returned.</summary>
    public string? Token { get; set; }

    /// <summary>Gets or sets the user name (Bitbucket app passwords and API tokens).</summary>
    public string? Username { get; set; }

    /// <summary>Gets or sets the runtimes, by name: one, several or all of one server's.</summary>
    public List<string>? Runtimes { get; set; }
}
