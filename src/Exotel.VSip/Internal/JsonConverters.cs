using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

using VapiExotel.Shared.Json;

namespace Exotel.VSip.Internal;

// Exotel sends numbers as strings ("Duration": "17"), ids as strings or numbers, dates in two formats and empty
// strings for absent values. These converters accept all of that, so that one odd field never fails a whole call.

/// <summary>A duration in whole seconds, lenient like <see cref="LenientInt32Converter"/>.</summary>
internal sealed class LenientSecondsConverter : JsonConverter<TimeSpan?>
{
    private static readonly LenientInt32Converter Seconds = new();

    public override bool HandleNull => true;

    public override TimeSpan? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Seconds.Read(ref reader, typeof(int?), options) is { } s ? TimeSpan.FromSeconds(s) : null;

    public override void Write(Utf8JsonWriter writer, TimeSpan? value, JsonSerializerOptions options) =>
        Seconds.Write(writer, value is { } v ? (int)v.TotalSeconds : null, options);
}

/// <summary>
/// Exotel's dates: ISO 8601 in UTC in the v2 API (<c>2026-01-23T13:38:32Z</c>), and <c>yyyy-MM-dd HH:mm:ss</c> in India
/// Standard Time with no offset in the v1 API and its callbacks. Both become a <see cref="DateTimeOffset"/>.
/// </summary>
internal sealed class ExotelDateTimeConverter : JsonConverter<DateTimeOffset?>
{
    public static readonly TimeSpan IndiaStandardTime = TimeSpan.FromHours(5.5);

    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => Parse(reader.GetString()),
            _ => throw new JsonException($"Expected a date string, got {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } v)
        {
            writer.WriteStringValue(v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (text.StartsWith("0000-00-00", StringComparison.Ordinal))
        {
            return null;   // a "zero date" stands for no date
        }

        if (DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var ist))
        {
            return new DateTimeOffset(ist, IndiaStandardTime);
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            throw new JsonException($"'{text}' is not a date Exotel uses.");
        }

        // Exotel's dates without an offset are in India Standard Time; those with one (v2's "Z") say so themselves.
        return parsed.Kind == DateTimeKind.Unspecified
            ? new DateTimeOffset(parsed, IndiaStandardTime)
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    /// <summary>Formats a moment the way the v1 API's filters expect: IST, <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    public static string FormatIst(DateTimeOffset value) =>
        value.ToOffset(IndiaStandardTime).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
