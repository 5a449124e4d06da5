using System.Text.Json.Serialization;
using Exotel.VSip.Internal;

namespace Exotel.VSip;

/// <summary>An IP address (with its mask) allowed to send SIP to a trunk: needed for outbound calls from a fixed-IP peer.</summary>
public sealed class ExotelWhitelistedIp : ExotelTrunkResource
{
    /// <summary>The entry's id, a string holding a number; needed to update or delete it.</summary>
    [JsonPropertyName("id")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string Id
    {
        get => _id ?? string.Empty;
        init => _id = value;
    }

    // The source generator sets every init member, null when absent, so the default lives in the getter.
    private readonly string? _id;

    /// <summary>The IPv4 address.</summary>
    [JsonPropertyName("ip")]
    public string? Ip { get; init; }

    /// <summary>The mask length, 16 to 32; 32 is a single address.</summary>
    [JsonPropertyName("mask")]
    [JsonConverter(typeof(LenientInt32Converter))]
    public int? Mask { get; init; }

    /// <summary>A label Exotel may return; no documented request sets it.</summary>
    [JsonPropertyName("friendly_name")]
    public string? FriendlyName { get; init; }
}
