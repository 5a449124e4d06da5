using System.Text.Json.Serialization;
using VapiExotel.Shared.Json;
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

/// <summary>
/// A resource on a trunk with an id of its own (a destination URI, a phone mapping, a whitelisted IP, a credential):
/// the id that updates and deletes take.
/// </summary>
public abstract class ExotelTrunkEntry : ExotelTrunkResource
{
    // The source generator sets every init member, null when absent, so the default lives in the getter.
    private readonly string? _id;

    /// <summary>The id, a string holding a number; needed to update or delete the entry.</summary>
    [JsonPropertyName("id")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string Id
    {
        get => _id ?? string.Empty;
        init => _id = value;
    }
}
