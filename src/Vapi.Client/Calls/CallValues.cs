using System.Text.Json.Serialization;
using VapiExotel.Shared;

namespace Vapi.Client;

/// <summary>A call's status; Vapi adds values over time, and unknown ones are kept as sent.</summary>
[JsonConverter(typeof(StringValueJsonConverter<VapiCallStatus>))]
public readonly record struct VapiCallStatus : IStringValue<VapiCallStatus>
{
    private readonly string? _value;

    /// <summary>Wraps a raw value.</summary>
    public VapiCallStatus(string value) => _value = StringValue.Store(value, nameof(value));

    /// <summary>The raw value, exactly as Vapi sent it.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary><c>scheduled</c>: waiting for its schedule plan</summary>
    public static VapiCallStatus Scheduled { get; } = new("scheduled");

    /// <summary><c>queued</c>: created, not yet dialling</summary>
    public static VapiCallStatus Queued { get; } = new("queued");

    /// <summary><c>ringing</c>.</summary>
    public static VapiCallStatus Ringing { get; } = new("ringing");

    /// <summary><c>in-progress</c>: answered</summary>
    public static VapiCallStatus InProgress { get; } = new("in-progress");

    /// <summary><c>forwarding</c>: being transferred</summary>
    public static VapiCallStatus Forwarding { get; } = new("forwarding");

    /// <summary><c>ended</c>: see the call's ended reason</summary>
    public static VapiCallStatus Ended { get; } = new("ended");

    /// <summary><c>not-found</c>.</summary>
    public static VapiCallStatus NotFound { get; } = new("not-found");

    /// <summary><c>deletion-failed</c>.</summary>
    public static VapiCallStatus DeletionFailed { get; } = new("deletion-failed");

    /// <summary>True when the call will not change any more: <c>ended</c>, <c>not-found</c> or <c>deletion-failed</c>.</summary>
    [JsonIgnore]
    public bool IsTerminal => this == Ended || this == NotFound || this == DeletionFailed;

    /// <summary>Wraps a raw value.</summary>
    public static VapiCallStatus FromString(string value) => new(value);

    /// <summary>Wraps a raw value.</summary>
    public static implicit operator VapiCallStatus(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>The kind of call; unknown values are kept as sent.</summary>
[JsonConverter(typeof(StringValueJsonConverter<VapiCallType>))]
public readonly record struct VapiCallType : IStringValue<VapiCallType>
{
    private readonly string? _value;

    /// <summary>Wraps a raw value.</summary>
    public VapiCallType(string value) => _value = StringValue.Store(value, nameof(value));

    /// <summary>The raw value, exactly as Vapi sent it.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary><c>inboundPhoneCall</c>.</summary>
    public static VapiCallType InboundPhoneCall { get; } = new("inboundPhoneCall");

    /// <summary><c>outboundPhoneCall</c>.</summary>
    public static VapiCallType OutboundPhoneCall { get; } = new("outboundPhoneCall");

    /// <summary><c>webCall</c>.</summary>
    public static VapiCallType WebCall { get; } = new("webCall");

    /// <summary><c>vapi.websocketCall</c>.</summary>
    public static VapiCallType WebSocketCall { get; } = new("vapi.websocketCall");

    /// <summary>Wraps a raw value.</summary>
    public static VapiCallType FromString(string value) => new(value);

    /// <summary>Wraps a raw value.</summary>
    public static implicit operator VapiCallType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>How a phone call is carried: <c>sip</c> or <c>pstn</c>; unknown values are kept as sent.</summary>
[JsonConverter(typeof(StringValueJsonConverter<VapiPhoneCallTransport>))]
public readonly record struct VapiPhoneCallTransport : IStringValue<VapiPhoneCallTransport>
{
    private readonly string? _value;

    /// <summary>Wraps a raw value.</summary>
    public VapiPhoneCallTransport(string value) => _value = StringValue.Store(value, nameof(value));

    /// <summary>The raw value, exactly as Vapi sent it.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary><c>sip</c>.</summary>
    public static VapiPhoneCallTransport Sip { get; } = new("sip");

    /// <summary><c>pstn</c>.</summary>
    public static VapiPhoneCallTransport Pstn { get; } = new("pstn");

    /// <summary>Wraps a raw value.</summary>
    public static VapiPhoneCallTransport FromString(string value) => new(value);

    /// <summary>Wraps a raw value.</summary>
    public static implicit operator VapiPhoneCallTransport(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
