using System.Text.Json.Serialization;

namespace Vapi.Client;

/// <summary>
/// Creates a BYO phone number (<c>provider: "byo-phone-number"</c>) on a BYO SIP trunk credential. Only the members
/// you set are sent. Checked before sending: a credential id; a number of 3–40 characters, in E.164 unless the check
/// is turned off; a name of at most 40 characters; at most one of assistant, squad and workflow.
/// </summary>
public sealed class CreateByoPhoneNumberRequest : CreatePhoneNumberRequest
{
    /// <summary>Always <c>byo-phone-number</c>.</summary>
    [JsonPropertyName("provider")]
    public VapiPhoneNumberProvider Provider => VapiPhoneNumberProvider.ByoPhoneNumber;

    /// <summary>The number, such as the ExoPhone <c>+918047xxxxxx</c>.</summary>
    [JsonPropertyName("number")]
    public string? Number { get; set; }

    /// <summary>Whether Vapi checks that <see cref="Number"/> is E.164 (Vapi's default: true). Leave it on for real numbers.</summary>
    [JsonPropertyName("numberE164CheckEnabled")]
    public bool? NumberE164CheckEnabled { get; set; }

    /// <summary>The BYO SIP trunk credential's id. Required.</summary>
    [JsonPropertyName("credentialId")]
    public string? CredentialId { get; set; }
}

/// <summary>
/// Creates a free Vapi SIP number (<c>provider: "vapi"</c>). Only the members you set are sent. Checked before
/// sending: a SIP URI of the form <c>sip:user@sip.vapi.ai</c>; user name and password of 20–40 characters.
/// </summary>
public sealed class CreateVapiSipPhoneNumberRequest : CreatePhoneNumberRequest
{
    /// <summary>Always <c>vapi</c>.</summary>
    [JsonPropertyName("provider")]
    public VapiPhoneNumberProvider Provider => VapiPhoneNumberProvider.Vapi;

    /// <summary>The SIP URI callers dial, such as <c>sip:front-desk@sip.vapi.ai</c>.</summary>
    [JsonPropertyName("sipUri")]
    public string? SipUri { get; set; }

    /// <summary>Digest credentials callers must present; without them any credentials are accepted.</summary>
    [JsonPropertyName("authentication")]
    public VapiSipAuthentication? Authentication { get; set; }
}

/// <summary>
/// Changes a BYO phone number. Only the members you set are sent; set a <see cref="VapiOptional{T}"/> member to
/// <see langword="null"/> to clear it (for example <c>AssistantId = null</c> with a <see cref="UpdatePhoneNumberRequest.Server"/>, to choose the
/// assistant per call).
/// </summary>
public sealed class UpdateByoPhoneNumberRequest : UpdatePhoneNumberRequest
{
    /// <summary>The number; null leaves it alone.</summary>
    [JsonPropertyName("number")]
    public string? Number { get; set; }

    /// <summary>Whether Vapi checks that the number is E.164; null leaves it alone.</summary>
    [JsonPropertyName("numberE164CheckEnabled")]
    public bool? NumberE164CheckEnabled { get; set; }

    /// <summary>The BYO SIP trunk credential's id; null leaves it alone.</summary>
    [JsonPropertyName("credentialId")]
    public string? CredentialId { get; set; }
}

/// <summary>Changes a free Vapi SIP number. Only the members you set are sent; set a <see cref="VapiOptional{T}"/> member to <see langword="null"/> to clear it.</summary>
public sealed class UpdateVapiSipPhoneNumberRequest : UpdatePhoneNumberRequest
{
    /// <summary>The SIP URI.</summary>
    [JsonPropertyName("sipUri")]
    public VapiOptional<string?> SipUri { get; set; }

    /// <summary>The digest credentials callers must present, or null to accept any.</summary>
    [JsonPropertyName("authentication")]
    public VapiOptional<VapiSipAuthentication?> Authentication { get; set; }
}

/// <summary>What every new phone number can have: a label, who answers it, its webhook server and a fallback.</summary>
public abstract class CreatePhoneNumberRequest
{
    /// <summary>For derived requests.</summary>
    private protected CreatePhoneNumberRequest()
    {
    }

    /// <summary>The label; at most 40 characters.</summary>
    [JsonPropertyName("name")]
    [JsonPropertyOrder(1)]
    public string? Name { get; set; }

    /// <summary>The assistant that answers inbound calls.</summary>
    [JsonPropertyName("assistantId")]
    [JsonPropertyOrder(1)]
    public string? AssistantId { get; set; }

    /// <summary>The squad that answers inbound calls.</summary>
    [JsonPropertyName("squadId")]
    [JsonPropertyOrder(1)]
    public string? SquadId { get; set; }

    /// <summary>The workflow that answers inbound calls.</summary>
    [JsonPropertyName("workflowId")]
    [JsonPropertyOrder(1)]
    public string? WorkflowId { get; set; }

    /// <summary>Where the number's webhooks go.</summary>
    [JsonPropertyName("server")]
    [JsonPropertyOrder(1)]
    public VapiServer? Server { get; set; }

    /// <summary>Where calls go when no assistant is set and <c>assistant-request</c> fails.</summary>
    [JsonPropertyName("fallbackDestination")]
    [JsonPropertyOrder(1)]
    public VapiTransferDestination? FallbackDestination { get; set; }
}

/// <summary>What every phone number update can change; set a member to <see langword="null"/> to clear it.</summary>
public abstract class UpdatePhoneNumberRequest
{
    /// <summary>For derived requests.</summary>
    private protected UpdatePhoneNumberRequest()
    {
    }

    /// <summary>The label, or null to remove it.</summary>
    [JsonPropertyName("name")]
    [JsonPropertyOrder(1)]
    public VapiOptional<string?> Name { get; set; }

    /// <summary>The assistant, or null to remove it.</summary>
    [JsonPropertyName("assistantId")]
    [JsonPropertyOrder(1)]
    public VapiOptional<string?> AssistantId { get; set; }

    /// <summary>The squad, or null to remove it.</summary>
    [JsonPropertyName("squadId")]
    [JsonPropertyOrder(1)]
    public VapiOptional<string?> SquadId { get; set; }

    /// <summary>The workflow, or null to remove it.</summary>
    [JsonPropertyName("workflowId")]
    [JsonPropertyOrder(1)]
    public VapiOptional<string?> WorkflowId { get; set; }

    /// <summary>The webhook server, or null to remove it.</summary>
    [JsonPropertyName("server")]
    [JsonPropertyOrder(1)]
    public VapiOptional<VapiServer?> Server { get; set; }

    /// <summary>The fallback destination, or null to remove it.</summary>
    [JsonPropertyName("fallbackDestination")]
    [JsonPropertyOrder(1)]
    public VapiOptional<VapiTransferDestination?> FallbackDestination { get; set; }
}
