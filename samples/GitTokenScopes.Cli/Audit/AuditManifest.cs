// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Cli.Audit;

/// <summary>An audit manifest as written in the file: <c>tokens:</c>, a list of <see cref="AuditEntry"/>.</summary>
internal sealed class AuditManifest
{
    /// <summary>Gets or sets the tokens to validate.</summary>
    public List<AuditEntry>? Tokens { get; set; }
}
