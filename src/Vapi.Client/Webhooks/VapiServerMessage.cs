using System.Text.Json;
using System.Text.Json.Serialization;
using VapiExotel.Shared.Json;

namespace Vapi.Client;

/// <summary>
/// A webhook (server) message: the <c>message</c> object of the body Vapi posts to your server URL. Status updates and
/// end-of-call reports are read as <see cref="VapiStatusUpdateMessage"/> and <see cref="VapiEndOfCallReportMessage"/>;
/// every other type is read as this class, with its members in <see cref="AdditionalProperties"/>. Parse with
/// <see cref="VapiServerMessageParser"/>, after verifying the request with <see cref="VapiWebhookVerifier"/>.
/// </summary>
public class VapiServerMessage
{
    /// <summary>The message type, such as <c>status-update</c>.</summary>
    [JsonPropertyName("type")]
    public VapiServerMessageType? Type { get; init; }

    /// <summary>When Vapi sent it, as Vapi's number (milliseconds since the Unix epoch in the examples; unconfirmed).</summary>
    [JsonPropertyName("timestamp")]
    public double? Timestamp { get; init; }

    /// <summary>The call the message is about.</summary>
    [JsonPropertyName("call")]
    public VapiCall? Call { get; init; }

    /// <summary>The customer of the call.</summary>
    [JsonPropertyName("customer")]
    public VapiCustomer? Customer { get; init; }

    /// <summary>Members this model does not declare (the assistant, the phone number, type-specific data), as sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}

/// <summary>A <c>status-update</c> message: the call's status changed.</summary>
public sealed class VapiStatusUpdateMessage : VapiServerMessage
{
    /// <summary>The call's new status.</summary>
    [JsonPropertyName("status")]
    public VapiCallStatus? Status { get; init; }

    /// <summary>Why the call ended, when <see cref="Status"/> is <c>ended</c>.</summary>
    [JsonPropertyName("endedReason")]
    public VapiEndedReason? EndedReason { get; init; }
}

/// <summary>An <c>end-of-call-report</c> message: the final, authoritative record of a call, sent after post-processing.</summary>
public sealed class VapiEndOfCallReportMessage : VapiServerMessage
{
    /// <summary>Why the call ended.</summary>
    [JsonPropertyName("endedReason")]
    public VapiEndedReason? EndedReason { get; init; }

    /// <summary>When the call was answered.</summary>
    [JsonPropertyName("startedAt")]
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the call ended.</summary>
    [JsonPropertyName("endedAt")]
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The total cost in US dollars.</summary>
    [JsonPropertyName("cost")]
    [JsonConverter(typeof(LenientDecimalConverter))]
    public decimal? Cost { get; init; }

    /// <summary>The transcript, recordings and SIP trace.</summary>
    [JsonPropertyName("artifact")]
    public VapiCallArtifact? Artifact { get; init; }

    /// <summary>The post-call analysis.</summary>
    [JsonPropertyName("analysis")]
    public VapiCallAnalysis? Analysis { get; init; }
}
