using System.Text.Json.Serialization;
using VapiExotel.Shared;

namespace Exotel.VSip;

/// <summary>
/// Exotel's error code: the v2 <c>error_data.code</c> (1000–1011) or the v1 <c>RestException.Code</c>. Unknown codes are
/// kept verbatim. Classify failures with <see cref="ExotelException.IsDuplicate"/> and its siblings, which also look at
/// the HTTP status and <c>response.code</c>, because Exotel's numeric codes have changed between revisions.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<ExotelErrorCode>))]
public readonly record struct ExotelErrorCode : IStringValue<ExotelErrorCode>
{
    private readonly string? _value;

    /// <summary>Wraps a raw error code.</summary>
    public ExotelErrorCode(string value) => _value = StringValue.Store(value, nameof(value));

    /// <summary>Wraps a numeric v2 error code.</summary>
    public ExotelErrorCode(int value) => _value = value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The raw code.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The code as a number, when it is one (all v2 codes are).</summary>
    public int? NumericValue => int.TryParse(_value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>1000: not found (a bad trunk SID or mapping id).</summary>
    public static ExotelErrorCode NotFound { get; } = new(1000);

    /// <summary>1001: a mandatory parameter is missing.</summary>
    public static ExotelErrorCode MandatoryParameterMissing { get; } = new(1001);

    /// <summary>1002: a parameter is invalid (name, number, IP, mask, destination…).</summary>
    public static ExotelErrorCode InvalidParameter { get; } = new(1002);

    /// <summary>1003: authorization failed (the trunk belongs to another account).</summary>
    public static ExotelErrorCode AuthorizationFailed { get; } = new(1003);

    /// <summary>1007: the request body could not be parsed.</summary>
    public static ExotelErrorCode InvalidRequestBody { get; } = new(1007);

    /// <summary>1008: the resource already exists. Exotel often sends it inside an HTTP 200.</summary>
    public static ExotelErrorCode DuplicateResource { get; } = new(1008);

    /// <summary>1010: authentication failed (a bad key or token, or the wrong regional host).</summary>
    public static ExotelErrorCode AuthenticationFailed { get; } = new(1010);

    /// <summary>1011: unsupported content type.</summary>
    public static ExotelErrorCode UnsupportedContentType { get; } = new(1011);

    /// <summary>The v1 rate-limit code, <c>RATE_LIMIT_EXCEEDED</c>.</summary>
    public static ExotelErrorCode RateLimitExceeded { get; } = new("RATE_LIMIT_EXCEEDED");

    /// <summary>Wraps a raw error code.</summary>
    public static ExotelErrorCode FromString(string value) => new(value);

    /// <summary>Wraps a raw error code.</summary>
    public static implicit operator ExotelErrorCode(string value) => new(value);

    /// <summary>Returns the raw code.</summary>
    public override string ToString() => Value;
}
