// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing;

/// <summary>Options for <see cref="FakeGitHubServer.Start(FakeGitHubServerOptions?)"/>.</summary>
public sealed class FakeGitHubServerOptions
{
    /// <summary>
    /// Gets or sets a value indicating whether the fake behaves like GitHub Enterprise Server: the REST API lives under
    /// <c>/api/v3/</c>, every answer carries <c>X-GitHub-Enterprise-Version</c>, and rate-limit headers are off unless
    /// <see cref="EnterpriseRateLimitsEnabled"/> is set. Defaults to <see langword="false"/> (github.com).
    /// </summary>
    public bool Enterprise { get; set; }

    /// <summary>
    /// Gets or sets the clock the server uses for rate-limit windows and reset times, and for the timestamps in its
    /// bodies (accounts and repositories date from before the clock's time when the server started; created commits,
    /// statuses and pull requests from the clock's time when answered).
    /// </summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the version sent in <c>X-GitHub-Enterprise-Version</c> when <see cref="Enterprise"/> is set. Defaults to <c>3.14.0</c>.</summary>
    public string EnterpriseVersion { get; set; } = "3.14.0";

    /// <summary>
    /// Gets or sets a value indicating whether an Enterprise fake sends <c>x-ratelimit-*</c> headers. GitHub Enterprise
    /// Server has rate limiting off by default, so the default is <see langword="false"/>: no rate-limit headers.
    /// A token's explicit <see cref="FakeGitHubToken.RateLimit"/> is answered with its headers either way.
    /// </summary>
    public bool EnterpriseRateLimitsEnabled { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether every token that can see a public repository may read its contents,
    /// commit statuses and pull requests even without a grant, as on real GitHub. Defaults to <see langword="false"/>.
    /// </summary>
    /// <remarks>
    /// The default follows the fake's behaviour table, where a fine-grained or App token's level is exactly its grant
    /// (absent means none, except <c>metadata</c>) and a classic token needs <c>repo</c> or <c>public_repo</c>. Real
    /// GitHub lets every token read public repositories, so read probes only discriminate on private repositories; turn
    /// this on to reproduce that.
    /// </remarks>
    public bool ImplicitPublicRepositoryRead { get; set; }
}
