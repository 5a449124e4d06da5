using Microsoft.Extensions.Logging;

namespace VapiExotel.Shared.Http;

/// <summary>
/// The log messages of the shared HTTP code, with the compiling package's service name and event ids (Exotel 1001–1009,
/// Vapi 2001–2009). Paths are templates: no ids, phone numbers or secrets ever reach a log line.
/// </summary>
internal static partial class HttpLog
{
    [LoggerMessage(EventId = PackageInfo.EventIdBase + 1, Level = LogLevel.Debug,
        Message = PackageInfo.Service + " {Method} {PathTemplate} answered {Status} in {ElapsedMs:0.0} ms after {Attempts} attempt(s)")]
    public static partial void RequestCompleted(ILogger logger, string method, string pathTemplate, int status, double elapsedMs, int attempts);

    [LoggerMessage(EventId = PackageInfo.EventIdBase + 2, Level = LogLevel.Debug,
        Message = PackageInfo.Service + " {Method} {PathTemplate} got no answer after {ElapsedMs:0.0} ms and {Attempts} attempt(s): {ErrorType}")]
    public static partial void RequestFailed(ILogger logger, string method, string pathTemplate, double elapsedMs, int attempts, string errorType);

    [LoggerMessage(EventId = PackageInfo.EventIdBase + 3, Level = LogLevel.Information,
        Message = PackageInfo.Service + " {Method} {PathTemplate} attempt {Attempt} got {Result}; retrying in {DelayMs:0} ms")]
    public static partial void Retrying(ILogger logger, string method, string pathTemplate, int attempt, string result, double delayMs);

    [LoggerMessage(EventId = PackageInfo.EventIdBase + 4, Level = LogLevel.Debug,
        Message = PackageInfo.Service + " {Method} {PathTemplate} got {Result}; not retried: {Reason}")]
    public static partial void NotRetried(ILogger logger, string method, string pathTemplate, string result, string reason);

    [LoggerMessage(EventId = PackageInfo.EventIdBase + 5, Level = LogLevel.Warning,
        Message = PackageInfo.Service + " circuit breaker opened after {Result}: requests are refused for {BreakSeconds:0.###} s")]
    public static partial void CircuitOpened(ILogger logger, string result, double breakSeconds);

    [LoggerMessage(EventId = PackageInfo.EventIdBase + 6, Level = LogLevel.Information,
        Message = PackageInfo.Service + " circuit breaker half-open: the next request is a trial")]
    public static partial void CircuitHalfOpened(ILogger logger);

    [LoggerMessage(EventId = PackageInfo.EventIdBase + 7, Level = LogLevel.Information,
        Message = PackageInfo.Service + " circuit breaker closed: requests flow again")]
    public static partial void CircuitClosed(ILogger logger);

    [LoggerMessage(EventId = PackageInfo.EventIdBase + 8, Level = LogLevel.Debug,
        Message = PackageInfo.Service + " {Method} {PathTemplate} waited {WaitMs:0} ms for the client-side rate limit")]
    public static partial void RateLimited(ILogger logger, string method, string pathTemplate, double waitMs);

    [LoggerMessage(EventId = PackageInfo.EventIdBase + 9, Level = LogLevel.Warning,
        Message = PackageInfo.Service + " rate limit for {Family} is shared with an earlier client of the same account, whose limits apply: {PermitLimit} per {WindowSeconds:0.###} s, {ConcurrencyLimit} in flight")]
    public static partial void RateLimitShared(ILogger logger, string family, int permitLimit, double windowSeconds, int concurrencyLimit);
}
