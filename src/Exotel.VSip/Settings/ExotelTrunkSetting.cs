using System.Text.Json.Serialization;
using VapiExotel.Shared.Json;

namespace Exotel.VSip;

/// <summary>A trunk setting, such as <c>trunk_external_alias</c> (the caller ID shown on outbound calls).</summary>
public sealed class ExotelTrunkSetting : ExotelTrunkResource
{
    /// <summary>The name of the setting that holds the caller ID shown on outbound calls (an E.164 number).</summary>
    public const string ExternalAlias = "trunk_external_alias";

    /// <summary>The setting's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The setting's value.</summary>
    [JsonPropertyName("value")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Value { get; init; }
}
