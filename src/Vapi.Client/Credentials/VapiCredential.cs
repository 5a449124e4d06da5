using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vapi.Client;

/// <summary>
/// A credential of any provider, as <c>GET /credential</c> lists them. BYO SIP trunk credentials are read as
/// <see cref="ByoSipTrunkCredential"/>; the others keep their provider-specific fields in
/// <see cref="AdditionalProperties"/> (which may hold that provider's secrets: do not log it).
/// </summary>
public class VapiCredential
{
    private readonly string? _id;

    /// <summary>The credential's id (a UUID).</summary>
    [JsonPropertyName("id")]
    public string Id
    {
        get => _id ?? string.Empty;
        init => _id = value;
    }

    /// <summary>The organisation that owns it.</summary>
    [JsonPropertyName("orgId")]
    public string? OrgId { get; init; }

    /// <summary>The provider, such as <c>byo-sip-trunk</c> or <c>openai</c>.</summary>
    [JsonPropertyName("provider")]
    public VapiCredentialProvider? Provider { get; init; }

    /// <summary>The label; 1–40 characters, not unique.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>When it was created.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When it was last changed.</summary>
    [JsonPropertyName("updatedAt")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Members this model does not declare, as sent. Read-only in spirit: never sent back to Vapi.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
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
