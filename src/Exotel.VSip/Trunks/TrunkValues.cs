using System.Text.Json.Serialization;
using VapiExotel.Shared;

namespace Exotel.VSip;

/// <summary>A trunk's status: <c>active</c> or <c>inactive</c>; other values are kept as sent.</summary>
[JsonConverter(typeof(StringValueJsonConverter<ExotelTrunkStatus>))]
public readonly record struct ExotelTrunkStatus : IStringValue<ExotelTrunkStatus>
{
    private readonly string? _value;

    /// <summary>Wraps a raw value.</summary>
    public ExotelTrunkStatus(string value) => _value = StringValue.Store(value, nameof(value));

    /// <summary>The raw value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary><c>active</c>.</summary>
    public static ExotelTrunkStatus Active { get; } = new("active");

    /// <summary><c>inactive</c>.</summary>
    public static ExotelTrunkStatus Inactive { get; } = new("inactive");

    /// <summary>Wraps a raw value.</summary>
    public static ExotelTrunkStatus FromString(string value) => new(value);

    /// <summary>Wraps a raw value.</summary>
    public static implicit operator ExotelTrunkStatus(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>How a trunk authenticates peers; Exotel currently reports <c>IP-WHITELIST</c>.</summary>
[JsonConverter(typeof(StringValueJsonConverter<ExotelTrunkAuthType>))]
public readonly record struct ExotelTrunkAuthType : IStringValue<ExotelTrunkAuthType>
{
    private readonly string? _value;

    /// <summary>Wraps a raw value.</summary>
    public ExotelTrunkAuthType(string value) => _value = StringValue.Store(value, nameof(value));

    /// <summary>The raw value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary><c>IP-WHITELIST</c>: peers are admitted by source IP.</summary>
    public static ExotelTrunkAuthType IpWhitelist { get; } = new("IP-WHITELIST");

    /// <summary>Wraps a raw value.</summary>
    public static ExotelTrunkAuthType FromString(string value) => new(value);

    /// <summary>Wraps a raw value.</summary>
    public static implicit operator ExotelTrunkAuthType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>An on/off trunk feature (<c>registration_enabled</c>, <c>secure_trunking</c>): <c>enabled</c> or <c>disabled</c>.</summary>
[JsonConverter(typeof(StringValueJsonConverter<ExotelFeatureState>))]
public readonly record struct ExotelFeatureState : IStringValue<ExotelFeatureState>
{
    private readonly string? _value;

    /// <summary>Wraps a raw value.</summary>
    public ExotelFeatureState(string value) => _value = StringValue.Store(value, nameof(value));

    /// <summary>The raw value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary><c>enabled</c>.</summary>
    public static ExotelFeatureState Enabled { get; } = new("enabled");

    /// <summary><c>disabled</c>.</summary>
    public static ExotelFeatureState Disabled { get; } = new("disabled");

    /// <summary>Wraps a raw value.</summary>
    public static ExotelFeatureState FromString(string value) => new(value);

    /// <summary>Wraps a raw value.</summary>
    public static implicit operator ExotelFeatureState(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
