// Licensed under the MIT License. See LICENSE in the repository root.

using Microsoft.Extensions.Logging;

namespace GitTokenScopes.BitbucketCloud.Internal;

internal sealed partial class BitbucketCloudTokenInspector
{
    /// <summary>Bitbucket Cloud log events: ids 300–399. The credential is never logged, only its fingerprint.</summary>
    internal static partial class Log
    {
        internal const int InspectionStartedId = 300;
        internal const int InspectionFinishedId = 301;
        internal const int AnswerReceivedId = 302;

        [LoggerMessage(EventId = InspectionStartedId, EventName = "BitbucketCloudInspectionStarted", Level = LogLevel.Debug,
            Message = "Inspecting Bitbucket Cloud credential {Fingerprint} at {ApiHost} ({Scheme} authentication)")]
        public static partial void InspectionStarted(ILogger logger, string fingerprint, string apiHost, string scheme);

        [LoggerMessage(EventId = InspectionFinishedId, EventName = "BitbucketCloudInspectionFinished", Level = LogLevel.Information,
            Message = "Bitbucket Cloud credential {Fingerprint} at {ApiHost}: {Status} (type {TokenType}, {RequestCount} requests)")]
        public static partial void InspectionFinished(ILogger logger, string fingerprint, string apiHost, InspectionStatus status, TokenType tokenType, int requestCount);

        [LoggerMessage(EventId = AnswerReceivedId, EventName = "BitbucketCloudAnswerReceived", Level = LogLevel.Trace,
            Message = "Bitbucket Cloud credential {Fingerprint}: {Endpoint} answered {StatusCode} (credential type {CredentialType}, scopes {Scopes})")]
        public static partial void AnswerReceived(ILogger logger, string fingerprint, string endpoint, int statusCode, string? credentialType, string? scopes);
    }
}
