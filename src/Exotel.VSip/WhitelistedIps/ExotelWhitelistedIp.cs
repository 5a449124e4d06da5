using System.Text.Json.Serialization;
using VapiExotel.Shared.Json;

namespace Exotel.VSip;

/// <summary>An IP address (with its mask) allowed to send SIP to a trunk: needed for outbound calls from a fixed-IP peer.</summary>
public sealed class ExotelWhitelistedIp : ExotelTrunkEntry
{
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
