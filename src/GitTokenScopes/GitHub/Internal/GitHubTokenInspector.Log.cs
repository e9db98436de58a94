// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Providers.Internal;
using Microsoft.Extensions.Logging;

namespace GitTokenScopes.GitHub.Internal;

internal sealed partial class GitHubTokenInspector
{
    /// <summary>GitHub log events: ids 100–199. The token is never logged, only its fingerprint.</summary>
    internal static partial class Log
    {
        internal const int InspectionStartedId = 100;
        internal const int InspectionFinishedId = 101;
        internal const int ProbeAnsweredId = 102;
        internal const int UnexpectedProbeSuccessId = 103;

        [LoggerMessage(EventId = InspectionStartedId, EventName = "GitHubInspectionStarted", Level = LogLevel.Debug,
            Message = "Inspecting GitHub token {Fingerprint} at {ApiHost} (type {TokenType})")]
        public static partial void InspectionStarted(ILogger logger, string fingerprint, string apiHost, TokenType tokenType);

        [LoggerMessage(EventId = InspectionFinishedId, EventName = "GitHubInspectionFinished", Level = LogLevel.Information,
            Message = "GitHub token {Fingerprint} at {ApiHost}: {Status} (type {TokenType}, {RequestCount} requests)")]
        public static partial void InspectionFinished(ILogger logger, string fingerprint, string apiHost, InspectionStatus status, TokenType tokenType, int requestCount);

        [LoggerMessage(EventId = ProbeAnsweredId, EventName = "GitHubProbeAnswered", Level = LogLevel.Debug,
            Message = "GitHub token {Fingerprint}: probe {Permission} on {Repository} answered {StatusCode} ({Verdict})")]
        public static partial void ProbeAnswered(ILogger logger, string fingerprint, string permission, string repository, int statusCode, ProbeVerdict verdict);

        [LoggerMessage(EventId = UnexpectedProbeSuccessId, EventName = "GitHubUnexpectedProbeSuccess", Level = LogLevel.Error,
            Message = "GitHub token {Fingerprint}: the write probe {Method} for {Permission} on {Repository} answered {StatusCode}; it was built to fail and may have changed the repository")]
        public static partial void UnexpectedProbeSuccess(ILogger logger, string fingerprint, string method, string permission, string repository, int statusCode);
    }
}
