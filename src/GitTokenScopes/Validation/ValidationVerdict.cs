// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json.Serialization;

namespace GitTokenScopes;

/// <summary>
/// The outcome of a validation. The JSON names are <c>pass</c>, <c>fail</c>, <c>indeterminate</c> and <c>skipped</c>.
/// The default value is <see cref="Indeterminate"/>, so that an unset verdict never reads as a pass.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ValidationVerdict>))]
public enum ValidationVerdict
{
    /// <summary>The token is valid, holds every required scope and reaches every named repository as needed.</summary>
    [JsonStringEnumMemberName("pass")]
    Pass = 1,

    /// <summary>
    /// The token is invalid, expired or revoked, lacks a required scope, or cannot reach a named repository as needed.
    /// The report says what to fix.
    /// </summary>
    [JsonStringEnumMemberName("fail")]
    Fail = 2,

    /// <summary>
    /// Nothing could be proven either way: the provider was unreachable or rate limited, or some requirement could not
    /// be checked and the policy is fail-closed. Never reported as missing scopes.
    /// </summary>
    [JsonStringEnumMemberName("indeterminate")]
    Indeterminate = 0,

    /// <summary>Validation was skipped by policy (<c>installer.skipValidation</c>); no provider was asked.</summary>
    [JsonStringEnumMemberName("skipped")]
    Skipped = 3,
}
