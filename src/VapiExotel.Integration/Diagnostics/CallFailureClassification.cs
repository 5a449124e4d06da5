using Exotel.VSip;
using Vapi.Client;

namespace VapiExotel.Integration;

/// <summary>The most likely cause of a call's outcome, as far as its codes tell; each comes with its fix.</summary>
public enum LikelyCause
{
    /// <summary>Not a failure: the call was answered and ended normally, or was cancelled by request.</summary>
    None,

    /// <summary>The called party was busy.</summary>
    Busy,

    /// <summary>It rang, but nobody answered (or voicemail took it).</summary>
    NoAnswer,

    /// <summary>SIP digest credentials are missing or do not match on both sides (401, 407).</summary>
    Credentials,

    /// <summary>The peer refused the caller's address: Vapi's addresses are not on the trunk's whitelist (403).</summary>
    IpAllowlist,

    /// <summary>The number is malformed or incomplete: send E.164 with the country code.</summary>
    NumberFormat,

    /// <summary>The number is not mapped where it should be: on the trunk, or as a BYO phone number on Vapi.</summary>
    NumberMapping,

    /// <summary>No channel or concurrency slot was free, or the account is out of credit.</summary>
    Capacity,

    /// <summary>The assistant is missing, invalid, or its AI pipeline failed.</summary>
    Assistant,

    /// <summary>The SIP signalling never got through: gateway address, port, transport or destination.</summary>
    Transport,

    /// <summary>The media (codecs or SRTP) was refused.</summary>
    Media,

    /// <summary>The carrier network beyond Exotel failed.</summary>
    Carrier,

    /// <summary>The service failed on its own side; retry, then contact its support.</summary>
    ServiceFault,

    /// <summary>The codes say too little to tell.</summary>
    Unknown,
}

/// <summary>
/// One typed verdict on how a call ended: which side refused it (<see cref="Side"/>), the code that says so
/// (<see cref="Code"/>: a Q.850 cause, a SIP response, a Vapi ended reason or an Exotel status), the most likely cause
/// and its fix. Build one with <see cref="FromEndedReason"/>, <see cref="FromExotelStatus"/>, <see cref="FromCause"/>,
/// <see cref="FromSipResponse"/>, or for both sides of a call at once, <see cref="Combine"/>.
/// </summary>
/// <param name="Side">Where the failure lies; <see cref="FailureSide.None"/> when nothing failed.</param>
/// <param name="Code">The code the verdict rests on.</param>
/// <param name="LikelyCause">The most likely cause.</param>
/// <param name="Meaning">What the code means, in plain words.</param>
/// <param name="Fix">What to check or do; for a normal outcome, that nothing is wrong.</param>
public sealed record CallFailureClassification(FailureSide Side, string Code, LikelyCause LikelyCause, string Meaning, string Fix)
{
    /// <summary>Whether the call failed (as opposed to a normal hang-up, a cancellation, busy or no answer).</summary>
    public bool IsFailure => Side is not FailureSide.None;

    /// <summary>Classifies a Vapi ended reason, with the SIP status inside provider-fault reasons taken into account.</summary>
    /// <param name="reason">The ended reason.</param>
    /// <returns>The classification.</returns>
    public static CallFailureClassification FromEndedReason(VapiEndedReason reason)
    {
        var explanation = CallDiagnostics.ExplainEndedReason(reason);
        var cause = reason switch
        {
            _ when reason.SipStatusCode is { } status => SipCause(status),
            _ when reason == VapiEndedReason.CustomerBusy => LikelyCause.Busy,
            _ when reason == VapiEndedReason.CustomerDidNotAnswer || reason == VapiEndedReason.Voicemail => LikelyCause.NoAnswer,
            _ when explanation.Side is FailureSide.None => LikelyCause.None,
            _ when reason == VapiEndedReason.StartErrorGetCustomer || reason == VapiEndedReason.StartErrorVapiNumberInternational => LikelyCause.NumberFormat,
            _ when reason == VapiEndedReason.StartErrorGetPhoneNumber => LikelyCause.NumberMapping,
            _ when reason == VapiEndedReason.StartErrorConcurrencyLimitReached || reason == VapiEndedReason.StartErrorInsufficientCredits => LikelyCause.Capacity,
            _ when reason == VapiEndedReason.AssistantNotFound || reason == VapiEndedReason.AssistantNotValid
                   || reason == VapiEndedReason.NeitherAssistantNorServerSet || reason == VapiEndedReason.AssistantRequestFailed
                   || reason.IsPipelineError => LikelyCause.Assistant,
            _ when reason == VapiEndedReason.SipInboundCallFailedToConnect || reason == VapiEndedReason.RingingSipInboundCallFailedToConnect => LikelyCause.NumberMapping,
            _ when reason == VapiEndedReason.SipOutboundCallFailedToConnect || reason == VapiEndedReason.StartErrorGetTransport
                   || reason.Value.EndsWith("transport-never-connected", StringComparison.Ordinal) => LikelyCause.Transport,
            _ when reason.IsVapiFault => LikelyCause.ServiceFault,
            _ => LikelyCause.Unknown,
        };
        return From(explanation, cause);
    }

