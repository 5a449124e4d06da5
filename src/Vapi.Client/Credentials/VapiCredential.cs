using System.Text.Json.Serialization;

namespace Vapi.Client;

/// <summary>
/// A credential of any provider, as <c>GET /credential</c> lists them. BYO SIP trunk credentials are read as
/// <see cref="ByoSipTrunkCredential"/>; the others keep their provider-specific fields in
/// <see cref="VapiResource.AdditionalProperties"/> (which may hold that provider's secrets: do not log it).
/// </summary>
public class VapiCredential : VapiResource
{
    /// <summary>The provider, such as <c>byo-sip-trunk</c> or <c>openai</c>.</summary>
    [JsonPropertyName("provider")]
    public VapiCredentialProvider? Provider { get; init; }

    /// <summary>The label; 1–40 characters, not unique.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }
}

/// <summary>A BYO SIP trunk credential (<c>provider: "byo-sip-trunk"</c>): your carrier's gateways and how Vapi authenticates to them.</summary>
public sealed class ByoSipTrunkCredential : VapiCredential
{
    private readonly IReadOnlyList<SipTrunkGateway>? _gateways;

    /// <summary>The trunk's gateways.</summary>
    [JsonPropertyName("gateways")]
    public IReadOnlyList<SipTrunkGateway> Gateways
    {
        get => _gateways ?? [];
        init => _gateways = value;
    }

    /// <summary>Outbound digest authentication, without the password (Vapi does not return it).</summary>
    [JsonPropertyName("outboundAuthenticationPlan")]
    public SipTrunkOutboundAuthenticationPlan? OutboundAuthenticationPlan { get; init; }

    /// <summary>Whether Vapi adds a leading '+' to outbound numbers; Vapi's default is false.</summary>
    [JsonPropertyName("outboundLeadingPlusEnabled")]
    public bool? OutboundLeadingPlusEnabled { get; init; }

    /// <summary>The tech prefix put before outbound numbers.</summary>
    [JsonPropertyName("techPrefix")]
    public string? TechPrefix { get; init; }

    /// <summary>The SIP Diversion header sent on outbound calls.</summary>
    [JsonPropertyName("sipDiversionHeader")]
    public string? SipDiversionHeader { get; init; }
}
