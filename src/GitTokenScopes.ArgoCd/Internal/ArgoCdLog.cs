// Licensed under the MIT License. See LICENSE in the repository root.

using Microsoft.Extensions.Logging;

namespace GitTokenScopes.ArgoCd.Internal;

/// <summary>
/// The Argo CD audit's log messages, event IDs 500–599. They carry counts, secret names, finding messages (which
/// name secrets and repositories only) and token fingerprints: never a secret value.
/// </summary>
internal static partial class ArgoCdLog
{
    internal const int ResolvedId = 500;
    internal const int FindingId = 501;
    internal const int ValidatingId = 502;
    internal const int ValidatedId = 503;

    [LoggerMessage(EventId = ResolvedId, EventName = "ArgoCdResolved", Level = LogLevel.Information,
        Message = "Argo CD configuration: {SecretCount} repository secrets, {RowCount} repository rows, {FindingCount} findings")]
    public static partial void Resolved(ILogger logger, int secretCount, int rowCount, int findingCount);

    [LoggerMessage(EventId = FindingId, EventName = "ArgoCdFinding", Level = LogLevel.Information, Message = "{Code} ({Severity}): {FindingMessage}")]
    public static partial void Finding(ILogger logger, string code, WarningSeverity severity, string findingMessage);

    [LoggerMessage(EventId = ValidatingId, EventName = "ArgoCdTokenValidating", Level = LogLevel.Debug,
        Message = "Validating {Provider} {Kind} token {Fingerprint} from {SecretNames} for {RepositoryCount} repositories")]
    public static partial void Validating(ILogger logger, string fingerprint, GitProvider provider, TokenKind kind, int repositoryCount, IReadOnlyList<string> secretNames);

    [LoggerMessage(EventId = ValidatedId, EventName = "ArgoCdTokenValidated", Level = LogLevel.Information, Message = "Token {Fingerprint}: {Verdict}")]
    public static partial void Validated(ILogger logger, string fingerprint, ValidationVerdict verdict);
}
