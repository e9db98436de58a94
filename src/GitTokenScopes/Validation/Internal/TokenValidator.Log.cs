// Licensed under the MIT License. See LICENSE in the repository root.

using Microsoft.Extensions.Logging;

namespace GitTokenScopes.Validation.Internal;

/// <summary>The validator's log events: ids 1–99 are reserved for it (GitHub 100–199, GitLab 200–299, Bitbucket Cloud 300–399, Bitbucket Server 400–499).</summary>
internal sealed partial class TokenValidator
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "ValidationStarted", Level = LogLevel.Debug,
            Message = "Validating {Kind} token {Fingerprint} for {Provider} ({RuntimeCount} runtime(s), {RepositoryCount} repositories)")]
        public static partial void ValidationStarted(ILogger logger, TokenKind kind, string fingerprint, GitProvider provider, int runtimeCount, int repositoryCount);

        [LoggerMessage(EventId = 2, EventName = "ValidationFinished", Level = LogLevel.Information,
            Message = "Validated {Kind} token {Fingerprint} for {Provider}: {Verdicts} in {ElapsedMilliseconds:0.#} ms")]
        public static partial void ValidationFinished(ILogger logger, TokenKind kind, string fingerprint, GitProvider provider, string verdicts, double elapsedMilliseconds);

        [LoggerMessage(EventId = 3, EventName = "ValidationSkipped", Level = LogLevel.Warning,
            Message = "Validation of {Kind} token {Fingerprint} for {Provider} was skipped by policy (skipValidation); no provider was asked")]
        public static partial void ValidationSkipped(ILogger logger, TokenKind kind, string fingerprint, GitProvider provider);

        [LoggerMessage(EventId = 4, EventName = "InspectionCacheHit", Level = LogLevel.Debug,
            Message = "Inspection of token {Fingerprint} for {Provider} came from the cache (checked at {CheckedAt:O})")]
        public static partial void CacheHit(ILogger logger, string fingerprint, GitProvider provider, DateTimeOffset checkedAt);

        [LoggerMessage(EventId = 5, EventName = "InspectorFailed", Level = LogLevel.Error,
            Message = "The {Provider} inspector threw {ExceptionType} for token {Fingerprint}; reported as a provider error")]
        public static partial void InspectorFailed(ILogger logger, string fingerprint, GitProvider provider, string exceptionType);

        [LoggerMessage(EventId = 6, EventName = "CacheInvalidated", Level = LogLevel.Information,
            Message = "Forgot the cached inspections of token {Fingerprint} for {Provider}")]
        public static partial void Invalidated(ILogger logger, string fingerprint, GitProvider provider);

        [LoggerMessage(EventId = 8, EventName = "CacheFailed", Level = LogLevel.Warning,
            Message = "The inspection cache failed for token {Fingerprint} for {Provider} ({ExceptionType}); the token was inspected without it")]
        public static partial void CacheFailed(ILogger logger, string fingerprint, GitProvider provider, string exceptionType);
    }
}
