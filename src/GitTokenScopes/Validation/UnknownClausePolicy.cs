// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json.Serialization;

namespace GitTokenScopes;

/// <summary>What a clause or repository whose state could not be learnt does to the verdict.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UnknownClausePolicy>))]
public enum UnknownClausePolicy
{
    /// <summary>The verdict is <see cref="ValidationVerdict.Indeterminate"/> (the default): nothing unproven passes.</summary>
    [JsonStringEnumMemberName("fail-closed")]
    FailClosed,

    /// <summary>Unknown clauses do not stop a <see cref="ValidationVerdict.Pass"/>; they stay visible as <see cref="ClauseState.Unknown"/> findings.</summary>
    [JsonStringEnumMemberName("fail-open")]
    FailOpen,
}
