// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Cli;

/// <summary>The process exit codes of the CLI.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked; for a check, the token passed or its validation was skipped.</summary>
    public const int Success = 0;

    /// <summary>The token failed: it is rejected, lacks a scope, or cannot reach a repository as needed.</summary>
    public const int Fail = 1;

    /// <summary>
    /// The verdict could not be reached: a rate limit, an outage, something that could not be proven, or
    /// <c>--timeout</c> elapsed first.
    /// </summary>
    public const int Indeterminate = 2;

    /// <summary>
    /// The command line was wrong (unknown command, option or value, missing token, bad URL). 64 is EX_USAGE from BSD's
    /// sysexits.h, so scripts can tell a typo from a failed check.
    /// </summary>
    public const int Usage = 64;

    /// <summary>The run was cancelled (Ctrl-C, SIGINT): 128 + 2, as a shell reports a process that SIGINT ended.</summary>
    public const int Cancelled = 130;

    /// <summary>What each exit code means, for the help pages' "Exit codes:" sections.</summary>
    public static string Describe(int code) => code switch
    {
        Success => "success; for a check, the token passed or its validation was skipped",
        Fail => "a token failed: rejected, missing a scope, or unable to reach a repository as needed",
        Indeterminate => "no verdict: rate-limited, provider unreachable, not provable, or --timeout elapsed",
        Usage => "usage error: unknown command, option or value, no token, bad URL, invalid manifest or values file",
        Cancelled => "cancelled (Ctrl-C)",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not one of the CLI's exit codes."),
    };

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
