using System.Text.Json.Serialization;
using VapiExotel.Shared.Json;
using VapiExotel.Shared;

namespace Exotel.VSip;

/// <summary>How a mapped number's calls are handled: <c>pstn</c> (SIP trunking, the default) or <c>flow</c> (Exotel's voice-bot WebSocket).</summary>
[JsonConverter(typeof(StringValueJsonConverter<PhoneNumberMode>))]
public readonly record struct PhoneNumberMode : IStringValue<PhoneNumberMode>
{
    private readonly string? _value;

    /// <summary>Wraps a raw value.</summary>
    public PhoneNumberMode(string value) => _value = StringValue.Store(value, nameof(value));

    /// <summary>The raw value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary><c>pstn</c>: calls travel over the SIP trunk. The mode for Vapi.</summary>
    public static PhoneNumberMode Pstn { get; } = new("pstn");

    /// <summary><c>flow</c>: calls go to Exotel's WebSocket voice bot (StreamKit), not over SIP.</summary>
    public static PhoneNumberMode Flow { get; } = new("flow");

    /// <summary>Wraps a raw value.</summary>
    public static PhoneNumberMode FromString(string value) => new(value);

    /// <summary>Wraps a raw value.</summary>
    public static implicit operator PhoneNumberMode(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>A phone number (an ExoPhone, a DID) mapped to a trunk.</summary>
public sealed class ExotelPhoneNumberMapping : ExotelTrunkEntry
{
    /// <summary>The number in E.164, such as <c>+919876543210</c>.</summary>
    [JsonPropertyName("phone_number")]
    public string? PhoneNumber { get; init; }

    /// <summary>The mode; null when none was given, which behaves like <see cref="PhoneNumberMode.Pstn"/>.</summary>
    [JsonPropertyName("mode")]
    public PhoneNumberMode? Mode { get; init; }

    /// <summary>The mode that applies: <see cref="Mode"/>, or <see cref="PhoneNumberMode.Pstn"/> when it is null.</summary>
    [JsonIgnore]
    public PhoneNumberMode EffectiveMode => Mode is { Value.Length: > 0 } mode ? mode : PhoneNumberMode.Pstn;
}

/// <summary>Which trunk a number is mapped to, from <c>GET /trunk-maps</c>.</summary>
public sealed class ExotelTrunkMap
{
    /// <summary>The number (an ExoPhone) in E.164.</summary>
    [JsonPropertyName("exophone")]
    public string? PhoneNumber { get; init; }

    /// <summary>The trunk the number is mapped to.</summary>
    [JsonPropertyName("trunk_sid")]
    public string? TrunkSid { get; init; }

    /// <summary>The mapping's id on that trunk.</summary>
    [JsonPropertyName("phone_number_id")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? PhoneNumberId { get; init; }

    /// <summary>The mapping's mode.</summary>
    [JsonPropertyName("mode")]
    public PhoneNumberMode? Mode { get; init; }
}
