// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.ArgoCd;

/// <summary>The audit of an Argo CD configuration: every repository with its credential and verdict, every distinct token with its reports, and the findings.</summary>
public sealed class ArgoCdAuditResult
{
    internal ArgoCdAuditResult(ArgoCdResolution resolution, IReadOnlyList<ArgoCdTokenAudit> tokens, IReadOnlyList<ArgoCdAuditRow> rows, IReadOnlyList<ArgoCdFinding> findings)
    {
        Resolution = resolution;
        Tokens = tokens;
        Rows = rows;
        Findings = findings;
    }

    /// <summary>Gets which credential Argo CD uses for each repository.</summary>
    public ArgoCdResolution Resolution { get; }

    /// <summary>Gets one entry per distinct token, each validated once for everything it serves, in the order first met.</summary>
    public IReadOnlyList<ArgoCdTokenAudit> Tokens { get; }

    /// <summary>Gets one row per repository (as <see cref="ArgoCdResolution.Assignments"/>), with its token's verdict.</summary>
    public IReadOnlyList<ArgoCdAuditRow> Rows { get; }

    /// <summary>Gets the resolution's findings, then those of the validation (a token that could not be sent).</summary>
    public IReadOnlyList<ArgoCdFinding> Findings { get; }

    /// <summary>Gets every report, token by token, runtime by runtime.</summary>
    public IEnumerable<TokenValidationReport> Reports => Tokens.SelectMany(t => t.Reports);

    /// <summary>Gets the worst verdict of all tokens (fail, then indeterminate, then pass, then skipped); <see cref="ValidationVerdict.Skipped"/> when no token was validated.</summary>
    public ValidationVerdict Verdict => Worst(Tokens.Select(t => t.Verdict));

    /// <summary>The worst of several verdicts, as the CLI's exit code ranks them.</summary>
    internal static ValidationVerdict Worst(IEnumerable<ValidationVerdict> verdicts)
    {
        var set = verdicts.ToHashSet();
        return set.Contains(ValidationVerdict.Fail) ? ValidationVerdict.Fail
            : set.Contains(ValidationVerdict.Indeterminate) ? ValidationVerdict.Indeterminate
            : set.Contains(ValidationVerdict.Pass) ? ValidationVerdict.Pass
            : ValidationVerdict.Skipped;
    }
}
