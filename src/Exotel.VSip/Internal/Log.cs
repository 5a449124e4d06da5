using Microsoft.Extensions.Logging;

namespace Exotel.VSip.Internal;

/// <summary>The package's log messages (event ids 1000–1999). Paths are templates: no ids, numbers or secrets.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Exotel {Method} {PathTemplate} answered {Status} in {ElapsedMs:0.0} ms")]
    public static partial void RequestCompleted(ILogger logger, string method, string pathTemplate, int status, double elapsedMs);
}
