using System.Globalization;
using Vapi.Client;

namespace VapiExotel.Integration;

/// <summary>
/// Plain-language meanings and fixes for the Q.850 cause codes Exotel reports (16, 17, 18, 19, 21, 27, 31, 34, 38,
/// 41, 47, 127 and more), SIP response codes, and Vapi's ended reasons, tuned to the Exotel ⇄ Vapi path.
/// </summary>
public static class CallDiagnostics
{
    private static readonly Dictionary<int, CallFailureExplanation> Causes = new[]
    {
        Cause(1, "UNALLOCATED_NUMBER", "The number dialled does not exist.", "Check the number (E.164 with the country code).", FailureSide.Carrier),
        Cause(3, "NO_ROUTE_DESTINATION", "No route to the destination.", "Check the number's country and that the account may call it.", FailureSide.Carrier),
        Cause(16, "NORMAL_CLEARING", "The call was answered and ended normally: a successful call.", "Nothing: this is success.", FailureSide.None),
        Cause(17, "USER_BUSY", "The called party was busy.", "Nothing wrong with the setup; call again later.", FailureSide.None),
        Cause(18, "NO_USER_RESPONSE", "The called side never answered the signalling (no ringing within the timer).",
            "For inbound: check that the trunk's destination points at Vapi and that Vapi answers (assistant bound to the number). For outbound: the callee's network did not respond.",
            FailureSide.SipPath),
        Cause(19, "NO_ANSWER", "It rang, but nobody answered in time.", "Nothing wrong with the setup; raise the ring timeout if it is too short.", FailureSide.None),
        Cause(21, "CALL_REJECTED", "The far end rejected the call.",
            "Usually Vapi refusing it: the number has no assistant, or the phone number is not a BYO number on the integration's credential. Run validate; check the assistant binding.",
            FailureSide.Vapi),
        Cause(27, "DESTINATION_OUT_OF_ORDER", "The destination could not be reached: the far end is down or unreachable.",
            "Check the trunk's destination (host, port 5060/5061, transport) and that Vapi's SIP host resolves; check Vapi's status page.", FailureSide.SipPath),
        Cause(28, "INVALID_NUMBER_FORMAT", "The number is not in a format the network accepts.", "Send E.164 (+91…); check the credential's leading plus is on.", FailureSide.Carrier),
        Cause(31, "NORMAL_UNSPECIFIED", "The call ended for an unspecified normal reason.", "Usually nothing; if calls end early, check the call's logs on both sides.", FailureSide.None),
        Cause(34, "NO_CIRCUIT_AVAILABLE", "No channel was free: capacity or concurrency exhausted.",
            "Check the Exotel trunk's channel limit and Vapi's concurrency limit; retry later.", FailureSide.Exotel),
        Cause(38, "NETWORK_OUT_OF_ORDER", "The network failed for a long time.", "Retry later; if it persists, contact Exotel with the call SID.", FailureSide.Carrier),
        Cause(41, "NORMAL_TEMPORARY_FAILURE", "A temporary failure on the path, often the trunk or its destination.",
            "Check the trunk's destination and transport, Vapi's addresses on the whitelist, and that the same number or destination is not on several trunks (\"Multiple accounts attempting to default route\").",
            FailureSide.SipPath),
        Cause(47, "RESOURCE_UNAVAILABLE", "A resource needed for the call was unavailable.", "Check channel and concurrency limits on both sides; retry later.", FailureSide.Exotel),
        Cause(58, "BEARERCAPABILITY_NOTAVAIL", "The media offered is not available.", "Limit codecs to G.711 (PCMU/PCMA).", FailureSide.SipPath),
        Cause(88, "INCOMPATIBLE_DESTINATION", "The far end cannot handle the call's media.", "Limit codecs to G.711 (PCMU/PCMA); check SRTP settings match.", FailureSide.SipPath),
        Cause(102, "RECOVERY_ON_TIMER_EXPIRE", "A SIP timer ran out: a request went unanswered.",
            "Check the transport and port (TCP 5070 / TLS 443 on Exotel's edge, 5060/5061 on Vapi's), and that nothing drops the traffic.", FailureSide.SipPath),
        Cause(127, "INTERWORKING", "An error between networks, not otherwise specified (often a SIP error mapped to Q.850).",
            "Look at the SIP response in the call's logs (Vapi's pcap or Exotel's call details) and explain that code.", FailureSide.SipPath),
    }.ToDictionary(e => int.Parse(e.Code, CultureInfo.InvariantCulture));

