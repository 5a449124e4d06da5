using System.Text.Json.Serialization;

namespace Vapi.Client;

/// <summary>
/// Creates a BYO SIP trunk credential. Only the members you set are sent (Vapi refuses unknown and extra members);
/// <c>provider</c> is always sent. Checked before sending: at least one gateway, each with an address, a port of
/// 1–65535, a netmask of 24–32 and an IPv4 literal when inbound is enabled; a name of at most 40 characters.
/// </summary>
public sealed class CreateSipTrunkCredentialRequest
{
    /// <summary>Always <c>byo-sip-trunk</c>.</summary>
    [JsonPropertyName("provider")]
    public VapiCredentialProvider Provider => VapiCredentialProvider.ByoSipTrunk;

    /// <summary>The label, 1–40 characters. Give it a deterministic name so that a rerun finds it.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The gateways. Required: at least one.</summary>
    [JsonPropertyName("gateways")]
    public IList<SipTrunkGateway> Gateways { get; init; } = [];

    /// <summary>Digest credentials for outbound calls.</summary>
    [JsonPropertyName("outboundAuthenticationPlan")]
    public SipTrunkOutboundAuthenticationPlan? OutboundAuthenticationPlan { get; set; }

    /// <summary>Adds a leading '+' to outbound numbers.</summary>
    [JsonPropertyName("outboundLeadingPlusEnabled")]
    public bool? OutboundLeadingPlusEnabled { get; set; }

    /// <summary>A tech prefix for outbound numbers (at most 10,000 characters).</summary>
    [JsonPropertyName("techPrefix")]
    public string? TechPrefix { get; set; }

    /// <summary>A SIP Diversion header for outbound calls (at most 10,000 characters).</summary>
    [JsonPropertyName("sipDiversionHeader")]
    public string? SipDiversionHeader { get; set; }
}

/// <summary>
/// Changes a BYO SIP trunk credential. Only the members you set are sent: a plain member left null is left alone, and
/// a <see cref="VapiOptional{T}"/> member set to <see langword="null"/> is cleared. <see cref="Gateways"/> replaces the
/// whole list: read the credential, change its list, send it back.
/// </summary>
public sealed class UpdateSipTrunkCredentialRequest
{
    /// <summary>A new label, 1–40 characters; null leaves it alone.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The complete new list of gateways (at least one), replacing the current list; null leaves it alone.</summary>
    [JsonPropertyName("gateways")]
    public IReadOnlyList<SipTrunkGateway>? Gateways { get; set; }

    /// <summary>New outbound digest credentials, or null to remove them.</summary>
    [JsonPropertyName("outboundAuthenticationPlan")]
    public VapiOptional<SipTrunkOutboundAuthenticationPlan?> OutboundAuthenticationPlan { get; set; }

    /// <summary>Whether to add a leading '+' to outbound numbers; null leaves it alone.</summary>
    [JsonPropertyName("outboundLeadingPlusEnabled")]
    public bool? OutboundLeadingPlusEnabled { get; set; }

    /// <summary>The tech prefix, or null to remove it.</summary>
    [JsonPropertyName("techPrefix")]
    public VapiOptional<string?> TechPrefix { get; set; }

    /// <summary>The SIP Diversion header, or null to remove it.</summary>
    [JsonPropertyName("sipDiversionHeader")]
    public VapiOptional<string?> SipDiversionHeader { get; set; }
}
