// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Cli;

/// <summary>The process exit codes of the CLI.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>
    /// The command line was wrong (unknown command, option or value). 64 is EX_USAGE from BSD's sysexits.h, so
    /// scripts can tell a typo from a failed check.
    /// </summary>
    public const int Usage = 64;
}
