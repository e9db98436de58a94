// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json.Serialization;

namespace GitTokenScopes;

/// <summary>How much a warning asks of the reader. The JSON names are <c>info</c> and <c>warning</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WarningSeverity>))]
public enum WarningSeverity
{
    /// <summary>Worth knowing; nothing needs doing.</summary>
    [JsonStringEnumMemberName("info")]
    Info,

    /// <summary>Something needs attention soon (an expiring token, a retiring credential type, a skipped check).</summary>
    [JsonStringEnumMemberName("warning")]
    Warning,
}
