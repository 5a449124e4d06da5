using System.Text.Json;
using System.Text.Json.Serialization;

namespace Exotel.VSip.Internal;

/// <summary>Reads a list of legs in either of Exotel's shapes: <c>[{"Leg": {…}}]</c> (call details) or <c>[{…}]</c> (callbacks).</summary>
internal sealed class ExotelLegListConverter : JsonConverter<IReadOnlyList<ExotelCallLeg>>
{
    public override bool HandleNull => true;

    public override IReadOnlyList<ExotelCallLeg> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null || (reader.TokenType == JsonTokenType.String && string.IsNullOrWhiteSpace(reader.GetString())))
        {
            return [];   // Exotel writes absent values as null or ""
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var array = document.RootElement;
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException($"Expected an array of legs, got {array.ValueKind}.");
        }

        var legs = new List<ExotelCallLeg>(array.GetArrayLength());
        foreach (var element in array.EnumerateArray())
        {
            var leg = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("Leg", out var inner) ? inner : element;
            legs.Add(leg.Deserialize(ExotelJsonContext.Default.ExotelCallLeg) ?? throw new JsonException("A leg is null."));
        }

        return legs;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<ExotelCallLeg> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var leg in value)
        {
            JsonSerializer.Serialize(writer, leg, ExotelJsonContext.Default.ExotelCallLeg);
        }

        writer.WriteEndArray();
    }
}
