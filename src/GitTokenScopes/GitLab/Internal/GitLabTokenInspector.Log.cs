// Licensed under the MIT License. See LICENSE in the repository root.

using Microsoft.Extensions.Logging;
using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.GitLab.Internal;

internal sealed partial class GitLabTokenInspector
{
    /// <summary>GitLab log events: ids 200–299. The token is never logged, only its fingerprint.</summary>
    internal static partial class Log
    {
        internal const int InspectionStartedId = 200;
        internal const int InspectionFinishedId = 201;
        internal const int AnswerReceivedId = 202;
        internal const int SelfUnavailableId = 203;
        internal const int UnexpectedProbeSuccessId = 204;

        [LoggerMessage(EventId = InspectionStartedId, EventName = "GitLabInspectionStarted", Level = LogLevel.Debug,
            Message = "Inspecting GitLab token {Fingerprint} at {ApiHost} (type {TokenType})")]
        public static partial void InspectionStarted(ILogger logger, string fingerprint, string apiHost, TokenType tokenType);

        [LoggerMessage(EventId = InspectionFinishedId, EventName = "GitLabInspectionFinished", Level = LogLevel.Information,
            Message = "GitLab token {Fingerprint} at {ApiHost}: {Status} (type {TokenType}, {RequestCount} requests)")]
        public static partial void InspectionFinished(ILogger logger, string fingerprint, string apiHost, InspectionStatus status, TokenType tokenType, int requestCount);

        [LoggerMessage(EventId = AnswerReceivedId, EventName = "ProviderAnswerReceived", Level = LogLevel.Trace,
            Message = "GitLab token {Fingerprint}: {Method} {Endpoint} answered {StatusCode} ({Outcome})")]
        public static partial void AnswerReceived(ILogger logger, string fingerprint, string method, string endpoint, int statusCode, ProviderOutcome outcome);

        [LoggerMessage(EventId = SelfUnavailableId, EventName = "GitLabSelfUnavailable", Level = LogLevel.Information,
            Message = "GitLab token {Fingerprint} at {ApiHost}: GET /personal_access_tokens/self answered 404 (GitLab older than 15.5); inferring scopes from probes")]
        public static partial void SelfUnavailable(ILogger logger, string fingerprint, string apiHost);

        [LoggerMessage(EventId = UnexpectedProbeSuccessId, EventName = "GitLabUnexpectedProbeSuccess", Level = LogLevel.Error,
            Message = "GitLab token {Fingerprint}: the probe {Method} {Endpoint} answered {StatusCode}; it was built to fail and may have created something")]
        public static partial void UnexpectedProbeSuccess(ILogger logger, string fingerprint, string method, string endpoint, int statusCode);
    }
}
