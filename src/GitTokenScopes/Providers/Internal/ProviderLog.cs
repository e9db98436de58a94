// Licensed under the MIT License. See LICENSE in the repository root.

using Microsoft.Extensions.Logging;

namespace GitTokenScopes.Providers.Internal;

/// <summary>
/// The inspectors' log events, the same for every provider (the category is the inspector's type): ids 90–99 (GitLab's own, 95, beside it; the
/// validator's are 1–89). The token is never logged, only its fingerprint.
/// </summary>
internal static partial class ProviderLog
{
    public const int UnexpectedProbeSuccessId = 94;

    [LoggerMessage(EventId = 90, EventName = "InspectionStarted", Level = LogLevel.Debug,
        Message = "Inspecting {Provider} token {Fingerprint} at {ApiHost} (type {TokenType})")]
    public static partial void InspectionStarted(ILogger logger, string provider, string fingerprint, string apiHost, TokenType tokenType);

    [LoggerMessage(EventId = 91, EventName = "InspectionFinished", Level = LogLevel.Information,
        Message = "{Provider} token {Fingerprint} at {ApiHost}: {Status} (type {TokenType}, {RequestCount} requests)")]
    public static partial void InspectionFinished(ILogger logger, string provider, string fingerprint, string apiHost, InspectionStatus status, TokenType tokenType, int requestCount);

    [LoggerMessage(EventId = 92, EventName = "ProviderAnswerReceived", Level = LogLevel.Trace,
        Message = "{Provider} token {Fingerprint}: {Method} {Path} answered {StatusCode}")]
    public static partial void AnswerReceived(ILogger logger, string provider, string fingerprint, string method, string path, int statusCode);

    [LoggerMessage(EventId = 93, EventName = "ProbeAnswered", Level = LogLevel.Debug,
        Message = "{Provider} token {Fingerprint}: probe {Permission} on {Repository} answered {StatusCode} ({Verdict})")]
    public static partial void ProbeAnswered(ILogger logger, string provider, string fingerprint, string permission, string repository, int statusCode, ProbeVerdict verdict);

    [LoggerMessage(EventId = UnexpectedProbeSuccessId, EventName = "UnexpectedProbeSuccess", Level = LogLevel.Error,
        Message = "{Provider} token {Fingerprint}: the write probe {Probe} answered {StatusCode}; it was built to fail and may have changed something")]
    public static partial void UnexpectedProbeSuccess(ILogger logger, string provider, string fingerprint, string probe, int statusCode);

}