    /// <summary>Classifies a Q.850 cause code, as Exotel reports a hang-up cause.</summary>
    /// <param name="cause">The cause code.</param>
    /// <returns>The classification.</returns>
    public static CallFailureClassification FromCause(int cause) => From(CallDiagnostics.ExplainCause(cause), cause switch
    {
        16 or 31 => LikelyCause.None,
        17 => LikelyCause.Busy,
        19 => LikelyCause.NoAnswer,
        1 or 28 => LikelyCause.NumberFormat,
        21 => LikelyCause.Assistant,
        18 or 27 or 41 or 102 => LikelyCause.Transport,
        34 or 47 => LikelyCause.Capacity,
        58 or 88 => LikelyCause.Media,
        3 or 38 => LikelyCause.Carrier,
        _ => LikelyCause.Unknown,
    });

    /// <summary>Classifies a SIP response code.</summary>
    /// <param name="status">The SIP status, such as 403.</param>
    /// <returns>The classification.</returns>
    public static CallFailureClassification FromSipResponse(int status) => From(CallDiagnostics.ExplainSipResponse(status), SipCause(status));

    /// <summary>
    /// Classifies an Exotel call status; a Q.850 <paramref name="cause"/>, when known, makes it precise. A bare
    /// <c>failed</c> blames Exotel's side with an unknown cause: its call details or a cause code tell more.
    /// </summary>
    /// <param name="status">The call's final status.</param>
    /// <param name="cause">The hang-up cause, when known.</param>
    /// <returns>The classification.</returns>
    public static CallFailureClassification FromExotelStatus(ExotelCallStatus status, int? cause = null)
    {
        if (cause is { } code)
        {
            return FromCause(code);
        }

        var code2 = "Exotel " + status.Value;
        return status switch
        {
            _ when status == ExotelCallStatus.Completed => new(FailureSide.None, code2, LikelyCause.None, "The call was answered and ended normally.", "Nothing: this is success."),
            _ when status == ExotelCallStatus.Canceled => new(FailureSide.None, code2, LikelyCause.None, "The call was cancelled before it was answered.", "Nothing wrong with the setup."),
            _ when status == ExotelCallStatus.Busy => new(FailureSide.None, code2, LikelyCause.Busy, "The called party was busy.", "Nothing wrong with the setup; call again later."),
            _ when status == ExotelCallStatus.NoAnswer => new(FailureSide.None, code2, LikelyCause.NoAnswer, "It rang, but nobody answered in time.", "Nothing wrong with the setup; raise the ring timeout if it is too short."),
            _ when status == ExotelCallStatus.Failed => new(FailureSide.Exotel, code2, LikelyCause.Unknown, "Exotel could not connect the call.",
                "Read the call's details (legs and their statuses) and the Vapi call's ended reason; check the number's format (E.164), the trunk's number mapping and its whitelist. Run validate."),
            _ => new(FailureSide.Unknown, code2, LikelyCause.Unknown, "The call has not ended, or ended with a status this SDK does not know.", "Follow the call until it ends."),
        };
    }

    /// <summary>
    /// One verdict for a call seen from both sides: a failure is preferred to a normal outcome, and Vapi's ended
    /// reason (which names the SIP status or the assistant) to Exotel's bare status; busy and no answer come next.
    /// </summary>
    /// <param name="exotel">Exotel's verdict, when the call was followed there.</param>
    /// <param name="vapi">Vapi's verdict, when the call was followed there.</param>
    /// <returns>The combined verdict.</returns>
    /// <exception cref="ArgumentException">Both are null.</exception>
    public static CallFailureClassification Combine(CallFailureClassification? exotel, CallFailureClassification? vapi)
    {
        if (exotel is null || vapi is null)
        {
            return vapi ?? exotel ?? throw new ArgumentException("Give at least one side's classification.", nameof(exotel));
        }

        if (vapi.IsFailure && vapi.LikelyCause is not LikelyCause.Unknown)
        {
            return vapi;
        }

        if (exotel.IsFailure && exotel.LikelyCause is not LikelyCause.Unknown)
        {
            return exotel;
        }

        if (vapi.IsFailure || exotel.IsFailure)
        {
            return vapi.IsFailure ? vapi : exotel;
        }

        return vapi.LikelyCause is not LikelyCause.None ? vapi : exotel;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Side}: {Code} ({LikelyCause}): {Meaning} Fix: {Fix}";

    private static CallFailureClassification From(CallFailureExplanation explanation, LikelyCause cause) =>
        new(explanation.Side, explanation.Code, cause, explanation.Meaning, explanation.Fix);

    private static LikelyCause SipCause(int status) => status switch
    {
        401 or 407 => LikelyCause.Credentials,
        403 => LikelyCause.IpAllowlist,
        404 => LikelyCause.NumberMapping,
        484 => LikelyCause.NumberFormat,
        408 => LikelyCause.Transport,
        486 or 600 => LikelyCause.Busy,
        480 => LikelyCause.Carrier,
        488 => LikelyCause.Media,
        503 => LikelyCause.Capacity,
        487 or 603 or (>= 200 and < 300) => LikelyCause.None,
        _ => LikelyCause.Unknown,
    };
}
