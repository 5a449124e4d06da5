using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Exotel.VSip.Internal;

// Request bodies, in Exotel's wire names. Null members are not sent.
internal sealed record CreateTrunkBody(
    [property: JsonPropertyName("trunk_name")] string TrunkName,
    [property: JsonPropertyName("nso_code")] string NsoCode,
    [property: JsonPropertyName("domain_name")] string DomainName);

internal sealed record UpdateTrunkBody(
    [property: JsonPropertyName("trunk_name")] string? TrunkName,
    [property: JsonPropertyName("auth_type")] string? AuthType,
    [property: JsonPropertyName("nso_code")] string? NsoCode);

internal sealed record PhoneNumberBody(
    [property: JsonPropertyName("phone_number")] string PhoneNumber,
    [property: JsonPropertyName("mode")] string? Mode);

internal sealed record WhitelistedIpBody(
    [property: JsonPropertyName("ip")] string Ip,
    [property: JsonPropertyName("mask")] int Mask);

internal sealed record CredentialBody(
    [property: JsonPropertyName("user_name")] string? UserName,
    [property: JsonPropertyName("password")] string? Password,
    [property: JsonPropertyName("friendly_name")] string? FriendlyName)
{
    // Records print every member; this one carries a password.
    public override string ToString() => "CredentialBody { *** }";
}

internal sealed record DestinationItem([property: JsonPropertyName("destination")] string Destination);

internal sealed record DestinationsBody([property: JsonPropertyName("destinations")] IReadOnlyList<DestinationItem> Destinations);

internal sealed record UpdateDestinationBody(
    [property: JsonPropertyName("priority")] int? Priority,
    [property: JsonPropertyName("weight")] int? Weight);

internal sealed record SettingItem([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("value")] string Value);

internal sealed record SettingsBody([property: JsonPropertyName("settings")] IReadOnlyList<SettingItem> Settings);

/// <summary>Source-generated serialization for every type the package reads or writes; no reflection.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ExotelTrunk))]
[JsonSerializable(typeof(ExotelDestinationUri))]
[JsonSerializable(typeof(ExotelPhoneNumberMapping))]
[JsonSerializable(typeof(ExotelTrunkMap))]
[JsonSerializable(typeof(ExotelWhitelistedIp))]
[JsonSerializable(typeof(ExotelTrunkCredential))]
[JsonSerializable(typeof(ExotelTrunkSetting))]
[JsonSerializable(typeof(ExotelCall))]
[JsonSerializable(typeof(ExotelCallLeg))]
[JsonSerializable(typeof(ExotelStatusCallback))]
[JsonSerializable(typeof(CreateTrunkBody))]
[JsonSerializable(typeof(UpdateTrunkBody))]
[JsonSerializable(typeof(PhoneNumberBody))]
[JsonSerializable(typeof(WhitelistedIpBody))]
[JsonSerializable(typeof(CredentialBody))]
[JsonSerializable(typeof(DestinationsBody))]
[JsonSerializable(typeof(UpdateDestinationBody))]
[JsonSerializable(typeof(SettingsBody))]
internal sealed partial class ExotelJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context request bodies are written with: like <see cref="Default"/>, but '+' and other characters stay
    /// as they are (<c>"+919876543210"</c>, not <c>"\u002B919876543210"</c>), as Exotel documents its bodies. The
    /// bodies go to an API, never into HTML, so HTML-safe escaping buys nothing.
    /// </summary>
    public static ExotelJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
