// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Cli;

/// <summary>The process exit codes of the CLI.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked; for a check, the token passed or its validation was skipped.</summary>
    public const int Success = 0;

    /// <summary>The token failed: it is rejected, lacks a scope, or cannot reach a repository as needed.</summary>
    public const int Fail = 1;

    /// <summary>The verdict could not be reached: a rate limit, an outage, or something that could not be proven.</summary>
    public const int Indeterminate = 2;

    /// <summary>
    /// The command line was wrong (unknown command, option or value, missing token, bad URL). 64 is EX_USAGE from BSD's
    /// sysexits.h, so scripts can tell a typo from a failed check.
    /// </summary>
    public const int Usage = 64;

    /// <summary>The exit code for a verdict.</summary>
    public static int For(ValidationVerdict verdict) => verdict switch
    {
        ValidationVerdict.Fail => Fail,
        ValidationVerdict.Indeterminate => Indeterminate,
        _ => Success,
    };

    /// <summary>The exit code for several verdicts: the worst one's (fail, then indeterminate, then success).</summary>
    public static int ForWorst(IEnumerable<ValidationVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var codes = verdicts.Select(For).ToHashSet();
        return codes.Contains(Fail) ? Fail : codes.Contains(Indeterminate) ? Indeterminate : Success;
    }
}
