// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing;

/// <summary>Options for <see cref="FakeGitLabServer.Start(FakeGitLabServerOptions?)"/>.</summary>
public sealed class FakeGitLabServerOptions
{
    /// <summary>
    /// Gets or sets the relative URL root of a self-managed install (<c>external_url "https://host/gitlab"</c>), for
    /// example <c>/gitlab</c>: the web root becomes <c>http://127.0.0.1:PORT/gitlab/</c> and the API
    /// <c>…/gitlab/api/v4/</c>. Defaults to none (the API at <c>/api/v4/</c>, as on GitLab.com).
    /// </summary>
    public string? RelativeUrlRoot { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether <c>GET /personal_access_tokens/self</c> exists (GitLab 15.5 and later).
    /// <see langword="false"/> emulates an older GitLab, where it answers 404 <c>{"error":"404 Not Found"}</c>.
    /// Defaults to <see langword="true"/>.
    /// </summary>
    public bool SupportsPersonalAccessTokensSelf { get; set; } = true;

    /// <summary>
    /// Gets or sets a value indicating whether impersonation is enabled on the instance. When <see langword="false"/>,
    /// impersonation tokens answer 401 <c>invalid_token</c> "Token is an impersonation token but impersonation was
    /// disabled.". Defaults to <see langword="true"/>.
    /// </summary>
    public bool ImpersonationEnabled { get; set; } = true;

    /// <summary>
    /// Gets or sets a value indicating whether authenticated answers carry <c>RateLimit-*</c> headers (limit 2000 per
    /// minute, as GitLab.com's authenticated API limit). Defaults to <see langword="true"/>. A token's
    /// <see cref="FakeGitLabToken.RateLimitRetryAfter"/> is answered with its headers either way.
    /// </summary>
    public bool RateLimitHeaders { get; set; } = true;

    /// <summary>Gets or sets the clock the server uses for expiry dates and rate-limit windows.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
