using System.Text.Json.Serialization;
using VapiExotel.Shared;

namespace Vapi.Client;

/// <summary>The provider of a Vapi credential (<c>byo-sip-trunk</c>, <c>openai</c>, <c>twilio</c>…); unknown values are kept as sent.</summary>
[JsonConverter(typeof(StringValueJsonConverter<VapiCredentialProvider>))]
public readonly record struct VapiCredentialProvider : IStringValue<VapiCredentialProvider>
{
    private readonly string? _value;

    /// <summary>Wraps a raw value.</summary>
    public VapiCredentialProvider(string value) => _value = StringValue.Store(value, nameof(value));

    /// <summary>The raw value, exactly as Vapi sent it.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary><c>byo-sip-trunk</c>: a bring-your-own SIP trunk or carrier connection</summary>
    public static VapiCredentialProvider ByoSipTrunk { get; } = new("byo-sip-trunk");

    /// <summary>Wraps a raw value.</summary>
    public static VapiCredentialProvider FromString(string value) => new(value);

    /// <summary>Wraps a raw value.</summary>
    public static implicit operator VapiCredentialProvider(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>How Vapi sends outbound SIP to a gateway: <c>udp</c> (Vapi's default), <c>tcp</c>, <c>tls</c> or <c>tls/srtp</c>; unknown values are kept as sent.</summary>
[JsonConverter(typeof(StringValueJsonConverter<SipGatewayProtocol>))]
public readonly record struct SipGatewayProtocol : IStringValue<SipGatewayProtocol>
{
    private readonly string? _value;

    /// <summary>Wraps a raw value.</summary>
    public SipGatewayProtocol(string value) => _value = StringValue.Store(value, nameof(value));

    /// <summary>The raw value, exactly as Vapi sent it.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary><c>udp</c>: Vapi's default when none is sent; Exotel does not accept it</summary>
    public static SipGatewayProtocol Udp { get; } = new("udp");

    /// <summary><c>tcp</c>.</summary>
    public static SipGatewayProtocol Tcp { get; } = new("tcp");

    /// <summary><c>tls</c>.</summary>
    public static SipGatewayProtocol Tls { get; } = new("tls");

    /// <summary><c>tls/srtp</c>: TLS signalling with SRTP media</summary>
    public static SipGatewayProtocol TlsSrtp { get; } = new("tls/srtp");

    /// <summary>Wraps a raw value.</summary>
    public static SipGatewayProtocol FromString(string value) => new(value);

    /// <summary>Wraps a raw value.</summary>
    public static implicit operator SipGatewayProtocol(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
