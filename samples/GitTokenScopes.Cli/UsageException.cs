// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Cli;

/// <summary>
/// A command line that parsed but cannot be acted on (no token, a bad URL, a malformed repository or manifest). The
/// command prints its one-line message (or one line per error, see <see cref="Errors"/>) and exits with <see cref="ExitCodes.Usage"/>. The message never quotes a token.
/// </summary>
internal sealed class UsageException : Exception
{
    private readonly IReadOnlyList<string>? _errors;

    /// <summary>Initializes a new instance of the <see cref="UsageException"/> class.</summary>
    public UsageException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="UsageException"/> class.</summary>
    /// <param name="message">One line naming the option or entry at fault.</param>
    public UsageException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="UsageException"/> class with several errors, each reported on its own line.</summary>
    /// <param name="errors">One line per error, each naming the option or entry at fault.</param>
    public UsageException(IReadOnlyList<string> errors)
        : base(string.Join(Environment.NewLine, errors ?? throw new ArgumentNullException(nameof(errors))))
    {
        _errors = errors;
    }

    /// <summary>Initializes a new instance of the <see cref="UsageException"/> class.</summary>
    /// <param name="message">One line naming the option or entry at fault.</param>
    /// <param name="innerException">The cause.</param>
    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets every error, one line each (a manifest's invalid entries are all reported at once).</summary>
    public IReadOnlyList<string> Errors => _errors ?? [Message];
}