    private static readonly Dictionary<int, (string Name, string Meaning, string Fix, FailureSide Side)> SipResponses = new()
    {
        [401] = ("Unauthorized", "Digest authentication was demanded.", "Set matching credentials on both sides, or rely on the IP whitelist.", FailureSide.SipPath),
        [403] = ("Forbidden", "The peer refused the call: its address is not allowed or the credentials are wrong.",
            "Check Vapi's signalling addresses on the trunk's whitelist and the credential's gateway address (validate shows both).", FailureSide.SipPath),
        [404] = ("Not Found", "The number or SIP user is unknown to the peer.", "Check the number mapping on the trunk and the BYO phone number on Vapi.", FailureSide.SipPath),
        [407] = ("Proxy Authentication Required", "The peer demands digest authentication.", "Configure the outbound authentication plan to match an Exotel trunk credential.", FailureSide.SipPath),
        [408] = ("Request Timeout", "The peer did not answer in time.", "Check the gateway address, port and transport (TCP 5070 or TLS 443 on Exotel).", FailureSide.SipPath),
        [480] = ("Temporarily Unavailable", "The callee or route is unavailable right now.", "Retry later; check the number mapping and the flow.", FailureSide.Carrier),
        [484] = ("Address Incomplete", "The number is incomplete.", "Send E.164 with the country code.", FailureSide.Carrier),
        [486] = ("Busy Here", "The callee is busy.", "Nothing wrong with the setup; call again later.", FailureSide.None),
        [487] = ("Request Terminated", "The call was cancelled before it was answered.", "Nothing wrong with the setup.", FailureSide.None),
        [488] = ("Not Acceptable Here", "The media (codec or SRTP) was refused.", "Limit codecs to G.711 and match SRTP on both sides.", FailureSide.SipPath),
        [503] = ("Service Unavailable", "The peer is overloaded or out of capacity.", "Retry later; check channel and concurrency limits.", FailureSide.SipPath),
        [603] = ("Decline", "The callee declined.", "Nothing wrong with the setup.", FailureSide.None),
    };

    /// <summary>Explains a code as typed by a user: a cause code (<c>21</c>), a SIP response (<c>SIP 403</c>, <c>sip:403</c>) or a Vapi ended reason.</summary>
    /// <param name="codeOrReason">The code or reason.</param>
    /// <returns>The explanation; for an unknown code, one that says so.</returns>
    public static CallFailureExplanation Explain(string codeOrReason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(codeOrReason);
        var text = codeOrReason.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            // Q.850 causes run to 127; SIP responses start at 100, so 100 to 127 read as causes.
            return number > 127 ? ExplainSipResponse(number) : ExplainCause(number);
        }

        var sip = text.StartsWith("sip", StringComparison.OrdinalIgnoreCase) ? text[3..].TrimStart(' ', ':', '-', '_') : null;
        if (sip is not null && int.TryParse(sip, NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            return ExplainSipResponse(status);
        }

        return ExplainEndedReason(new VapiEndedReason(text));
    }

    /// <summary>Explains a Q.850 cause code, as Exotel reports a call's hang-up cause.</summary>
    /// <param name="cause">The cause code.</param>
    /// <returns>The explanation; for an unknown code, one that says so.</returns>
    public static CallFailureExplanation ExplainCause(int cause) =>
        Causes.TryGetValue(cause, out var known)
            ? known
            : new CallFailureExplanation(cause.ToString(CultureInfo.InvariantCulture), "UNKNOWN", "A cause code this SDK does not know.",
                "Look it up in ITU-T Q.850, and quote the call SID to Exotel support.", FailureSide.Unknown);

    /// <summary>Explains a SIP response code (4xx, 5xx, 6xx).</summary>
    /// <param name="status">The SIP status.</param>
    /// <returns>The explanation; for an unknown code, a generic one for its class.</returns>
    public static CallFailureExplanation ExplainSipResponse(int status)
    {
        var code = "SIP " + status.ToString(CultureInfo.InvariantCulture);
        if (SipResponses.TryGetValue(status, out var known))
        {
            return new CallFailureExplanation(code, known.Name, known.Meaning, known.Fix, known.Side);
        }

        return status switch
        {
            >= 200 and < 300 => new(code, "Success", "The request succeeded.", "Nothing.", FailureSide.None),
            >= 400 and < 500 => new(code, "Client error", "The peer refused the request.", "Check addresses, numbers and credentials on the SIP path.", FailureSide.SipPath),
            >= 500 and < 600 => new(code, "Server error", "The peer failed.", "Retry later; honour Retry-After.", FailureSide.SipPath),
            >= 600 and < 700 => new(code, "Global failure", "The callee refused the call everywhere.", "Nothing wrong with the setup.", FailureSide.None),
            _ => new(code, "UNKNOWN", "Not a SIP response code.", "Check the code.", FailureSide.Unknown),
        };
    }

