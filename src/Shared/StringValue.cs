using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiExotel.Shared;

/// <summary>
/// A service-defined string value that keeps growing (a status, an ended reason): unknown values round-trip verbatim
/// instead of being coerced into a known member, which is what a C# enum would do.
/// </summary>
internal interface IStringValue<TSelf> where TSelf : struct, IStringValue<TSelf>
{
    /// <summary>The raw value as the service sends it.</summary>
    string Value { get; }

    /// <summary>Wraps a raw value.</summary>
    static abstract TSelf FromString(string value);
}

/// <summary>Reads and writes an <see cref="IStringValue{TSelf}"/> as its raw string; a number is read as its text.</summary>
internal sealed class StringValueJsonConverter<T> : JsonConverter<T> where T : struct, IStringValue<T>
{
    public override bool HandleNull => true;

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => default,
            JsonTokenType.String => T.FromString(reader.GetString()!),
            JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False =>
                T.FromString(System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan)),
            _ => throw new JsonException($"Expected a string for {typeof(T).Name}, got {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}

/// <summary>Helpers for <see cref="IStringValue{TSelf}"/> implementations.</summary>
internal static class StringValue
{
    /// <summary>
    /// The field to store for a raw value: null for the empty string, so that <c>new("")</c> equals <c>default</c>
    /// (both read as <c>""</c>, and record-struct equality compares the field).
    /// </summary>
    public static string? Store(string value, string name) => Guard.NotNull(value, name).Length == 0 ? null : value;
}
