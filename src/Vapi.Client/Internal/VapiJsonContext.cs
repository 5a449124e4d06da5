using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Vapi.Client.Internal;

/// <summary>The control message that hangs up a live call.</summary>
internal sealed record ControlMessage([property: JsonPropertyName("type")] string Type);

/// <summary>
/// Source-generated serialization for every type the package reads or writes; no reflection. Members equal to their
/// default are not written: a null request member and an unset <see cref="VapiOptional{T}"/> are left out, which is how
/// only the fields a caller set reach Vapi.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    Converters =
    [
        typeof(VapiOptionalJsonConverter<string>),
        typeof(VapiOptionalJsonConverter<SipTrunkOutboundAuthenticationPlan>),
        typeof(VapiOptionalJsonConverter<VapiServer>),
        typeof(VapiOptionalJsonConverter<VapiTransferDestination>),
        typeof(VapiOptionalJsonConverter<VapiSipAuthentication>),
    ])]
[JsonSerializable(typeof(VapiCredential))]
[JsonSerializable(typeof(ByoSipTrunkCredential))]
[JsonSerializable(typeof(VapiPhoneNumber))]
[JsonSerializable(typeof(ByoPhoneNumber))]
[JsonSerializable(typeof(VapiSipPhoneNumber))]
[JsonSerializable(typeof(VapiCall))]
[JsonSerializable(typeof(VapiCallBatch))]
[JsonSerializable(typeof(VapiAssistant))]
[JsonSerializable(typeof(CreateSipTrunkCredentialRequest))]
[JsonSerializable(typeof(UpdateSipTrunkCredentialRequest))]
[JsonSerializable(typeof(CreateByoPhoneNumberRequest))]
[JsonSerializable(typeof(CreateVapiSipPhoneNumberRequest))]
[JsonSerializable(typeof(UpdateByoPhoneNumberRequest))]
[JsonSerializable(typeof(UpdateVapiSipPhoneNumberRequest))]
[JsonSerializable(typeof(CreateCallRequest))]
[JsonSerializable(typeof(ControlMessage))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(SipTrunkOutboundAuthenticationPlan))]
[JsonSerializable(typeof(VapiServer))]
[JsonSerializable(typeof(VapiTransferDestination))]
[JsonSerializable(typeof(VapiSipAuthentication))]
[JsonSerializable(typeof(VapiStatusUpdateMessage))]
[JsonSerializable(typeof(VapiEndOfCallReportMessage))]
[JsonSerializable(typeof(VapiServerMessage))]
internal sealed partial class VapiJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context request bodies are written with: like <see cref="Default"/>, but '+' stays '+'
    /// (<c>"+919876543210"</c>, not <c>"\u002B919876543210"</c>). The bodies go to an API, never into HTML.
    /// </summary>
    public static VapiJsonContext Wire => WireHolder.Instance;

    // A nested holder: initialised on first use, after Default (static initialisers of partial files run in no set order).
    private static class WireHolder
    {
        public static readonly VapiJsonContext Instance = new(new JsonSerializerOptions(Default.Options)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
    }
}
