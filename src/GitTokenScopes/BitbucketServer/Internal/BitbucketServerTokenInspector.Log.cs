// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Providers.Internal;
using Microsoft.Extensions.Logging;

namespace GitTokenScopes.BitbucketServer.Internal;

internal sealed partial class BitbucketServerTokenInspector
{
    /// <summary>Bitbucket Server log events: ids 400–499. The token is never logged, only its fingerprint.</summary>
    internal static partial class Log
    {
        internal const int InspectionStartedId = 400;
        internal const int InspectionFinishedId = 401;
        internal const int AnswerReceivedId = 402;
        internal const int ProbeAnsweredId = 403;
        internal const int UnexpectedProbeSuccessId = 404;

        [LoggerMessage(EventId = InspectionStartedId, EventName = "BitbucketServerInspectionStarted", Level = LogLevel.Debug,
            Message = "Inspecting Bitbucket Server token {Fingerprint} at {ApiHost} (token id {TokenIdKnown})")]
        public static partial void InspectionStarted(ILogger logger, string fingerprint, string apiHost, bool tokenIdKnown);

        [LoggerMessage(EventId = InspectionFinishedId, EventName = "BitbucketServerInspectionFinished", Level = LogLevel.Information,
            Message = "Bitbucket Server token {Fingerprint} at {ApiHost}: {Status} (type {TokenType}, {RequestCount} requests)")]
        public static partial void InspectionFinished(ILogger logger, string fingerprint, string apiHost, InspectionStatus status, TokenType tokenType, int requestCount);

        [LoggerMessage(EventId = AnswerReceivedId, EventName = "BitbucketServerAnswerReceived", Level = LogLevel.Trace,
            Message = "Bitbucket Server token {Fingerprint}: {Method} {Path} answered {StatusCode}")]
        public static partial void AnswerReceived(ILogger logger, string fingerprint, string method, string path, int statusCode);

        [LoggerMessage(EventId = ProbeAnsweredId, EventName = "BitbucketServerProbeAnswered", Level = LogLevel.Debug,
            Message = "Bitbucket Server token {Fingerprint}: probe {Permission} on {Repository} answered {StatusCode} ({Verdict})")]
        public static partial void ProbeAnswered(ILogger logger, string fingerprint, string permission, string repository, int statusCode, ProbeVerdict verdict);

        [LoggerMessage(EventId = UnexpectedProbeSuccessId, EventName = "BitbucketServerUnexpectedProbeSuccess", Level = LogLevel.Error,
            Message = "Bitbucket Server token {Fingerprint}: the write probe {Method} for {Permission} on {Repository} answered {StatusCode}; it was built to fail and may have changed the repository")]
        public static partial void UnexpectedProbeSuccess(ILogger logger, string fingerprint, string method, string permission, string repository, int statusCode);
    }
}
