// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json.Serialization;

namespace GitTokenScopes;

/// <summary>
/// The outcome of one clause: three-valued, because "could not be proven" is not "missing", plus
/// <see cref="Skipped"/> in reports. The JSON names are <c>satisfied</c>, <c>missing</c>, <c>unknown</c> and <c>skipped</c>.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClauseState>))]
public enum ClauseState
{
    /// <summary>A granted scope is, or implies, one of the clause's scopes.</summary>
    [JsonStringEnumMemberName("satisfied")]
    Satisfied,

    /// <summary>The grant is known well enough to say none of the clause's scopes is held.</summary>
    [JsonStringEnumMemberName("missing")]
    Missing,

    /// <summary>No granted scope satisfies the clause, but one that would could not be ruled out.</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,

    /// <summary>
    /// Not evaluated, by policy (<c>skipValidation</c> or <c>skipGitPermissionValidation</c>) or because the token itself
    /// was rejected. Only reports say this; <see cref="ScopeEvaluator"/> never does.
    /// </summary>
    [JsonStringEnumMemberName("skipped")]
    Skipped,
}
