// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json.Serialization;

namespace GitTokenScopes;

/// <summary>
/// How an inspection ended. Only <see cref="Ok"/> carries a grant to evaluate. Rate limits, outages and provider errors
/// are never reported as missing scopes: they leave the verdict indeterminate.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<InspectionStatus>))]
public enum InspectionStatus
{
    /// <summary>The provider answered and the grant is known (see <see cref="TokenInspection.Granted"/>).</summary>
    [JsonStringEnumMemberName("ok")]
    Ok,

    /// <summary>The provider rejected the token (unknown, malformed, or expired or revoked where the provider does not say which).</summary>
    [JsonStringEnumMemberName("invalid")]
    Invalid,

    /// <summary>The provider says the token has expired.</summary>
    [JsonStringEnumMemberName("expired")]
    Expired,

    /// <summary>The provider says the token was revoked.</summary>
    [JsonStringEnumMemberName("revoked")]
    Revoked,

    /// <summary>The provider's rate limit stopped the inspection; see <see cref="TokenInspection.RateLimit"/> for when to retry.</summary>
    [JsonStringEnumMemberName("rate-limited")]
    RateLimited,

    /// <summary>An organization requires SAML single sign-on authorization of the token (GitHub).</summary>
    [JsonStringEnumMemberName("sso-required")]
    SsoRequired,

    /// <summary>The provider refused the request for a reason other than scopes (for example an IP allow list).</summary>
    [JsonStringEnumMemberName("forbidden")]
    Forbidden,

    /// <summary>The provider could not be reached: connection failure or time-out.</summary>
    [JsonStringEnumMemberName("unreachable")]
    Unreachable,

    /// <summary>The provider answered with a server error or a response that could not be understood.</summary>
    [JsonStringEnumMemberName("provider-error")]
    ProviderError,

    /// <summary>This kind of token cannot be checked, or is not meant for this use (for example a GitHub refresh token).</summary>
    [JsonStringEnumMemberName("unsupported")]
    Unsupported,

    /// <summary>The request cannot be inspected as given (for example plain HTTP to a host that is not loopback).</summary>
    [JsonStringEnumMemberName("misconfigured")]
    Misconfigured,

    /// <summary>
    /// An organization's token policy refuses the token (GitHub: classic tokens forbidden, or a fine-grained token's
    /// lifetime above the organization's maximum); <see cref="TokenInspection.Message"/> names the organization and the limit.
    /// </summary>
    [JsonStringEnumMemberName("policy-forbidden")]
    PolicyForbidden,
}
