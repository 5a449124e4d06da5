using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Vapi.Client;

/// <summary>
/// Places an outbound phone call: who answers (exactly one of <see cref="AssistantId"/>, <see cref="Assistant"/>,
/// <see cref="SquadId"/> and <see cref="WorkflowId"/>), the number it is from (<see cref="PhoneNumberId"/>) and whom it
/// calls (<see cref="Customer"/> or <see cref="CustomerId"/>; <see cref="Customers"/> for a batch). Only the members you
/// set are sent; the rules are checked before sending.
/// </summary>
public sealed class CreateCallRequest
{
    /// <summary>The saved assistant that talks.</summary>
    [JsonPropertyName("assistantId")]
    public string? AssistantId { get; set; }

    /// <summary>An inline (transient) assistant, in Vapi's JSON shape, instead of a saved one.</summary>
    [JsonPropertyName("assistant")]
    public JsonObject? Assistant { get; set; }

    /// <summary>Overrides for the assistant, in Vapi's JSON shape, such as <c>{"variableValues": {"name": "Asha"}}</c>.</summary>
    [JsonPropertyName("assistantOverrides")]
    public JsonObject? AssistantOverrides { get; set; }

    /// <summary>The squad that talks.</summary>
    [JsonPropertyName("squadId")]
    public string? SquadId { get; set; }

    /// <summary>The workflow that runs the call.</summary>
    [JsonPropertyName("workflowId")]
    public string? WorkflowId { get; set; }

    /// <summary>The number the call is from: a BYO number (a free Vapi SIP number cannot dial out). Required.</summary>
    [JsonPropertyName("phoneNumberId")]
    public string? PhoneNumberId { get; set; }

    /// <summary>The saved customer to call.</summary>
    [JsonPropertyName("customerId")]
    public string? CustomerId { get; set; }

    /// <summary>The one customer to call.</summary>
    [JsonPropertyName("customer")]
    public VapiCustomer? Customer { get; set; }

    /// <summary>Several customers to call at once (a batch, placed with <c>CreateBatchAsync</c>).</summary>
    [JsonPropertyName("customers")]
    public IList<VapiCustomer>? Customers { get; set; }

    /// <summary>When to place the call; without it the call is placed now.</summary>
    [JsonPropertyName("schedulePlan")]
    public VapiSchedulePlan? SchedulePlan { get; set; }

    /// <summary>The call's label; at most 40 characters.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }
}

/// <summary>The answer to a batch of calls: the calls created and the customers that failed.</summary>
public sealed class VapiCallBatch
{
    private readonly IReadOnlyList<VapiCall>? _results;
    private readonly IReadOnlyList<VapiCallBatchError>? _errors;

    /// <summary>The calls created.</summary>
    [JsonPropertyName("results")]
    public IReadOnlyList<VapiCall> Results
    {
        get => _results ?? [];
        init => _results = value;
    }

    /// <summary>The customers whose call was not created, and why.</summary>
    [JsonPropertyName("errors")]
    public IReadOnlyList<VapiCallBatchError> Errors
    {
        get => _errors ?? [];
        init => _errors = value;
    }

    /// <summary>The organisation's concurrency at creation.</summary>
    [JsonPropertyName("subscriptionLimits")]
    public VapiSubscriptionLimits? SubscriptionLimits { get; init; }
}

/// <summary>A customer of a batch whose call was not created.</summary>
public sealed class VapiCallBatchError
{
    /// <summary>The customer as sent.</summary>
    [JsonPropertyName("customer")]
    public VapiCustomer? Customer { get; init; }

    /// <summary>Vapi's reason (an object arrives as its JSON text).</summary>
    [JsonPropertyName("error")]
    [JsonConverter(typeof(Internal.JsonTextConverter))]
    public string? Error { get; init; }
}
