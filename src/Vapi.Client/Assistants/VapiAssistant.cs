using System.Text.Json.Serialization;

namespace Vapi.Client;

/// <summary>A saved assistant: its id and name, with the rest of its (large) configuration in <see cref="VapiResource.AdditionalProperties"/>.</summary>
public sealed class VapiAssistant : VapiResource
{
    /// <summary>The assistant's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Where the assistant's webhooks go.</summary>
    [JsonPropertyName("server")]
    public VapiServer? Server { get; init; }

    /// <summary>The webhook message types the assistant sends, such as <c>status-update</c> and <c>end-of-call-report</c>.</summary>
    [JsonPropertyName("serverMessages")]
    public IReadOnlyList<string>? ServerMessages { get; init; }
}
