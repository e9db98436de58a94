// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json.Serialization;

namespace GitTokenScopes;

/// <summary>The state of one requirement clause in a report. The JSON names are <c>satisfied</c>, <c>missing</c>, <c>unknown</c> and <c>skipped</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FindingState>))]
public enum FindingState
{
    /// <summary>The token holds one of the clause's scopes, directly or by implication.</summary>
    [JsonStringEnumMemberName("satisfied")]
    Satisfied,

    /// <summary>The provider showed everything the token holds, and none of the clause's scopes is among it.</summary>
    [JsonStringEnumMemberName("missing")]
    Missing,

    /// <summary>Whether the token holds the clause could not be learnt.</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,

    /// <summary>Not evaluated, by policy (<c>skipValidation</c> or <c>skipGitPermissionValidation</c>) or because the token itself was rejected.</summary>
    [JsonStringEnumMemberName("skipped")]
    Skipped,
}
