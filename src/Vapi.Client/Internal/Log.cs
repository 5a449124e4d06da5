using Microsoft.Extensions.Logging;

namespace Vapi.Client.Internal;

/// <summary>The package's log messages (event ids 2000–2999). Paths are templates: no ids, numbers or secrets.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Vapi {Method} {PathTemplate} answered {Status} in {ElapsedMs:0.0} ms")]
    public static partial void RequestCompleted(ILogger logger, string method, string pathTemplate, int status, double elapsedMs);
}
