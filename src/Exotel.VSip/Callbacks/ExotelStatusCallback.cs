using System.Text.Json.Serialization;
using Exotel.VSip.Internal;

namespace Exotel.VSip;

/// <summary>
/// What Exotel posts to a call's <c>StatusCallback</c>. <see cref="CallSid"/>, <see cref="Status"/>,
/// <see cref="DateUpdated"/> and <see cref="RecordingUrl"/> are always sent; the rest only when the call asked for
/// status-callback events. Exotel may deliver the same event up to three times: deduplicate by call SID and event type.
/// </summary>
public sealed class ExotelStatusCallback
{
    /// <summary>The call SID.</summary>
    [JsonPropertyName("CallSid")]
    public string CallSid { get; init; } = string.Empty;

    /// <summary>The event, such as <c>terminal</c> or <c>answered</c>, when events were requested.</summary>
    [JsonPropertyName("EventType")]
    public ExotelStatusCallbackEvent? EventType { get; init; }

    /// <summary>When the call was created.</summary>
    [JsonPropertyName("DateCreated")]
    [JsonConverter(typeof(ExotelDateTimeConverter))]
    public DateTimeOffset? DateCreated { get; init; }

    /// <summary>When the call was last updated.</summary>
    [JsonPropertyName("DateUpdated")]
    [JsonConverter(typeof(ExotelDateTimeConverter))]
    public DateTimeOffset? DateUpdated { get; init; }

    /// <summary>The called number, as Exotel writes it.</summary>
    [JsonPropertyName("To")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? To { get; init; }

    /// <summary>The calling number, as Exotel writes it.</summary>
    [JsonPropertyName("From")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? From { get; init; }

    /// <summary>The ExoPhone used.</summary>
    [JsonPropertyName("PhoneNumberSid")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? PhoneNumberSid { get; init; }

    /// <summary>When the call started.</summary>
    [JsonPropertyName("StartTime")]
    [JsonConverter(typeof(ExotelDateTimeConverter))]
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>When the call ended.</summary>
    [JsonPropertyName("EndTime")]
    [JsonConverter(typeof(ExotelDateTimeConverter))]
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>The call's status: <c>completed</c>, <c>failed</c>, <c>busy</c> or <c>no-answer</c> at the end.</summary>
    [JsonPropertyName("Status")]
    public ExotelCallStatus? Status { get; init; }

    /// <summary>How long both parties were connected.</summary>
    [JsonPropertyName("ConversationDuration")]
    [JsonConverter(typeof(LenientSecondsConverter))]
    public TimeSpan? ConversationDuration { get; init; }

    /// <summary>The direction.</summary>
    [JsonPropertyName("Direction")]
    public ExotelCallDirection? Direction { get; init; }

    /// <summary>The <c>CustomField</c> given when the call was placed.</summary>
    [JsonPropertyName("CustomField")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? CustomField { get; init; }

    /// <summary>The recording's address, when recorded.</summary>
    [JsonPropertyName("RecordingUrl")]
    public string? RecordingUrl { get; init; }

    /// <summary>The legs.</summary>
    [JsonPropertyName("Legs")]
    [JsonConverter(typeof(ExotelLegListConverter))]
    public IReadOnlyList<ExotelCallLeg> Legs { get; init; } = [];
}
