// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>A warning in a report: a stable code, how much it matters, and a sentence for people.</summary>
/// <param name="Code">The stable code.</param>
/// <param name="Severity">How much it asks of the reader.</param>
/// <param name="Message">One or two sentences for people.</param>
public sealed record ValidationWarning(ValidationWarningCode Code, WarningSeverity Severity, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Code.ToWireName()}: {Message}";
}
