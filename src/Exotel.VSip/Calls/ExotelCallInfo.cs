using System.Text.Json.Serialization;
using VapiExotel.Shared.Json;
using Exotel.VSip.Internal;

namespace Exotel.VSip;

/// <summary>
/// What both a call's details and its status callbacks say about a call. Numbers are kept as Exotel writes them
/// (often the national <c>0…</c> form, even when E.164 was sent); times are in India Standard Time (+05:30).
/// </summary>
public abstract class ExotelCallInfo
{
    /// <summary>The status; unknown values are kept as sent.</summary>
    [JsonPropertyName("Status")]
    public ExotelCallStatus? Status { get; init; }

    /// <summary>The number called first (<c>From</c>), as Exotel writes it.</summary>
    [JsonPropertyName("From")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? From { get; init; }

    /// <summary>The number called second (<c>To</c>), as Exotel writes it; null for a call connected to a flow.</summary>
    [JsonPropertyName("To")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? To { get; init; }

    /// <summary>The ExoPhone used.</summary>
    [JsonPropertyName("PhoneNumberSid")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? PhoneNumberSid { get; init; }

    /// <summary>The direction.</summary>
    [JsonPropertyName("Direction")]
    public ExotelCallDirection? Direction { get; init; }

    /// <summary>When the call was created.</summary>
    [JsonPropertyName("DateCreated")]
    [JsonConverter(typeof(ExotelDateTimeConverter))]
    public DateTimeOffset? DateCreated { get; init; }

    /// <summary>When the call was last updated.</summary>
    [JsonPropertyName("DateUpdated")]
    [JsonConverter(typeof(ExotelDateTimeConverter))]
    public DateTimeOffset? DateUpdated { get; init; }

    /// <summary>When the call started.</summary>
    [JsonPropertyName("StartTime")]
    [JsonConverter(typeof(ExotelDateTimeConverter))]
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>When the call ended.</summary>
    [JsonPropertyName("EndTime")]
    [JsonConverter(typeof(ExotelDateTimeConverter))]
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>The recording's address, when the call was recorded.</summary>
    [JsonPropertyName("RecordingUrl")]
    public string? RecordingUrl { get; init; }
}
