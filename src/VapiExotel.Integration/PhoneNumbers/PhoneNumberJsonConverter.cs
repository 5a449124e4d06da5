using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiExotel.Integration.PhoneNumbers;

/// <summary>
/// Writes a <see cref="PhoneNumber"/> as its E.164 string and reads any accepted form (as a value or as a property
/// name); a text that is not a number is a <see cref="JsonException"/> that says why.
/// </summary>
public sealed class PhoneNumberJsonConverter : JsonConverter<PhoneNumber>
{
    /// <inheritdoc />
    public override PhoneNumber Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? FromText(reader.GetString())
            : throw new JsonException($"A phone number is a JSON string; got {reader.TokenType}.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, PhoneNumber value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.E164);
    }

    /// <inheritdoc />
    public override PhoneNumber ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => FromText(reader.GetString());

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, PhoneNumber value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WritePropertyName(value.E164);
    }

    private static PhoneNumber FromText(string? text) =>
        PhoneNumber.TryParse(text, out var number, out var reason) ? number : throw new JsonException($"'{text}' is not a phone number: {reason}");
}
