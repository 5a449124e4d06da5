using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vapi.Client;

/// <summary>A saved assistant: its id and name, with the rest of its (large) configuration in <see cref="AdditionalProperties"/>.</summary>
public sealed class VapiAssistant
{
    private readonly string? _id;

    /// <summary>The assistant's id (a UUID).</summary>
    [JsonPropertyName("id")]
    public string Id
    {
        get => _id ?? string.Empty;
        init => _id = value;
    }

    /// <summary>The organisation that owns it.</summary>
    [JsonPropertyName("orgId")]
    public string? OrgId { get; init; }

    /// <summary>The assistant's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Where the assistant's webhooks go.</summary>
    [JsonPropertyName("server")]
    public VapiServer? Server { get; init; }

    /// <summary>The webhook message types the assistant sends, such as <c>status-update</c> and <c>end-of-call-report</c>.</summary>
    [JsonPropertyName("serverMessages")]
    public IReadOnlyList<string>? ServerMessages { get; init; }

    /// <summary>When it was created.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When it was last changed.</summary>
    [JsonPropertyName("updatedAt")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Members this model does not declare (model, voice, transcriber…), as sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
