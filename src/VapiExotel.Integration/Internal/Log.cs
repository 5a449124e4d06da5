using Microsoft.Extensions.Logging;

namespace VapiExotel.Integration.Internal;

/// <summary>The integration's log messages (event ids 3000–3999). No secret is ever an argument.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "VapiExotel {Operation}: {Kind} {Target} {Outcome} {ResourceId}")]
    public static partial void Step(ILogger logger, string operation, ResourceKind kind, string target, StepOutcome outcome, string? resourceId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "VapiExotel {Operation}: {Kind} {Target} failed: {Message} Fix: {Fix}")]
    public static partial void StepFailed(ILogger logger, string operation, ResourceKind kind, string target, string message, string fix);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "VapiExotel {Operation} ({Scope}) finished: {Failed} failed, {Changed} changed, of {Steps} steps")]
    public static partial void Finished(ILogger logger, string operation, SetupScope scope, int failed, int changed, int steps);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "VapiExotel call {CallId} is {Status}")]
    public static partial void CallStatus(ILogger logger, string callId, string status);
}
