using System.Text.Json.Serialization;

namespace Vapi.Client;

/// <summary>
/// A phone number of any provider. BYO numbers are read as <see cref="ByoPhoneNumber"/> and free Vapi SIP numbers as
/// <see cref="VapiSipPhoneNumber"/>; other providers (Twilio, Vonage, Telnyx…) are read as this type, with their
/// specific fields in <see cref="VapiResource.AdditionalProperties"/> (which may hold that provider's secrets: do not log it).
/// </summary>
public class VapiPhoneNumber : VapiResource
{
    /// <summary>The provider, such as <c>byo-phone-number</c> or <c>vapi</c>.</summary>
    [JsonPropertyName("provider")]
    public VapiPhoneNumberProvider? Provider { get; init; }

    /// <summary>The phone number, when it has one.</summary>
    [JsonPropertyName("number")]
    public string? Number { get; init; }

    /// <summary>The label; at most 40 characters.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The assistant that answers inbound calls.</summary>
    [JsonPropertyName("assistantId")]
    public string? AssistantId { get; init; }

    /// <summary>The squad that answers inbound calls.</summary>
    [JsonPropertyName("squadId")]
    public string? SquadId { get; init; }

    /// <summary>The workflow that answers inbound calls.</summary>
    [JsonPropertyName("workflowId")]
    public string? WorkflowId { get; init; }

    /// <summary>Where the number's webhooks go (and <c>assistant-request</c> when no assistant is set).</summary>
    [JsonPropertyName("server")]
    public VapiServer? Server { get; init; }

    /// <summary>Where calls go when no assistant is set and <c>assistant-request</c> fails.</summary>
    [JsonPropertyName("fallbackDestination")]
    public VapiTransferDestination? FallbackDestination { get; init; }

    /// <summary><c>active</c>, <c>activating</c> or <c>blocked</c>.</summary>
    [JsonPropertyName("status")]
    public VapiPhoneNumberStatus? Status { get; init; }
}

/// <summary>A number of your own carrier (<c>provider: "byo-phone-number"</c>), reached through a BYO SIP trunk credential.</summary>
public sealed class ByoPhoneNumber : VapiPhoneNumber
{
    /// <summary>The id of the BYO SIP trunk credential that carries the number's calls.</summary>
    [JsonPropertyName("credentialId")]
    public string? CredentialId { get; init; }

    /// <summary>Whether Vapi checks that the number is E.164; Vapi's default is true.</summary>
    [JsonPropertyName("numberE164CheckEnabled")]
    public bool? NumberE164CheckEnabled { get; init; }
}

/// <summary>A free Vapi SIP number (<c>provider: "vapi"</c>): callers reach it by SIP INVITE; it cannot dial out.</summary>
public sealed class VapiSipPhoneNumber : VapiPhoneNumber
{
    /// <summary>Its SIP URI, such as <c>sip:front-desk@sip.vapi.ai</c>.</summary>
    [JsonPropertyName("sipUri")]
    public string? SipUri { get; init; }

    /// <summary>The digest credentials callers must present, when set (Vapi does not return the password).</summary>
    [JsonPropertyName("authentication")]
    public VapiSipAuthentication? Authentication { get; init; }
}
