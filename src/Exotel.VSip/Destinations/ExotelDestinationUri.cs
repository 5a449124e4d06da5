using System.Text.Json.Serialization;
using VapiExotel.Shared.Json;

namespace Exotel.VSip;

/// <summary>A destination URI on a trunk: where Exotel sends inbound calls.</summary>
public sealed class ExotelDestinationUri : ExotelTrunkEntry
{
    /// <summary>The destination as Exotel returns it, with a <c>sip:</c> prefix (<c>sip:44.248.146.11:5061;transport=tls</c>).</summary>
    [JsonPropertyName("destination")]
    public string? Destination { get; init; }

    /// <summary>The destination's type, such as <c>public</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The priority: lower is preferred. Default 0.</summary>
    [JsonPropertyName("priority")]
    [JsonConverter(typeof(LenientInt32Converter))]
    public int? Priority { get; init; }

    /// <summary>The weight among destinations of equal priority: higher gets more calls. Default 1.</summary>
    [JsonPropertyName("weight")]
    [JsonConverter(typeof(LenientInt32Converter))]
    public int? Weight { get; init; }

    /// <summary>The destination read as a <see cref="SipDestination"/>, or null when Exotel returned something else.</summary>
    [JsonIgnore]
    public SipDestination? ParsedDestination => SipDestination.TryParse(Destination, out var d) ? d : null;

    /// <summary>True when this is <paramref name="destination"/>: same host (any case), port and transport, with or without <c>sip:</c>.</summary>
    /// <param name="destination">The destination to compare with.</param>
    /// <returns>True when they are the same destination.</returns>
    public bool Matches(SipDestination destination) => ParsedDestination?.Equals(destination) == true;
}
