using System.Text.Json.Serialization;
using VapiExotel.Shared.Json;

namespace Vapi.Client;

/// <summary>
/// A gateway of a BYO SIP trunk credential: where Vapi sends outbound calls and which source addresses it accepts
/// inbound calls from. Unset members take Vapi's defaults (see the <c>Effective…</c> members); only set ones are sent.
/// </summary>
public sealed class SipTrunkGateway
{
    /// <summary>The documented default <see cref="Port"/>.</summary>
    public const int DefaultPort = 5060;

    /// <summary>The documented default <see cref="Netmask"/>.</summary>
    public const int DefaultNetmask = 32;

    private readonly string? _ip;

    /// <summary>
    /// The gateway's address. An inbound-enabled gateway needs an IPv4 literal (such as <c>129.154.231.198</c>); an
    /// outbound-only gateway (<see cref="InboundEnabled"/> false) may use a host name. Required.
    /// </summary>
    [JsonPropertyName("ip")]
    public string Ip
    {
        get => _ip ?? string.Empty;
        init => _ip = value;
    }

    /// <summary>The SIP port, 1–65535; Vapi's default is 5060. Exotel's edge listens on 5070 (TCP) and 443 (TLS).</summary>
    [JsonPropertyName("port")]
    [JsonConverter(typeof(LenientInt32Converter))]
    public int? Port { get; init; }

    /// <summary>The CIDR prefix length of the inbound source range, 24–32; Vapi's default is 32. It does not change where outbound calls go.</summary>
    [JsonPropertyName("netmask")]
    [JsonConverter(typeof(LenientInt32Converter))]
    public int? Netmask { get; init; }

    /// <summary>Whether Vapi accepts inbound calls from this gateway; Vapi's default is true.</summary>
    [JsonPropertyName("inboundEnabled")]
    public bool? InboundEnabled { get; init; }

    /// <summary>Whether Vapi sends outbound calls to this gateway; Vapi's default is true.</summary>
    [JsonPropertyName("outboundEnabled")]
    public bool? OutboundEnabled { get; init; }

    /// <summary>The outbound transport; Vapi's default is <see cref="SipGatewayProtocol.Udp"/>, which Exotel does not accept.</summary>
    [JsonPropertyName("outboundProtocol")]
    public SipGatewayProtocol? OutboundProtocol { get; init; }

    /// <summary>Whether Vapi health-checks the gateway with SIP OPTIONS; Vapi's default is false.</summary>
    [JsonPropertyName("optionsPingEnabled")]
    public bool? OptionsPingEnabled { get; init; }

    /// <summary>The port in effect: <see cref="Port"/>, or Vapi's default 5060.</summary>
    [JsonIgnore]
    public int EffectivePort => Port ?? DefaultPort;

    /// <summary>The netmask in effect: <see cref="Netmask"/>, or Vapi's default 32.</summary>
    [JsonIgnore]
    public int EffectiveNetmask => Netmask ?? DefaultNetmask;

    /// <summary>Whether inbound is in effect: <see cref="InboundEnabled"/>, or Vapi's default true.</summary>
    [JsonIgnore]
    public bool IsInboundEnabled => InboundEnabled ?? true;

    /// <summary>Whether outbound is in effect: <see cref="OutboundEnabled"/>, or Vapi's default true.</summary>
    [JsonIgnore]
    public bool IsOutboundEnabled => OutboundEnabled ?? true;

    /// <summary>The protocol in effect: <see cref="OutboundProtocol"/>, or Vapi's default UDP.</summary>
    [JsonIgnore]
    public SipGatewayProtocol EffectiveOutboundProtocol => OutboundProtocol ?? SipGatewayProtocol.Udp;
}

/// <summary>
/// Digest credentials Vapi answers the carrier's challenge with on outbound calls, and optional SIP registration.
/// Vapi never returns the password.
/// </summary>
public sealed class SipTrunkOutboundAuthenticationPlan
{
    /// <summary>The digest user name.</summary>
    [JsonPropertyName("authUsername")]
    public string? AuthUsername { get; init; }

    /// <summary>The digest password. A secret: sent on create and update, never returned, never logged.</summary>
    [JsonPropertyName("authPassword")]
    public string? AuthPassword { get; init; }

    /// <summary>SIP REGISTER settings; when absent no registration is attempted (Exotel does not support it).</summary>
    [JsonPropertyName("sipRegisterPlan")]
    public SipTrunkRegisterPlan? SipRegisterPlan { get; init; }
}

/// <summary>How Vapi registers with the carrier (SIP REGISTER).</summary>
public sealed class SipTrunkRegisterPlan
{
    /// <summary>The registrar's domain.</summary>
    [JsonPropertyName("domain")]
    public string? Domain { get; init; }

    /// <summary>The user to register.</summary>
    [JsonPropertyName("username")]
    public string? Username { get; init; }

    /// <summary>The realm.</summary>
    [JsonPropertyName("realm")]
    public string? Realm { get; init; }
}
