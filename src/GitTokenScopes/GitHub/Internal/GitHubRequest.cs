// Licensed under the MIT License. See LICENSE in the repository root.

using Octokit.Internal;

namespace GitTokenScopes.GitHub.Internal;

/// <summary>
/// An Octokit request that also carries the session's time-out to the reading of the body: Octokit returns once the
/// headers are in and reads the body without a token, so a body that stalls would otherwise never time out.
/// </summary>
internal sealed class GitHubRequest : Request
{
    /// <summary>Gets or sets the token that bounds the whole exchange, body included.</summary>
    public CancellationToken Cancellation { get; set; }
}
