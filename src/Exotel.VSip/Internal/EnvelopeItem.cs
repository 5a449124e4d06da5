using System.Globalization;
using System.Text.Json;
using VapiExotel.Shared.Http;

namespace Exotel.VSip.Internal;

/// <summary>
/// One v2 result: <c>{code, status, error_data, data}</c>. It succeeded only when <c>status</c> is <c>success</c> and
/// <c>code</c> is 2xx; Exotel can answer HTTP 200 with <c>code</c> 409 for a duplicate.
/// </summary>
internal readonly record struct EnvelopeItem(int? Code, string? Status, JsonElement? ErrorData, JsonElement? Data, int HttpStatus)
{
    public bool IsSuccess
    {
        get
        {
            var code = Code ?? HttpStatus;
            var codeOk = code is >= 200 and < 300;
            return Status is null
                ? codeOk && ErrorData is null
                : codeOk && string.Equals(Status, "success", StringComparison.OrdinalIgnoreCase);
        }
    }

    public static EnvelopeItem Read(JsonElement element, int httpStatus)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new EnvelopeItem(null, null, null, null, httpStatus);
        }

        JsonElement? errorData = element.TryGetProperty("error_data", out var e) && e.ValueKind == JsonValueKind.Object ? e : null;
        JsonElement? data = element.TryGetProperty("data", out var d) && d.ValueKind != JsonValueKind.Null ? d : null;
        return new EnvelopeItem(element.GetInt32OrNull("code"), element.GetStringOrNull("status"), errorData, data, httpStatus);
    }

    public ExotelItemError ToError(SecretRedactor redactor) => new()
    {
        Code = Code,
        ErrorCode = ErrorCodeValue,
        Message = ErrorData?.GetStringOrNull("message") is { } m ? redactor.Snippet(m, 120) : null,
        Description = ErrorData?.GetStringOrNull("description") is { } s ? redactor.Snippet(s) : null,
    };

    public ExotelException ToException(RawResponse raw, string? requestId) =>
        ExotelErrors.FromService(raw, Code, ErrorCodeValue, ErrorData?.GetStringOrNull("message"), ErrorData?.GetStringOrNull("description"), requestId);

    private ExotelErrorCode? ErrorCodeValue => ErrorData?.GetStringOrNull("code") is { Length: > 0 } c ? new ExotelErrorCode(c) : (ExotelErrorCode?)null;
}

/// <summary>Tolerant reads of optional members: a missing member, a null, or a number where a string was expected.</summary>
internal static class JsonElementExtensions
{
    public static string? GetStringOrNull(this JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    public static int? GetInt32OrNull(this JsonElement element, string name) =>
        GetStringOrNull(element, name) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
