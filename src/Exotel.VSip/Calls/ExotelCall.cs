using System.Text.Json.Serialization;
using VapiExotel.Shared.Json;
using Exotel.VSip.Internal;

namespace Exotel.VSip;

/// <summary>
/// A call from the Voice API. Exotel's dates are in India Standard Time and become <see cref="DateTimeOffset"/>s at
/// +05:30; numbers that arrive as strings are read as numbers; <see cref="ExotelCallInfo.To"/> and <see cref="ExotelCallInfo.From"/> are kept as
/// Exotel returns them (often the national <c>0…</c> form, even when E.164 was sent). Duration, price, end time and
/// recording arrive about two minutes after hang-up, so they are null until then.
/// </summary>
public sealed class ExotelCall : ExotelCallInfo
{
    /// <summary>The call SID.</summary>
    [JsonPropertyName("Sid")]
    public string Sid
    {
        get => _sid ?? string.Empty;
        init => _sid = value;
    }

    // The source generator sets every init member, null when absent, so the default lives in the getter.
    private readonly string? _sid;

    /// <summary>The parent call's SID, for a leg.</summary>
    [JsonPropertyName("ParentCallSid")]
    public string? ParentCallSid { get; init; }

    /// <summary>The account SID.</summary>
    [JsonPropertyName("AccountSid")]
    public string? AccountSid { get; init; }

    /// <summary>The call's duration.</summary>
    [JsonPropertyName("Duration")]
    [JsonConverter(typeof(LenientSecondsConverter))]
    public TimeSpan? Duration { get; init; }

    /// <summary>The call's price, in the account's currency.</summary>
    [JsonPropertyName("Price")]
    [JsonConverter(typeof(LenientDecimalConverter))]
    public decimal? Price { get; init; }

    /// <summary>Who answered.</summary>
    [JsonPropertyName("AnsweredBy")]
    public ExotelAnsweredBy? AnsweredBy { get; init; }

    /// <summary>The number the call was forwarded from.</summary>
    [JsonPropertyName("ForwardedFrom")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? ForwardedFrom { get; init; }

    /// <summary>The caller's name.</summary>
    [JsonPropertyName("CallerName")]
    public string? CallerName { get; init; }

    /// <summary>Exotel's URI for the call. Its path is unusual (<c>/Calls.json/{sid}</c>); do not build requests from it.</summary>
    [JsonPropertyName("Uri")]
    public string? Uri { get; init; }

    /// <summary>The call type, when Exotel returns it.</summary>
    [JsonPropertyName("CallType")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? CallType { get; init; }

    /// <summary>Leg-level details, returned when they were asked for (<c>details=true</c>).</summary>
    [JsonPropertyName("Details")]
    public ExotelCallDetails? Details { get; init; }
}

/// <summary>The legs of a call, from call details.</summary>
public sealed class ExotelCallDetails
{
    /// <summary>How long both parties were connected.</summary>
    [JsonPropertyName("ConversationDuration")]
    [JsonConverter(typeof(LenientSecondsConverter))]
    public TimeSpan? ConversationDuration { get; init; }

    /// <summary>The first leg's status.</summary>
    [JsonPropertyName("Leg1Status")]
    public ExotelCallStatus? Leg1Status { get; init; }

    /// <summary>The second leg's status.</summary>
    [JsonPropertyName("Leg2Status")]
    public ExotelCallStatus? Leg2Status { get; init; }

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

/// <summary>One leg of a call. Call details nest it as <c>{"Leg": {…}}</c>; callbacks send it flat; both are read.</summary>
public sealed class ExotelCallLeg
{
    /// <summary>The leg number (1 or 2), when given.</summary>
    [JsonPropertyName("Id")]
    [JsonConverter(typeof(LenientInt32Converter))]
    public int? Id { get; init; }

    /// <summary>How long the leg was on the call.</summary>
    [JsonPropertyName("OnCallDuration")]
    [JsonConverter(typeof(LenientSecondsConverter))]
    public TimeSpan? OnCallDuration { get; init; }

    /// <summary>The leg's status.</summary>
    [JsonPropertyName("Status")]
    public ExotelCallStatus? Status { get; init; }

    /// <summary>Who answered the leg.</summary>
    [JsonPropertyName("AnsweredBy")]
    public ExotelAnsweredBy? AnsweredBy { get; init; }
}
