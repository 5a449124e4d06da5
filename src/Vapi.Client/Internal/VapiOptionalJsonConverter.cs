using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Vapi.Client.Internal;

/// <summary>
/// Writes a set <see cref="VapiOptional{T}"/> as its value (JSON null included). An unset one is never reached: the
/// context skips members equal to their default, which is exactly "unset".
/// </summary>
internal sealed class VapiOptionalJsonConverter<T> : JsonConverter<VapiOptional<T>>
{
    public override bool HandleNull => true;

    public override VapiOptional<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonSerializer.Deserialize(ref reader, TypeInfo(options))!);

    public override void Write(Utf8JsonWriter writer, VapiOptional<T> value, JsonSerializerOptions options)
    {
        if (!value.IsSet || value.Value is null)
        {
            writer.WriteNullValue();
            return;
        }

        JsonSerializer.Serialize(writer, value.Value, TypeInfo(options));
    }

    // From the source-generated context the options belong to: no reflection.
    private static JsonTypeInfo<T> TypeInfo(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
