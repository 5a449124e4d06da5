using System.Text.Json.Serialization;
using Exotel.VSip.Internal;

namespace Exotel.VSip;

/// <summary>What every resource on a trunk carries: the trunk it belongs to and when it was created and changed.</summary>
public abstract class ExotelTrunkResource
{
    /// <summary>The SID of the trunk the resource belongs to.</summary>
    [JsonPropertyName("trunk_sid")]
    public string? TrunkSid { get; init; }

    /// <summary>When the resource was created.</summary>
    [JsonPropertyName("date_created")]
    [JsonConverter(typeof(ExotelDateTimeConverter))]
    public DateTimeOffset? DateCreated { get; init; }

    /// <summary>When the resource was last changed.</summary>
    [JsonPropertyName("date_updated")]
    [JsonConverter(typeof(ExotelDateTimeConverter))]
    public DateTimeOffset? DateUpdated { get; init; }
}
