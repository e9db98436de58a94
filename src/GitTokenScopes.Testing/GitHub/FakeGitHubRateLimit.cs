// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing;

/// <summary>
/// A rate limit a token has hit: while <see cref="FakeGitHubToken.RateLimit"/> is set, every request with the token
/// is refused with <see cref="StatusCode"/> and GitHub's rate-limit headers and message.
/// </summary>
public sealed class FakeGitHubRateLimit
{
    /// <summary>Gets or sets the hourly limit sent in <c>x-ratelimit-limit</c>. Defaults to 5000.</summary>
    public int Limit { get; set; } = 5000;

    /// <summary>
    /// Gets or sets the remaining budget of a <see cref="Secondary"/> limit, sent in <c>x-ratelimit-remaining</c>;
    /// 0 (the default) sends <see cref="Limit"/> minus 10. A primary limit always sends 0.
    /// </summary>
    public int Remaining { get; set; }

    /// <summary>Gets or sets when the window resets, sent in <c>x-ratelimit-reset</c> as epoch seconds; the default value means an hour after the answer.</summary>
    public DateTimeOffset ResetAt { get; set; }

    /// <summary>Gets or sets a value indicating whether this is a secondary (abuse) limit rather than the primary hourly one.</summary>
    public bool Secondary { get; set; }

    /// <summary>Gets or sets the status answered: 403 (the default) or 429, as GitHub uses both.</summary>
    public int StatusCode { get; set; } = 403;

    /// <summary>Gets or sets the seconds sent in <c>retry-after</c>; <see langword="null"/> sends no such header.</summary>
    public int? RetryAfterSeconds { get; set; }
}
