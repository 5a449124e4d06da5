using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vapi.Client;

/// <summary>What every Vapi resource has: an id, its organisation, its dates, and the members this SDK does not model.</summary>
public abstract class VapiResource
{
    private readonly string? _id;

    /// <summary>The resource's id (a UUID).</summary>
    [JsonPropertyName("id")]
    public string Id
    {
        get => _id ?? string.Empty;
        init => _id = value;
    }

    /// <summary>The organisation that owns it.</summary>
    [JsonPropertyName("orgId")]
    public string? OrgId { get; init; }

    /// <summary>When it was created.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When it was last changed.</summary>
    [JsonPropertyName("updatedAt")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>
    /// Members this model does not declare, as Vapi sent them. Never sent back to Vapi. For another provider's
    /// credential or number they may hold that provider's secrets: do not log them.
    /// </summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
