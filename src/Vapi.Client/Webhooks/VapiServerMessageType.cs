using System.Text.Json.Serialization;
using VapiExotel.Shared;

namespace Vapi.Client;

/// <summary>The type of a webhook (server) message; Vapi keeps adding types, and unknown ones are kept as sent.</summary>
[JsonConverter(typeof(StringValueJsonConverter<VapiServerMessageType>))]
public readonly record struct VapiServerMessageType : IStringValue<VapiServerMessageType>
{
    private readonly string? _value;

    /// <summary>Wraps a raw value.</summary>
    public VapiServerMessageType(string value) => _value = StringValue.Store(value, nameof(value));

    /// <summary>The raw value, exactly as Vapi sent it.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary><c>assistant-request</c>: Vapi asks which assistant takes an inbound call; answer within 7.5 seconds</summary>
    public static VapiServerMessageType AssistantRequest { get; } = new("assistant-request");

    /// <summary><c>conversation-update</c>.</summary>
    public static VapiServerMessageType ConversationUpdate { get; } = new("conversation-update");

    /// <summary><c>end-of-call-report</c>: the final record of a call, after post-processing</summary>
    public static VapiServerMessageType EndOfCallReport { get; } = new("end-of-call-report");

    /// <summary><c>hang</c>.</summary>
    public static VapiServerMessageType Hang { get; } = new("hang");

    /// <summary><c>model-output</c>.</summary>
    public static VapiServerMessageType ModelOutput { get; } = new("model-output");

    /// <summary><c>phone-call-control</c>.</summary>
    public static VapiServerMessageType PhoneCallControl { get; } = new("phone-call-control");

    /// <summary><c>speech-update</c>.</summary>
    public static VapiServerMessageType SpeechUpdate { get; } = new("speech-update");

    /// <summary><c>status-update</c>: the call's status changed</summary>
    public static VapiServerMessageType StatusUpdate { get; } = new("status-update");

    /// <summary><c>tool-calls</c>.</summary>
    public static VapiServerMessageType ToolCalls { get; } = new("tool-calls");

    /// <summary><c>transfer-destination-request</c>.</summary>
    public static VapiServerMessageType TransferDestinationRequest { get; } = new("transfer-destination-request");

    /// <summary><c>transfer-update</c>.</summary>
    public static VapiServerMessageType TransferUpdate { get; } = new("transfer-update");

    /// <summary><c>transcript</c>.</summary>
    public static VapiServerMessageType Transcript { get; } = new("transcript");

    /// <summary><c>user-interrupted</c>.</summary>
    public static VapiServerMessageType UserInterrupted { get; } = new("user-interrupted");

    /// <summary><c>call.deleted</c>.</summary>
    public static VapiServerMessageType CallDeleted { get; } = new("call.deleted");

    /// <summary>Wraps a raw value.</summary>
    public static VapiServerMessageType FromString(string value) => new(value);

    /// <summary>Wraps a raw value.</summary>
    public static implicit operator VapiServerMessageType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
