using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vapi.Client;

/// <summary>Where Vapi sends a phone number's (or an assistant's) webhooks, and how.</summary>
public sealed class VapiServer
{
    /// <summary>The webhook URL.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>Extra headers Vapi sends with each webhook. May carry a secret (an <c>Authorization</c> value): do not log it.</summary>
    [JsonPropertyName("headers")]
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>How long Vapi waits for an answer, 1–300 seconds; Vapi's default is 20.</summary>
    [JsonPropertyName("timeoutSeconds")]
    public double? TimeoutSeconds { get; init; }

    /// <summary>The id of a credential (bearer, HMAC or OAuth2) that authenticates the webhooks.</summary>
    [JsonPropertyName("credentialId")]
    public string? CredentialId { get; init; }

    /// <summary>Sends the webhooks from Vapi's static range <c>167.150.224.0/23</c>.</summary>
    [JsonPropertyName("staticIpAddressesEnabled")]
    public bool? StaticIpAddressesEnabled { get; init; }

    /// <summary>
    /// How Vapi retries a failed webhook, in Vapi's JSON shape (<c>{"type":"exponential","maxRetries":3,"baseDelaySeconds":1}</c>);
    /// without it webhooks are not retried. Kept as read, so that a read-modify-write does not drop it.
    /// </summary>
    [JsonPropertyName("backoffPlan")]
    public JsonElement? BackoffPlan { get; init; }

    /// <summary>Paths of the webhook body that Vapi encrypts, as read.</summary>
    [JsonPropertyName("encryptedPaths")]
    public IReadOnlyList<string>? EncryptedPaths { get; init; }
}

/// <summary>Where a call goes when it is transferred or when no assistant can take it: a phone number or a SIP URI.</summary>
public sealed class VapiTransferDestination
{
    /// <summary><c>number</c> or <c>sip</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The phone number, for type <c>number</c>; 3–40 characters.</summary>
    [JsonPropertyName("number")]
    public string? Number { get; init; }

    /// <summary>Whether Vapi checks that <see cref="Number"/> is E.164; Vapi's default is true.</summary>
    [JsonPropertyName("numberE164CheckEnabled")]
    public bool? NumberE164CheckEnabled { get; init; }

    /// <summary>An extension dialled after the number answers; 1–10 characters.</summary>
    [JsonPropertyName("extension")]
    public string? Extension { get; init; }

    /// <summary>The SIP URI, for type <c>sip</c>.</summary>
    [JsonPropertyName("sipUri")]
    public string? SipUri { get; init; }

    /// <summary>The caller ID to present; at most 40 characters.</summary>
    [JsonPropertyName("callerId")]
    public string? CallerId { get; init; }

    /// <summary>A description for the assistant.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>A destination that dials <paramref name="number"/>.</summary>
    public static VapiTransferDestination ToNumber(string number) => new() { Type = "number", Number = number };

    /// <summary>A destination that sends the call to <paramref name="sipUri"/>.</summary>
    public static VapiTransferDestination ToSipUri(string sipUri) => new() { Type = "sip", SipUri = sipUri };
}

/// <summary>The SIP digest credentials callers must present to a free Vapi SIP number.</summary>
public sealed class VapiSipAuthentication
{
    /// <summary>The realm; Vapi's default is the region's SIP domain.</summary>
    [JsonPropertyName("realm")]
    public string? Realm { get; init; }

    /// <summary>The user name, 20–40 characters.</summary>
    [JsonPropertyName("username")]
    public string? Username { get; init; }

    /// <summary>The password, 20–40 characters. A secret: never logged.</summary>
    [JsonPropertyName("password")]
    public string? Password { get; init; }
}
