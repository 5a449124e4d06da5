using System.Text.Json.Serialization;
using VapiExotel.Shared;

namespace Vapi.Client;

/// <summary>The provider of a phone number (<c>byo-phone-number</c>, <c>vapi</c>, <c>twilio</c>, <c>vonage</c>, <c>telnyx</c>); unknown values are kept as sent.</summary>
[JsonConverter(typeof(StringValueJsonConverter<VapiPhoneNumberProvider>))]
public readonly record struct VapiPhoneNumberProvider : IStringValue<VapiPhoneNumberProvider>
{
    private readonly string? _value;

    /// <summary>Wraps a raw value.</summary>
    public VapiPhoneNumberProvider(string value) => _value = StringValue.Store(value, nameof(value));

    /// <summary>The raw value, exactly as Vapi sent it.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary><c>byo-phone-number</c>: a number of your own carrier, reached through a BYO SIP trunk credential</summary>
    public static VapiPhoneNumberProvider ByoPhoneNumber { get; } = new("byo-phone-number");

    /// <summary><c>vapi</c>: a free Vapi SIP number (inbound only)</summary>
    public static VapiPhoneNumberProvider Vapi { get; } = new("vapi");

    /// <summary><c>twilio</c>.</summary>
    public static VapiPhoneNumberProvider Twilio { get; } = new("twilio");

    /// <summary><c>vonage</c>.</summary>
    public static VapiPhoneNumberProvider Vonage { get; } = new("vonage");

    /// <summary><c>telnyx</c>.</summary>
    public static VapiPhoneNumberProvider Telnyx { get; } = new("telnyx");

    /// <summary>Wraps a raw value.</summary>
    public static VapiPhoneNumberProvider FromString(string value) => new(value);

    /// <summary>Wraps a raw value.</summary>
    public static implicit operator VapiPhoneNumberProvider(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>A phone number's status: <c>active</c>, <c>activating</c> or <c>blocked</c>; unknown values are kept as sent.</summary>
[JsonConverter(typeof(StringValueJsonConverter<VapiPhoneNumberStatus>))]
public readonly record struct VapiPhoneNumberStatus : IStringValue<VapiPhoneNumberStatus>
{
    private readonly string? _value;

    /// <summary>Wraps a raw value.</summary>
    public VapiPhoneNumberStatus(string value) => _value = StringValue.Store(value, nameof(value));

    /// <summary>The raw value, exactly as Vapi sent it.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary><c>active</c>.</summary>
    public static VapiPhoneNumberStatus Active { get; } = new("active");

    /// <summary><c>activating</c>.</summary>
    public static VapiPhoneNumberStatus Activating { get; } = new("activating");

    /// <summary><c>blocked</c>.</summary>
    public static VapiPhoneNumberStatus Blocked { get; } = new("blocked");

    /// <summary>Wraps a raw value.</summary>
    public static VapiPhoneNumberStatus FromString(string value) => new(value);

    /// <summary>Wraps a raw value.</summary>
    public static implicit operator VapiPhoneNumberStatus(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
