// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>
/// What a provider showed about a token: status, type, grant, expiry, account, rate limit and repository access.
/// Never contains the token; <see cref="CredentialFingerprint"/> identifies it.
/// </summary>
public sealed class TokenInspection
{
    /// <summary>Gets the provider asked.</summary>
    public required GitProvider Provider { get; init; }

    /// <summary>Gets the API address the inspector talked to.</summary>
    public required Uri ApiUrl { get; init; }

    /// <summary>Gets how the inspection ended.</summary>
    public required InspectionStatus Status { get; init; }

    /// <summary>Gets the fingerprint of the token inspected (see <see cref="GitCredential.Fingerprint"/>).</summary>
    public required string CredentialFingerprint { get; init; }

    /// <summary>Gets the kind of token recognized.</summary>
    public TokenType TokenType { get; init; }

    /// <summary>Gets the token family whose requirements apply, when known.</summary>
    public TokenFamily? Family { get; init; }

    /// <summary>
    /// Gets what the token holds, in <see cref="Family"/>'s vocabulary: always with <see cref="InspectionStatus.Ok"/>, and with
    /// <see cref="InspectionStatus.SsoRequired"/> when read before an organization refused the token. Unchecked permissions are undetermined.
    /// </summary>
    public GrantedScopes? Granted { get; init; }

    /// <summary>Gets when the token expires, when the provider says; see <see cref="ExpiryKnown"/>.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>
    /// Gets whether the provider settled the expiry: <see langword="true"/> with a <see langword="null"/> <see cref="ExpiresAt"/>
    /// means the token never expires.
    /// </summary>
    public bool ExpiryKnown { get; init; }

    /// <summary>Gets the account the token acts as, when the provider says.</summary>
    public AccountInfo? Account { get; init; }

    /// <summary>Gets the rate-limit state from the provider's last answer, when reported.</summary>
    public RateLimitInfo? RateLimit { get; init; }

    /// <summary>Gets one result per requested repository, in request order.</summary>
    public IReadOnlyList<RepositoryAccessResult> Repositories { get; init; } = [];

    /// <summary>Gets what went wrong or what is worth knowing, in a sentence; never contains the token.</summary>
    public string? Message { get; init; }

    /// <summary>Gets where the user can fix the problem the provider reported (for example GitHub's SSO authorization page).</summary>
    public Uri? ActionUrl { get; init; }

    /// <summary>Gets notes on how the grant was learned (for example which probes ran), for reports and support.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Gets the number of HTTP requests the inspection sent to the provider.</summary>
    public int RequestCount { get; init; }

    /// <inheritdoc/>
    public override string ToString()
    {
        var type = TokenType == TokenType.Unknown ? string.Empty : $", {TokenType}";
        var scopes = Granted is null ? string.Empty : $", [{string.Join(", ", Granted.Scopes)}]";
        var message = Message is null ? string.Empty : $" ({Message})";
        return $"{Provider.ToWireName()} {CredentialFingerprint}: {Status}{type}{scopes}{message}";
    }
}