    /// <summary>Explains a Vapi ended reason, with SIP-related reasons tied to the Exotel path.</summary>
    /// <param name="reason">The ended reason.</param>
    /// <returns>The explanation.</returns>
    public static CallFailureExplanation ExplainEndedReason(VapiEndedReason reason)
    {
        var code = reason.Value;
        CallFailureExplanation Make(string meaning, string fix, FailureSide side) => new(code, code, meaning, fix, side);

        if (reason.SipStatusCode is { } status)
        {
            var sip = ExplainSipResponse(status);
            return Make($"Exotel answered Vapi's INVITE with SIP {status} {sip.Name}: {sip.Meaning}", sip.Fix, sip.Side);
        }

        return code switch
        {
            _ when reason == VapiEndedReason.SipCompletedCall || reason == VapiEndedReason.CustomerEndedCall || reason == VapiEndedReason.AssistantEndedCall
                   || reason == VapiEndedReason.AssistantSaidEndCallPhrase || reason == VapiEndedReason.AssistantEndedCallWithHangupTask
                => Make("The call ended normally.", "Nothing: this is success.", FailureSide.None),
            _ when reason == VapiEndedReason.SilenceTimedOut || reason == VapiEndedReason.ExceededMaxDuration || reason == VapiEndedReason.AssistantForwardedCall
                   || reason == VapiEndedReason.ManuallyCanceled
                => Make("The call ended as configured: silence timeout, maximum duration, a transfer, or ended by request.", "Nothing wrong with the setup; adjust the assistant's limits if they are too tight.", FailureSide.None),
            _ when reason == VapiEndedReason.CustomerBusy || reason == VapiEndedReason.CustomerDidNotAnswer || reason == VapiEndedReason.Voicemail
                   || reason == VapiEndedReason.SipInboundCallerHungUpBeforeConnect
                => Make("The customer did not take the call (busy, no answer, voicemail or hung up first).", "Nothing wrong with the setup.", FailureSide.None),
            _ when reason == VapiEndedReason.SipOutboundCallFailedToConnect
                => Make("Vapi's INVITE to Exotel's gateway never connected.",
                    "Check the credential's gateway: Exotel's current IPv4, port 5070 over TCP or 443 over TLS (never UDP), and that the number is mapped to the trunk. Run validate.",
                    FailureSide.SipPath),
            _ when reason == VapiEndedReason.SipInboundCallFailedToConnect || reason == VapiEndedReason.RingingSipInboundCallFailedToConnect
                => Make("A call from Exotel reached Vapi but could not be connected.",
                    "Check that the number is a BYO phone number on the integration's credential with an assistant, and that the trunk's destination is the credential's host.",
                    FailureSide.Vapi),
            _ when reason == VapiEndedReason.StartErrorGetTransport || reason.Value.EndsWith("transport-never-connected", StringComparison.Ordinal)
                => Make("Vapi could not set up the telephony transport for the call.",
                    "Use a BYO phone number on the Exotel credential (Vapi's own SIP numbers cannot call out) and check the gateway; run validate.", FailureSide.SipPath),
            _ when reason == VapiEndedReason.StartErrorGetPhoneNumber => Make("Vapi could not find the phone number to call from.", "Run setup so that the BYO number exists.", FailureSide.Vapi),
            _ when reason == VapiEndedReason.StartErrorGetCustomer => Make("The customer's number was refused.", "Pass the customer's number in E.164.", FailureSide.Vapi),
            _ when reason == VapiEndedReason.StartErrorConcurrencyLimitReached => Make("The Vapi account's concurrency limit was reached.", "Wait for calls to end, or raise the limit.", FailureSide.Vapi),
            _ when reason == VapiEndedReason.StartErrorInsufficientCredits => Make("The Vapi account is out of credit.", "Add credit in the Vapi dashboard.", FailureSide.Vapi),
            _ when reason == VapiEndedReason.AssistantNotFound || reason == VapiEndedReason.AssistantNotValid || reason == VapiEndedReason.NeitherAssistantNorServerSet
                => Make("The number's assistant is missing or invalid.", "Check AssistantId in VapiExotel:Numbers and run setup.", FailureSide.Vapi),
            _ when reason.IsPipelineError => Make("The assistant's AI pipeline failed (model, voice or transcriber).", "Check the assistant's providers and keys in the Vapi dashboard.", FailureSide.Vapi),
            _ when reason.IsProviderFault => Make("Vapi blames the carrier side of the call.", "Check the SIP path (gateway, whitelist, transport) and Exotel's call details.", FailureSide.SipPath),
            _ when reason.IsVapiFault => Make("Vapi blames itself.", "Retry; if it persists, contact Vapi support with the call id.", FailureSide.Vapi),
            _ when reason.IsError => Make("The call failed.", "Look at the call's logs in the Vapi dashboard.", FailureSide.Vapi),
            _ => new(code, code, "A reason this SDK does not classify.", "Look it up in Vapi's documentation of ended reasons.", FailureSide.Unknown),
        };
    }

    private static CallFailureExplanation Cause(int code, string name, string meaning, string fix, FailureSide side) =>
        new(code.ToString(CultureInfo.InvariantCulture), name, meaning, fix, side);
}
