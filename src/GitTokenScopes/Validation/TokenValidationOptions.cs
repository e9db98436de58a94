// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>How the validator decides and how long it remembers; part of <see cref="GitTokenScopesOptions.Validation"/>.</summary>
public sealed class TokenValidationOptions
{
    /// <summary>Gets the policy for Runtime tokens.</summary>
    public TokenKindPolicy Runtime { get; } = new();

    /// <summary>Gets the policy for User tokens.</summary>
    public TokenKindPolicy User { get; } = new();

    /// <summary>Gets or sets how close to its expiry a token gets a <c>token-expiring</c> warning; the default is 7 days.</summary>
    public TimeSpan ExpiryWarningWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Gets or sets whether inspections are cached (in <c>HybridCache</c>); the default is <see langword="true"/>.</summary>
    public bool CacheEnabled { get; set; } = true;

    /// <summary>Gets or sets how long an inspection whose every evaluation passed is remembered; the default is 10 minutes.</summary>
    public TimeSpan PassCacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets or sets how long any other inspection (a failure, a rate limit, an outage) is remembered; the default is 30 seconds.</summary>
    public TimeSpan FailCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets how long, after <see cref="ITokenValidator.InvalidateAsync"/>, other instances sharing a distributed cache
    /// may go on serving the token's cached inspections (each asks about a token at most once per this interval); the
    /// default is 30 seconds. Within the invalidating instance the effect is immediate.
    /// </summary>
    public TimeSpan InvalidationPropagationTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets the description pre-filled into token-creation links (GitHub's note, GitLab's token name); the
    /// default is <c>GitOps runtime</c> for Runtime tokens and <c>GitOps user</c> for User tokens when <see langword="null"/>.
    /// </summary>
    public string? TokenDescription { get; set; }

    /// <summary>Gets the policy for a token kind.</summary>
    public TokenKindPolicy For(TokenKind kind) => kind == TokenKind.Runtime ? Runtime : User;
}
