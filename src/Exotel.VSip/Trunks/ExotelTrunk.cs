using System.Text.Json.Serialization;
using VapiExotel.Shared.Json;
using Exotel.VSip.Internal;

namespace Exotel.VSip;

/// <summary>A vSIP trunk.</summary>
public sealed class ExotelTrunk
{
    /// <summary>The trunk SID, such as <c>trmum1f708622631150902801a1n</c>. Do not read meaning into its prefix.</summary>
    [JsonPropertyName("trunk_sid")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string Sid
    {
        get => _sid ?? string.Empty;
        init => _sid = value;
    }

    // The source generator sets every init member, null when absent, so the default lives in the getter.
    private readonly string? _sid;

    /// <summary>The trunk's name, unique in the account.</summary>
    [JsonPropertyName("trunk_name")]
    public string? Name { get; init; }

    /// <summary><c>active</c> or <c>inactive</c>.</summary>
    [JsonPropertyName("status")]
    public ExotelTrunkStatus? Status { get; init; }

    /// <summary>The SIP domain, <c>{account_sid}.pstn.exotel.com</c>.</summary>
    [JsonPropertyName("domain_name")]
    public string? DomainName { get; init; }

    /// <summary>How peers authenticate, such as <c>IP-WHITELIST</c>.</summary>
    [JsonPropertyName("auth_type")]
    public ExotelTrunkAuthType? AuthType { get; init; }

    /// <summary>Whether SIP registration is enabled.</summary>
    [JsonPropertyName("registration_enabled")]
    public ExotelFeatureState? RegistrationEnabled { get; init; }

    /// <summary>Whether TLS/SRTP trunking is enabled.</summary>
    [JsonPropertyName("secure_trunking")]
    public ExotelFeatureState? SecureTrunking { get; init; }

    /// <summary>The edge preference, such as <c>auto</c>.</summary>
    [JsonPropertyName("edge_preference")]
    public string? EdgePreference { get; init; }

    /// <summary>The NSO code, such as <c>ANY-ANY</c>.</summary>
    [JsonPropertyName("nso_code")]
    public string? NsoCode { get; init; }

    /// <summary>When the trunk was created.</summary>
    [JsonPropertyName("date_created")]
    [JsonConverter(typeof(ExotelDateTimeConverter))]
    public DateTimeOffset? DateCreated { get; init; }

    /// <summary>When the trunk was last changed.</summary>
    [JsonPropertyName("date_updated")]
    [JsonConverter(typeof(ExotelDateTimeConverter))]
    public DateTimeOffset? DateUpdated { get; init; }
}

/// <summary>What to create: a trunk name and, rarely, a different NSO code or domain.</summary>
public sealed class CreateTrunkRequest
{
    /// <summary>The default NSO code, the only one Exotel documents.</summary>
    public const string DefaultNsoCode = "ANY-ANY";

    /// <summary>Creates a request for a trunk named <paramref name="trunkName"/>.</summary>
    /// <param name="trunkName">1 to 16 letters, digits or '_', unique in the account.</param>
    public CreateTrunkRequest(string trunkName) => TrunkName = trunkName;

    /// <summary>1 to 16 letters, digits or '_', unique in the account.</summary>
    public string TrunkName { get; }

    /// <summary>The NSO code; default <c>ANY-ANY</c>, the only documented value.</summary>
    public string NsoCode { get; set; } = DefaultNsoCode;

    /// <summary>The SIP domain; by default <c>{account_sid}.pstn.exotel.com</c>, which is the only value Exotel accepts.</summary>
    public string? DomainName { get; set; }
}

/// <summary>What to change on a trunk; fields left null are not sent.</summary>
public sealed class UpdateTrunkRequest
{
    /// <summary>A new name: 1 to 16 letters, digits or '_'.</summary>
    public string? TrunkName { get; set; }

    /// <summary>A new authentication type.</summary>
    public ExotelTrunkAuthType? AuthType { get; set; }

    /// <summary>A new NSO code.</summary>
    public string? NsoCode { get; set; }
}
