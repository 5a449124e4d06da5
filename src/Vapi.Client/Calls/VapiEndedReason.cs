using System.Text.Json.Serialization;
using VapiExotel.Shared;

namespace Vapi.Client;

/// <summary>Why a call ended. Vapi has hundreds of reasons and keeps adding (and removing) them, so this is an open value: unknown reasons are kept verbatim, and the <c>Is…</c> helpers classify any reason by its documented prefixes and markers.</summary>
[JsonConverter(typeof(StringValueJsonConverter<VapiEndedReason>))]
public readonly record struct VapiEndedReason : IStringValue<VapiEndedReason>
{
    private readonly string? _value;

    /// <summary>Wraps a raw value.</summary>
    public VapiEndedReason(string value) => _value = StringValue.Store(value, nameof(value));

    /// <summary>The raw value, exactly as Vapi sent it.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary><c>call.in-progress.sip-completed-call</c>: the SIP call completed normally</summary>
    public static VapiEndedReason SipCompletedCall { get; } = new("call.in-progress.sip-completed-call");

    /// <summary><c>call.in-progress.error-sip-inbound-call-failed-to-connect</c>.</summary>
    public static VapiEndedReason SipInboundCallFailedToConnect { get; } = new("call.in-progress.error-sip-inbound-call-failed-to-connect");

    /// <summary><c>call.in-progress.error-sip-outbound-call-failed-to-connect</c>: the carrier refused or did not answer the INVITE (any SIP code without a specific reason, such as 404)</summary>
    public static VapiEndedReason SipOutboundCallFailedToConnect { get; } = new("call.in-progress.error-sip-outbound-call-failed-to-connect");

    /// <summary><c>call.ringing.error-sip-inbound-call-failed-to-connect</c>.</summary>
    public static VapiEndedReason RingingSipInboundCallFailedToConnect { get; } = new("call.ringing.error-sip-inbound-call-failed-to-connect");

    /// <summary><c>call.ringing.sip-inbound-caller-hungup-before-call-connect</c>.</summary>
    public static VapiEndedReason SipInboundCallerHungUpBeforeConnect { get; } = new("call.ringing.sip-inbound-caller-hungup-before-call-connect");

    /// <summary><c>call.in-progress.error-providerfault-outbound-sip-403-forbidden</c>: the carrier refused the call: IP allow-list or caller ID</summary>
    public static VapiEndedReason OutboundSip403Forbidden { get; } = new("call.in-progress.error-providerfault-outbound-sip-403-forbidden");

    /// <summary><c>call.in-progress.error-providerfault-outbound-sip-407-proxy-authentication-required</c>: the carrier wants digest credentials: set the outbound authentication plan</summary>
    public static VapiEndedReason OutboundSip407ProxyAuthenticationRequired { get; } = new("call.in-progress.error-providerfault-outbound-sip-407-proxy-authentication-required");

    /// <summary><c>call.in-progress.error-providerfault-outbound-sip-408-request-timeout</c>: the carrier did not answer: a wrong gateway, port or protocol (UDP to a TCP-only edge)</summary>
    public static VapiEndedReason OutboundSip408RequestTimeout { get; } = new("call.in-progress.error-providerfault-outbound-sip-408-request-timeout");

    /// <summary><c>call.in-progress.error-providerfault-outbound-sip-480-temporarily-unavailable</c>.</summary>
    public static VapiEndedReason OutboundSip480TemporarilyUnavailable { get; } = new("call.in-progress.error-providerfault-outbound-sip-480-temporarily-unavailable");

    /// <summary><c>call.in-progress.error-providerfault-outbound-sip-503-service-unavailable</c>.</summary>
    public static VapiEndedReason OutboundSip503ServiceUnavailable { get; } = new("call.in-progress.error-providerfault-outbound-sip-503-service-unavailable");

    /// <summary><c>call.in-progress.error-providerfault-transport-never-connected</c>.</summary>
    public static VapiEndedReason ProviderFaultTransportNeverConnected { get; } = new("call.in-progress.error-providerfault-transport-never-connected");

    /// <summary><c>call.in-progress.error-vapifault-transport-never-connected</c>.</summary>
    public static VapiEndedReason VapiFaultTransportNeverConnected { get; } = new("call.in-progress.error-vapifault-transport-never-connected");

    /// <summary><c>call.in-progress.error-vapifault-transport-connected-but-call-not-active</c>.</summary>
    public static VapiEndedReason VapiFaultTransportConnectedButCallNotActive { get; } = new("call.in-progress.error-vapifault-transport-connected-but-call-not-active");

    /// <summary><c>call.in-progress.error-vapifault-call-started-but-connection-to-transport-missing</c>.</summary>
    public static VapiEndedReason VapiFaultCallStartedButConnectionToTransportMissing { get; } = new("call.in-progress.error-vapifault-call-started-but-connection-to-transport-missing");

    /// <summary><c>call.start.error-get-transport</c>: for example an outbound call from a free Vapi number, which cannot dial out</summary>
    public static VapiEndedReason StartErrorGetTransport { get; } = new("call.start.error-get-transport");

    /// <summary><c>call.start.error-get-phone-number</c>.</summary>
    public static VapiEndedReason StartErrorGetPhoneNumber { get; } = new("call.start.error-get-phone-number");

    /// <summary><c>call.start.error-get-customer</c>.</summary>
    public static VapiEndedReason StartErrorGetCustomer { get; } = new("call.start.error-get-customer");

    /// <summary><c>call.start.error-vapi-number-international</c>.</summary>
    public static VapiEndedReason StartErrorVapiNumberInternational { get; } = new("call.start.error-vapi-number-international");

    /// <summary><c>call.start.error-subscription-concurrency-limit-reached</c>: the organisation's concurrent-call limit was reached</summary>
    public static VapiEndedReason StartErrorConcurrencyLimitReached { get; } = new("call.start.error-subscription-concurrency-limit-reached");

    /// <summary><c>call.start.error-subscription-insufficient-credits</c>.</summary>
    public static VapiEndedReason StartErrorInsufficientCredits { get; } = new("call.start.error-subscription-insufficient-credits");

    /// <summary><c>call.start.error-fraud-check-failed</c>.</summary>
    public static VapiEndedReason StartErrorFraudCheckFailed { get; } = new("call.start.error-fraud-check-failed");

    /// <summary><c>customer-ended-call</c>.</summary>
    public static VapiEndedReason CustomerEndedCall { get; } = new("customer-ended-call");

    /// <summary><c>customer-busy</c>.</summary>
    public static VapiEndedReason CustomerBusy { get; } = new("customer-busy");

    /// <summary><c>customer-did-not-answer</c>.</summary>
    public static VapiEndedReason CustomerDidNotAnswer { get; } = new("customer-did-not-answer");

    /// <summary><c>assistant-ended-call</c>.</summary>
    public static VapiEndedReason AssistantEndedCall { get; } = new("assistant-ended-call");

    /// <summary><c>assistant-said-end-call-phrase</c>.</summary>
    public static VapiEndedReason AssistantSaidEndCallPhrase { get; } = new("assistant-said-end-call-phrase");

    /// <summary><c>assistant-ended-call-with-hangup-task</c>.</summary>
    public static VapiEndedReason AssistantEndedCallWithHangupTask { get; } = new("assistant-ended-call-with-hangup-task");

    /// <summary><c>assistant-forwarded-call</c>.</summary>
    public static VapiEndedReason AssistantForwardedCall { get; } = new("assistant-forwarded-call");

    /// <summary><c>silence-timed-out</c>.</summary>
    public static VapiEndedReason SilenceTimedOut { get; } = new("silence-timed-out");

    /// <summary><c>exceeded-max-duration</c>.</summary>
    public static VapiEndedReason ExceededMaxDuration { get; } = new("exceeded-max-duration");

    /// <summary><c>manually-canceled</c>: ended through the control URL or the dashboard</summary>
    public static VapiEndedReason ManuallyCanceled { get; } = new("manually-canceled");

    /// <summary><c>voicemail</c>.</summary>
    public static VapiEndedReason Voicemail { get; } = new("voicemail");

    /// <summary><c>call-deleted</c>.</summary>
    public static VapiEndedReason CallDeleted { get; } = new("call-deleted");

    /// <summary><c>call-start-error-neither-assistant-nor-server-set</c>.</summary>
    public static VapiEndedReason NeitherAssistantNorServerSet { get; } = new("call-start-error-neither-assistant-nor-server-set");

    /// <summary><c>assistant-request-failed</c>.</summary>
    public static VapiEndedReason AssistantRequestFailed { get; } = new("assistant-request-failed");

    /// <summary><c>assistant-not-found</c>.</summary>
    public static VapiEndedReason AssistantNotFound { get; } = new("assistant-not-found");

    /// <summary><c>assistant-not-valid</c>.</summary>
    public static VapiEndedReason AssistantNotValid { get; } = new("assistant-not-valid");

    /// <summary><c>worker-shutdown</c>.</summary>
    public static VapiEndedReason WorkerShutdown { get; } = new("worker-shutdown");

    /// <summary><c>twilio-failed-to-connect-call</c>.</summary>
    public static VapiEndedReason TwilioFailedToConnectCall { get; } = new("twilio-failed-to-connect-call");

    /// <summary><c>vonage-failed-to-connect-call</c>.</summary>
    public static VapiEndedReason VonageFailedToConnectCall { get; } = new("vonage-failed-to-connect-call");

    /// <summary>True for a SIP or telephony-transport failure: any reason naming <c>sip</c> (other than a normal <c>sip-completed-call</c> or a caller hanging up) or a transport that never connected.</summary>
    [JsonIgnore]
    public bool IsSipFailure =>
        (Contains("sip") && this != SipCompletedCall && this != SipInboundCallerHungUpBeforeConnect) || Contains("transport-never-connected") || this == StartErrorGetTransport;

    /// <summary>True when Vapi blames the carrier or provider (<c>-providerfault-</c>).</summary>
    [JsonIgnore]
    public bool IsProviderFault => Contains("-providerfault-");

    /// <summary>True when Vapi blames itself (<c>-vapifault-</c>).</summary>
    [JsonIgnore]
    public bool IsVapiFault => Contains("-vapifault-");

    /// <summary>True when the call failed before it started (<c>call.start.*</c>, or <c>call-start-error-*</c>).</summary>
    [JsonIgnore]
    public bool IsStartError => Value.StartsWith("call.start.", StringComparison.Ordinal) || Value.StartsWith("call-start-error", StringComparison.Ordinal);

    /// <summary>True for a failure of the AI pipeline (<c>pipeline-error-*</c>: the model, the voice or the transcriber).</summary>
    [JsonIgnore]
    public bool IsPipelineError => Value.StartsWith("pipeline-error-", StringComparison.Ordinal) || Value.Contains(".pipeline-error-", StringComparison.Ordinal);

    /// <summary>True for any reason that says an error or a fault happened (as opposed to a normal hang-up, a busy line or voicemail).</summary>
    [JsonIgnore]
    public bool IsError =>
        Contains("error") || Contains("fault") || Contains("failed") || this == AssistantNotFound || this == AssistantNotValid || this == WorkerShutdown;

    /// <summary>
    /// The SIP response code named in the reason (403, 407, 408, 480, 503…), or null. Vapi names only some codes;
    /// others surface as <see cref="SipOutboundCallFailedToConnect"/>.
    /// </summary>
    [JsonIgnore]
    public int? SipStatusCode
    {
        get
        {
            const string marker = "-sip-";
            var at = Value.IndexOf(marker, StringComparison.Ordinal);
            while (at >= 0)
            {
                var start = at + marker.Length;
                if (Value.Length >= start + 3 && char.IsAsciiDigit(Value[start]) && char.IsAsciiDigit(Value[start + 1]) && char.IsAsciiDigit(Value[start + 2])
                    && (Value.Length == start + 3 || Value[start + 3] == '-'))
                {
                    return (Value[start] - '0') * 100 + (Value[start + 1] - '0') * 10 + (Value[start + 2] - '0');
                }

                at = Value.IndexOf(marker, start, StringComparison.Ordinal);
            }

            return null;
        }
    }

    private bool Contains(string part) => Value.Contains(part, StringComparison.Ordinal);

    /// <summary>Wraps a raw value.</summary>
    public static VapiEndedReason FromString(string value) => new(value);

    /// <summary>Wraps a raw value.</summary>
    public static implicit operator VapiEndedReason(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
