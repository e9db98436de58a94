// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.ArgoCd;

/// <summary>Something about the Argo CD configuration worth knowing: a template that serves more than it says, a tie, a credential the library cannot check.</summary>
public sealed class ArgoCdFinding
{
    /// <summary>Initializes a new instance of the <see cref="ArgoCdFinding"/> class.</summary>
    /// <param name="code">What the finding is about.</param>
    /// <param name="severity">How much it asks of the reader.</param>
    /// <param name="message">One or two sentences naming secrets and repositories, never a secret value.</param>
    /// <param name="secretNames">The secrets concerned.</param>
    /// <exception cref="ArgumentException">Thrown when <paramref name="message"/> is blank.</exception>
    public ArgoCdFinding(ArgoCdFindingCode code, WarningSeverity severity, string message, IEnumerable<string>? secretNames = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        Code = code;
        Severity = severity;
        Message = message;
        SecretNames = [.. secretNames ?? []];
    }

    /// <summary>Gets what the finding is about.</summary>
    public ArgoCdFindingCode Code { get; }

    /// <summary>Gets the code's kebab-case name (<c>over-broad-template</c>, …).</summary>
    public string CodeName => ArgoCdNames.Of(Code);

    /// <summary>Gets how much the finding asks of the reader.</summary>
    public WarningSeverity Severity { get; }

    /// <summary>Gets what was found and what to do, naming secrets and repositories only.</summary>
    public string Message { get; }

    /// <summary>Gets the secrets concerned.</summary>
    public IReadOnlyList<string> SecretNames { get; }

    /// <summary>Returns the code and the message.</summary>
    /// <returns>For example <c>ambiguous-template: …</c>.</returns>
    public override string ToString() => $"{CodeName}: {Message}";
}
