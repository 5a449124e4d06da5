using System.Text.Json.Serialization;
using VapiExotel.Shared;

namespace Exotel.VSip;

/// <summary>A call's or a leg's status. Unknown statuses are kept as sent, never coerced.</summary>
[JsonConverter(typeof(StringValueJsonConverter<ExotelCallStatus>))]
public readonly record struct ExotelCallStatus : IStringValue<ExotelCallStatus>
{
    private readonly string? _value;

    /// <summary>Wraps a raw value.</summary>
    public ExotelCallStatus(string value) => _value = StringValue.Store(value, nameof(value));

    /// <summary>The raw value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The call is queued. (<c>queued</c>)</summary>
    public static ExotelCallStatus Queued { get; } = new("queued");

    /// <summary>The phone is ringing. (<c>ringing</c>)</summary>
    public static ExotelCallStatus Ringing { get; } = new("ringing");

    /// <summary>The call is connected. (<c>in-progress</c>)</summary>
    public static ExotelCallStatus InProgress { get; } = new("in-progress");

    /// <summary>The call ended normally. (<c>completed</c>)</summary>
    public static ExotelCallStatus Completed { get; } = new("completed");

    /// <summary>The call could not be placed. (<c>failed</c>)</summary>
    public static ExotelCallStatus Failed { get; } = new("failed");

    /// <summary>The line was busy. (<c>busy</c>)</summary>
    public static ExotelCallStatus Busy { get; } = new("busy");

    /// <summary>Nobody answered. (<c>no-answer</c>)</summary>
    public static ExotelCallStatus NoAnswer { get; } = new("no-answer");

    /// <summary>The leg was canceled. (<c>canceled</c>)</summary>
    public static ExotelCallStatus Canceled { get; } = new("canceled");

    /// <summary>True for the statuses after which the call does not change: completed, failed, busy, no-answer, canceled.</summary>
    public bool IsTerminal => this == Completed || this == Failed || this == Busy || this == NoAnswer || this == Canceled;

    /// <summary>Wraps a raw value.</summary>
    public static ExotelCallStatus FromString(string value) => new(value);

    /// <summary>Wraps a raw value.</summary>
    public static implicit operator ExotelCallStatus(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>A call's direction.</summary>
[JsonConverter(typeof(StringValueJsonConverter<ExotelCallDirection>))]
public readonly record struct ExotelCallDirection : IStringValue<ExotelCallDirection>
{
    private readonly string? _value;

    /// <summary>Wraps a raw value.</summary>
    public ExotelCallDirection(string value) => _value = StringValue.Store(value, nameof(value));

    /// <summary>The raw value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>A call to an ExoPhone. (<c>inbound</c>)</summary>
    public static ExotelCallDirection Inbound { get; } = new("inbound");

    /// <summary>A call dialled from a flow. (<c>outbound-dial</c>)</summary>
    public static ExotelCallDirection OutboundDial { get; } = new("outbound-dial");

    /// <summary>A call placed through the API. (<c>outbound-api</c>)</summary>
    public static ExotelCallDirection OutboundApi { get; } = new("outbound-api");

    /// <summary>Wraps a raw value.</summary>
    public static ExotelCallDirection FromString(string value) => new(value);

    /// <summary>Wraps a raw value.</summary>
    public static implicit operator ExotelCallDirection(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Who answered a leg. Exotel writes these in more than one case (<c>Human</c>, <c>HUMAN</c>), so they compare without regard to case.</summary>
[JsonConverter(typeof(StringValueJsonConverter<ExotelAnsweredBy>))]
public readonly record struct ExotelAnsweredBy : IStringValue<ExotelAnsweredBy>
{
    private readonly string? _value;

    /// <summary>Wraps a raw value.</summary>
    public ExotelAnsweredBy(string value) => _value = StringValue.Store(value, nameof(value));

    /// <summary>The raw value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>A person. (<c>Human</c>)</summary>
    public static ExotelAnsweredBy Human { get; } = new("Human");

    /// <summary>An answering machine. (<c>Machine</c>)</summary>
    public static ExotelAnsweredBy Machine { get; } = new("Machine");

    /// <summary>Undetermined. (<c>NotSure</c>)</summary>
    public static ExotelAnsweredBy NotSure { get; } = new("NotSure");

    /// <summary>Not applicable. (<c>NA</c>)</summary>
    public static ExotelAnsweredBy NotApplicable { get; } = new("NA");

    /// <summary>Wraps a raw value.</summary>
    public static ExotelAnsweredBy FromString(string value) => new(value);

    /// <summary>Wraps a raw value.</summary>
    public static implicit operator ExotelAnsweredBy(string value) => new(value);

    /// <summary>Compares without regard to case.</summary>
    /// <param name="other">The other value.</param>
    /// <returns>True when the values are equal.</returns>
    public bool Equals(ExotelAnsweredBy other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>The <c>CallType</c> of a connect request; <c>trans</c> (transactional) is the only current value.</summary>
[JsonConverter(typeof(StringValueJsonConverter<ExotelCallType>))]
public readonly record struct ExotelCallType : IStringValue<ExotelCallType>
{
    private readonly string? _value;

    /// <summary>Wraps a raw value.</summary>
    public ExotelCallType(string value) => _value = StringValue.Store(value, nameof(value));

    /// <summary>The raw value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary><c>trans</c>: a transactional call. (<c>trans</c>)</summary>
    public static ExotelCallType Transactional { get; } = new("trans");

    /// <summary>Wraps a raw value.</summary>
    public static ExotelCallType FromString(string value) => new(value);

    /// <summary>Wraps a raw value.</summary>
    public static implicit operator ExotelCallType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>How a recording is laid out.</summary>
[JsonConverter(typeof(StringValueJsonConverter<ExotelRecordingChannels>))]
public readonly record struct ExotelRecordingChannels : IStringValue<ExotelRecordingChannels>
{
    private readonly string? _value;

    /// <summary>Wraps a raw value.</summary>
    public ExotelRecordingChannels(string value) => _value = StringValue.Store(value, nameof(value));

    /// <summary>The raw value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Both parties in one channel (Exotel's default). (<c>single</c>)</summary>
    public static ExotelRecordingChannels SingleChannel { get; } = new("single");

    /// <summary>One channel per party (depends on the plan). (<c>dual</c>)</summary>
    public static ExotelRecordingChannels DualChannel { get; } = new("dual");

    /// <summary>Wraps a raw value.</summary>
    public static ExotelRecordingChannels FromString(string value) => new(value);

    /// <summary>Wraps a raw value.</summary>
    public static implicit operator ExotelRecordingChannels(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>A recording's format.</summary>
[JsonConverter(typeof(StringValueJsonConverter<ExotelRecordingFormat>))]
public readonly record struct ExotelRecordingFormat : IStringValue<ExotelRecordingFormat>
{
    private readonly string? _value;

    /// <summary>Wraps a raw value.</summary>
    public ExotelRecordingFormat(string value) => _value = StringValue.Store(value, nameof(value));

    /// <summary>The raw value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>MP3 (Exotel's default). (<c>mp3</c>)</summary>
    public static ExotelRecordingFormat Mp3 { get; } = new("mp3");

    /// <summary>Higher-quality MP3. (<c>mp3-hq</c>)</summary>
    public static ExotelRecordingFormat Mp3HighQuality { get; } = new("mp3-hq");

    /// <summary>Wraps a raw value.</summary>
    public static ExotelRecordingFormat FromString(string value) => new(value);

    /// <summary>Wraps a raw value.</summary>
    public static implicit operator ExotelRecordingFormat(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>An event Exotel reports to the status callback, beyond the terminal report it always sends.</summary>
[JsonConverter(typeof(StringValueJsonConverter<ExotelStatusCallbackEvent>))]
public readonly record struct ExotelStatusCallbackEvent : IStringValue<ExotelStatusCallbackEvent>
{
    private readonly string? _value;

    /// <summary>Wraps a raw value.</summary>
    public ExotelStatusCallbackEvent(string value) => _value = StringValue.Store(value, nameof(value));

    /// <summary>The raw value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The call ended. (<c>terminal</c>)</summary>
    public static ExotelStatusCallbackEvent Terminal { get; } = new("terminal");

    /// <summary>A leg was answered. (<c>answered</c>)</summary>
    public static ExotelStatusCallbackEvent Answered { get; } = new("answered");

    /// <summary>Wraps a raw value.</summary>
    public static ExotelStatusCallbackEvent FromString(string value) => new(value);

    /// <summary>Wraps a raw value.</summary>
    public static implicit operator ExotelStatusCallbackEvent(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>How Exotel encodes the status callback's body.</summary>
[JsonConverter(typeof(StringValueJsonConverter<ExotelStatusCallbackContentType>))]
public readonly record struct ExotelStatusCallbackContentType : IStringValue<ExotelStatusCallbackContentType>
{
    private readonly string? _value;

    /// <summary>Wraps a raw value.</summary>
    public ExotelStatusCallbackContentType(string value) => _value = StringValue.Store(value, nameof(value));

    /// <summary>The raw value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary><c>multipart/form-data</c> (Exotel's default). (<c>multipart/form-data</c>)</summary>
    public static ExotelStatusCallbackContentType MultipartFormData { get; } = new("multipart/form-data");

    /// <summary><c>application/json</c>. (<c>application/json</c>)</summary>
    public static ExotelStatusCallbackContentType Json { get; } = new("application/json");

    /// <summary>Wraps a raw value.</summary>
    public static ExotelStatusCallbackContentType FromString(string value) => new(value);

    /// <summary>Wraps a raw value.</summary>
    public static implicit operator ExotelStatusCallbackContentType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
