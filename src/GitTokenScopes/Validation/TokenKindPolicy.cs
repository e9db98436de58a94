// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>How tokens of one kind (Runtime or User) are validated.</summary>
public sealed class TokenKindPolicy
{
    /// <summary>
    /// Gets or sets whether validation is skipped altogether (the seed's <c>installer.skipValidation</c>): the report is
    /// <see cref="ValidationVerdict.Skipped"/>, no provider is asked, and a warning says the onus is on the user.
    /// Configuration accepts <c>true</c> and the string <c>"true"</c>, as the seed writes it.
    /// </summary>
    public bool SkipValidation { get; set; }

    /// <summary>
    /// Gets or sets whether the scope checks are skipped (the seed's <c>app-proxy.config.skipGitPermissionValidation</c>):
    /// clauses are reported as skipped, but the token must still be valid and the named repositories must still be
    /// readable and writable as requested.
    /// </summary>
    public bool SkipGitPermissionValidation { get; set; }

    /// <summary>Gets or sets what a clause or repository that could not be checked does to the verdict; the default is fail-closed.</summary>
    public UnknownClausePolicy UnknownClauses { get; set; } = UnknownClausePolicy.FailClosed;

    /// <inheritdoc/>
    public override string ToString()
        => $"skipValidation={(SkipValidation ? "true" : "false")}, skipGitPermissionValidation={(SkipGitPermissionValidation ? "true" : "false")}, unknownClauses={(UnknownClauses == UnknownClausePolicy.FailOpen ? "fail-open" : "fail-closed")}";
}
