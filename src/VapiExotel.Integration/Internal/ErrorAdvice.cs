using System.Net.Sockets;
using Exotel.VSip;
using Vapi.Client;

namespace VapiExotel.Integration.Internal;

/// <summary>Turns a failed request into a <see cref="StepError"/>: the service's safe message, and what to do.</summary>
internal static class ErrorAdvice
{
    private const string RerunIsSafe = "the integration reads what exists before it changes anything, so nothing is duplicated.";
    private const string MaybeDone = "The request may or may not have taken effect (no answer came, or the server failed after receiving it). ";

    /// <summary>Whether <paramref name="exception"/> is one this translation knows (a service's error, DNS, a rule of the integration).</summary>
    public static bool IsKnown(Exception exception) =>
        exception is ExotelException or VapiException or SocketException or VapiExotelException or ArgumentException;

    /// <param name="exception">The failure.</param>
    /// <param name="kind">What the step was about.</param>
    /// <param name="operation">The operation to rerun: <c>setup</c>, <c>teardown</c>, <c>validate</c>.</param>
    public static StepError For(Exception exception, ResourceKind kind, string operation = "setup")
    {
        var rerun = $"Rerun {operation}: {RerunIsSafe}";
        return exception switch
    {
        ExotelException e => new StepError("Exotel", e.Message, ExotelFix(e, rerun))
        {
            HttpStatus = e.Status, ErrorCode = e.ErrorCode?.ToString(), RequestId = e.RequestId, IsOutcomeUnknown = e.IsOutcomeUnknown,
        },
        VapiException e => new StepError("Vapi", e.Message, VapiFix(e, kind, rerun))
        {
            HttpStatus = e.Status, ErrorCode = e.Error, RequestId = e.RequestId, IsOutcomeUnknown = e.IsOutcomeUnknown,
        },
        SocketException e => new StepError("DNS", $"The gateway's host name did not resolve to an IPv4 address ({e.SocketErrorCode}).",
            "Check VapiExotel:Gateway:Host and this machine's DNS, or set the gateway's IPv4 address directly."),
        _ => new StepError("Integration", exception.Message, "Correct the input named in the message and rerun."),
    };
    }

    /// <summary>
    /// Awaits a read and hands back its value or its known failure, so that one failed read becomes failed steps or
    /// checks instead of an exception that stops the independent ones.
    /// </summary>
    public static async Task<(T? Value, Exception? Error)> AttemptAsync<T>(Task<T> read)
        where T : class
    {
        try
        {
            return (await read.ConfigureAwait(false), null);
        }
        catch (Exception ex) when (IsKnown(ex))
        {
            return (null, ex);
        }
    }

    public static StepError Conflict(string message, string fix) => new("Integration", message, fix) { IsConflict = true };

    private static string ExotelFix(ExotelException e, string rerun) => e switch
    {
        { Status: 401 } => "Check VapiExotel:Exotel:AccountSid, ApiKey and ApiToken (Exotel console → API settings), and the region.",
        { IsRateLimited: true } => "Exotel's rate limit (200 requests a minute) was reached; wait a minute and rerun.",
        { IsOutcomeUnknown: true } => MaybeDone + rerun,
        { IsDuplicate: true } => "Exotel says it exists already (perhaps made by a concurrent run). " + rerun,
        { Status: 403 } => "Exotel refused access: check the credentials, and that VapiExotel:Trunk:Sid belongs to this account.",
        { IsNotFound: true } => "Exotel no longer has it (it was removed meanwhile); rerun setup to create it again.",
        { Status: 0 } => "Exotel could not be reached; check the network and VapiExotel:Exotel:BaseAddress or Region, then rerun.",
        { Status: >= 500 } => "Exotel had a server error. " + rerun,
        _ => "Correct what Exotel names in its message and rerun; quote the request id to Exotel support if it persists.",
    };

    private static string VapiFix(VapiException e, ResourceKind kind, string rerun) => e switch
    {
        { IsAuthenticationFailure: true } => "Check VapiExotel:Vapi:ApiKey (Vapi dashboard → API keys: the private key) and VapiExotel:Vapi:Region.",
        { IsRateLimited: true } => "Vapi's rate limit was reached; wait a little and rerun.",
        { IsOutcomeUnknown: true } => MaybeDone + rerun,
        { IsNotFound: true } when kind == ResourceKind.VapiAssistant => "Check the AssistantId in VapiExotel:Numbers: no such assistant in this Vapi organisation.",
        { IsValidationError: true } when kind == ResourceKind.VapiCredential =>
            "Vapi refused the gateway; check VapiExotel:Gateway:Host (a public IPv4 address or a host name that resolves to one) and Port.",
        { IsValidationError: true } when kind == ResourceKind.VapiPhoneNumber =>
            "Vapi refused the number; check the PhoneNumber and AssistantId in VapiExotel:Numbers.",
        { Status: 0 } => "Vapi could not be reached; check the network and VapiExotel:Vapi:BaseAddress or Region, then rerun.",
        { Status: >= 500 } => "Vapi had a server error. " + rerun,
        _ => "Correct what Vapi names in its message and rerun.",
    };
}
