using System.Text.Json;
using System.Text.Json.Serialization;
using Vapi.Client.Internal;
using VapiExotel.Shared.Json;

namespace Vapi.Client;

/// <summary>
/// A call. Only <see cref="VapiResource.Id"/> and the dates are always present; everything else depends on the call's type and
/// stage. Members this model does not declare (messages, costs, the full artifact) stay in <see cref="VapiResource.AdditionalProperties"/>.
/// </summary>
public sealed class VapiCall : VapiResource
{
    /// <summary>The kind of call, such as <c>outboundPhoneCall</c>.</summary>
    [JsonPropertyName("type")]
    public VapiCallType? Type { get; init; }

    /// <summary>Where the call is: <c>queued</c>, <c>ringing</c>, <c>in-progress</c>, <c>ended</c>…</summary>
    [JsonPropertyName("status")]
    public VapiCallStatus? Status { get; init; }

    /// <summary>Why it ended, once <see cref="Status"/> is <c>ended</c>.</summary>
    [JsonPropertyName("endedReason")]
    public VapiEndedReason? EndedReason { get; init; }

    /// <summary>More detail about <see cref="EndedReason"/>, when Vapi has it.</summary>
    [JsonPropertyName("endedMessage")]
    public string? EndedMessage { get; init; }

    /// <summary><c>sip</c> or <c>pstn</c>, for phone calls.</summary>
    [JsonPropertyName("phoneCallTransport")]
    public VapiPhoneCallTransport? PhoneCallTransport { get; init; }

    /// <summary>The assistant that handles the call.</summary>
    [JsonPropertyName("assistantId")]
    public string? AssistantId { get; init; }

    /// <summary>The phone number the call is from (outbound) or to (inbound).</summary>
    [JsonPropertyName("phoneNumberId")]
    public string? PhoneNumberId { get; init; }

    /// <summary>The customer's id, when the call was created with one.</summary>
    [JsonPropertyName("customerId")]
    public string? CustomerId { get; init; }

    /// <summary>The other party.</summary>
    [JsonPropertyName("customer")]
    public VapiCustomer? Customer { get; init; }

    /// <summary>The call's label.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>When the call may start, for a scheduled call.</summary>
    [JsonPropertyName("schedulePlan")]
    public VapiSchedulePlan? SchedulePlan { get; init; }

    /// <summary>Where to listen to and control the live call.</summary>
    [JsonPropertyName("monitor")]
    public VapiCallMonitor? Monitor { get; init; }

    /// <summary>The organisation's concurrency at creation (create responses only).</summary>
    [JsonPropertyName("subscriptionLimits")]
    public VapiSubscriptionLimits? SubscriptionLimits { get; init; }

    /// <summary>Recordings, transcript and SIP traces, after the call.</summary>
    [JsonPropertyName("artifact")]
    public VapiCallArtifact? Artifact { get; init; }

    /// <summary>The post-call analysis.</summary>
    [JsonPropertyName("analysis")]
    public VapiCallAnalysis? Analysis { get; init; }

    /// <summary>The total cost in US dollars.</summary>
    [JsonPropertyName("cost")]
    [JsonConverter(typeof(LenientDecimalConverter))]
    public decimal? Cost { get; init; }

    /// <summary>When the call was answered.</summary>
    [JsonPropertyName("startedAt")]
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the call ended.</summary>
    [JsonPropertyName("endedAt")]
    public DateTimeOffset? EndedAt { get; init; }
}

/// <summary>The other party of a call: a phone number or a SIP URI. Used both to place calls and to describe them.</summary>
public sealed class VapiCustomer
{
    /// <summary>The phone number, 3–40 characters; E.164 (<c>+919876543210</c>) unless <see cref="NumberE164CheckEnabled"/> is false.</summary>
    [JsonPropertyName("number")]
    public string? Number { get; init; }

    /// <summary>Whether Vapi checks that <see cref="Number"/> is E.164; Vapi's default (and the SDK's check) is true.</summary>
    [JsonPropertyName("numberE164CheckEnabled")]
    public bool? NumberE164CheckEnabled { get; init; }

