// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json.Serialization;

namespace GitTokenScopes;

/// <summary>Whether a token reaches a repository as needed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RepositoryAccessState>))]
public enum RepositoryAccessState
{
    /// <summary>The token has the access needed.</summary>
    [JsonStringEnumMemberName("granted")]
    Granted,

    /// <summary>The token sees the repository but lacks the access needed (for example read-only where write is needed).</summary>
    [JsonStringEnumMemberName("insufficient")]
    Insufficient,

    /// <summary>
    /// The provider does not show the repository to the token: it is not in the token's selection, the account has no
    /// access, it does not exist, or an organization's approval is pending. Providers do not say which.
    /// </summary>
    [JsonStringEnumMemberName("not-visible")]
    NotVisible,

    /// <summary>The access could not be determined (rate limit, outage, a probe that could not be interpreted).</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,
}
