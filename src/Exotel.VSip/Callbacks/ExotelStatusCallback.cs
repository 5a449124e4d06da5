using System.Text.Json.Serialization;
using VapiExotel.Shared.Json;
using Exotel.VSip.Internal;

namespace Exotel.VSip;

/// <summary>
/// What Exotel posts to a call's <c>StatusCallback</c>. <see cref="CallSid"/>, <see cref="ExotelCallInfo.Status"/>,
/// <see cref="ExotelCallInfo.DateUpdated"/> and <see cref="ExotelCallInfo.RecordingUrl"/> are always sent; the rest only when the call asked for
/// status-callback events. Exotel may deliver the same event up to three times: deduplicate by call SID and event type.
/// </summary>
public sealed class ExotelStatusCallback : ExotelCallInfo
{
    /// <summary>The call SID.</summary>
    [JsonPropertyName("CallSid")]
    public string CallSid
    {
        get => _callSid ?? string.Empty;
        init => _callSid = value;
    }

    // The source generator sets every init member, null when absent, so the default lives in the getter.
    private readonly string? _callSid;

    /// <summary>The event, such as <c>terminal</c> or <c>answered</c>, when events were requested.</summary>
    [JsonPropertyName("EventType")]
    public ExotelStatusCallbackEvent? EventType { get; init; }

    /// <summary>How long both parties were connected.</summary>
    [JsonPropertyName("ConversationDuration")]
    [JsonConverter(typeof(LenientSecondsConverter))]
    public TimeSpan? ConversationDuration { get; init; }

    /// <summary>The <c>CustomField</c> given when the call was placed.</summary>
    [JsonPropertyName("CustomField")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? CustomField { get; init; }

    /// <summary>The legs.</summary>
    [JsonPropertyName("Legs")]
    [JsonConverter(typeof(ExotelLegListConverter))]
    public IReadOnlyList<ExotelCallLeg> Legs
    {
        get => _legs ?? [];
        init => _legs = value;
    }

    // The source generator sets every init member, null when absent, so the default lives in the getter.
    private readonly IReadOnlyList<ExotelCallLeg>? _legs;
}