    /// <summary>An extension dialled after the call is answered; at most 10 characters.</summary>
    [JsonPropertyName("extension")]
    public string? Extension { get; init; }

    /// <summary>The SIP URI to call instead of a number, such as <c>sip:agent@example.com</c>.</summary>
    [JsonPropertyName("sipUri")]
    public string? SipUri { get; init; }

    /// <summary>The customer's name; at most 40 characters.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The customer's email; at most 40 characters.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>Your id for the customer; at most 40 characters.</summary>
    [JsonPropertyName("externalId")]
    public string? ExternalId { get; init; }
}

/// <summary>When a scheduled call may be placed.</summary>
public sealed class VapiSchedulePlan
{
    /// <summary>The earliest time to place the call. Required.</summary>
    [JsonPropertyName("earliestAt")]
    [JsonConverter(typeof(UtcDateTimeConverter))]
    public DateTimeOffset? EarliestAt { get; init; }

    /// <summary>The latest time to place the call.</summary>
    [JsonPropertyName("latestAt")]
    [JsonConverter(typeof(UtcDateTimeConverter))]
    public DateTimeOffset? LatestAt { get; init; }
}

/// <summary>The live call's monitoring addresses.</summary>
public sealed class VapiCallMonitor
{
    /// <summary>A WebSocket URL streaming the call's audio.</summary>
    [JsonPropertyName("listenUrl")]
    public string? ListenUrl { get; init; }

    /// <summary>The URL that controls the live call (end it, say something); needs the assistant's monitor plan to allow control.</summary>
    [JsonPropertyName("controlUrl")]
    public string? ControlUrl { get; init; }

    /// <summary>Members this model does not declare, as sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}

/// <summary>The organisation's call concurrency when a call was created.</summary>
public sealed class VapiSubscriptionLimits
{
    /// <summary>True when the call was blocked by the concurrency limit (it then ends with <see cref="VapiEndedReason.StartErrorConcurrencyLimitReached"/>).</summary>
    [JsonPropertyName("concurrencyBlocked")]
    public bool? ConcurrencyBlocked { get; init; }

    /// <summary>The organisation's limit of concurrent calls.</summary>
    [JsonPropertyName("concurrencyLimit")]
    [JsonConverter(typeof(LenientInt32Converter))]
    public int? ConcurrencyLimit { get; init; }

    /// <summary>How many more calls could run at the same time.</summary>
    [JsonPropertyName("remainingConcurrentCalls")]
    [JsonConverter(typeof(LenientInt32Converter))]
    public int? RemainingConcurrentCalls { get; init; }
}

/// <summary>What a call left behind: its transcript, recordings and SIP trace.</summary>
public sealed class VapiCallArtifact
{
    /// <summary>The transcript.</summary>
    [JsonPropertyName("transcript")]
    public string? Transcript { get; init; }

    /// <summary>The SIP packet capture, for calls on <c>vapi</c> and <c>byo-phone-number</c> numbers: the first thing to read when SIP fails.</summary>
    [JsonPropertyName("pcapUrl")]
    public string? PcapUrl { get; init; }

    /// <summary>The call's log.</summary>
    [JsonPropertyName("logUrl")]
    public string? LogUrl { get; init; }

    /// <summary>The stereo recording.</summary>
    [JsonPropertyName("stereoRecordingUrl")]
    public string? StereoRecordingUrl { get; init; }

    /// <summary>Members this model does not declare (messages, recordings, structured outputs), as sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}

/// <summary>The post-call analysis; <c>structuredData</c> and other members are in <see cref="AdditionalProperties"/>.</summary>
public sealed class VapiCallAnalysis
{
    /// <summary>A summary of the call.</summary>
    [JsonPropertyName("summary")]
    public string? Summary { get; init; }

    /// <summary>The success evaluation, as text (Vapi has sent it as a string and as a boolean; an object comes as its JSON).</summary>
    [JsonPropertyName("successEvaluation")]
    [JsonConverter(typeof(JsonTextConverter))]
    public string? SuccessEvaluation { get; init; }

    /// <summary>Members this model does not declare, as sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
