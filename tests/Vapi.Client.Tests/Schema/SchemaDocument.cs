using System.Text.Json;
using Vapi.Client.Tests.Support;

namespace Vapi.Client.Tests.Schema;

/// <summary>
/// The property names (and required ones) of Vapi's request DTOs, from Vapi's OpenAPI document, and a walker that
/// checks a request body against them level by level.
/// </summary>
internal sealed class SchemaDocument
{
    private static readonly Lazy<SchemaDocument> Instance = new(Load);

    private SchemaDocument(Dictionary<string, (HashSet<string> Properties, HashSet<string> Required)> schemas) => Schemas = schemas;

    public static SchemaDocument Vapi => Instance.Value;

    public Dictionary<string, (HashSet<string> Properties, HashSet<string> Required)> Schemas { get; }

    public IReadOnlySet<string> Properties(string dto) => Schemas[dto].Properties;

    public IReadOnlySet<string> Required(string dto) => Schemas[dto].Required;

    private static SchemaDocument Load()
    {
        using var document = JsonDocument.Parse(Fixtures.Read("schema-properties.json"));
        var schemas = new Dictionary<string, (HashSet<string>, HashSet<string>)>(StringComparer.Ordinal);
        foreach (var schema in document.RootElement.GetProperty("schemas").EnumerateObject())
        {
            schemas[schema.Name] = (
                schema.Value.GetProperty("properties").EnumerateArray().Select(p => p.GetString()!).ToHashSet(StringComparer.Ordinal),
                schema.Value.GetProperty("required").EnumerateArray().Select(p => p.GetString()!).ToHashSet(StringComparer.Ordinal));
        }

        return new SchemaDocument(schemas);
    }

    /// <summary>
    /// Walks <paramref name="json"/> as an instance of <paramref name="dto"/>: every member must be in the DTO's
    /// properties, every required one present, and every nested object must map to a known DTO (or be free-form).
    /// </summary>
    /// <returns>The problems found, each with its JSON path; empty when the body conforms.</returns>
    public List<string> Check(string json, string dto, Dictionary<string, HashSet<string>>? seen = null)
    {
        using var document = JsonDocument.Parse(json);
        var problems = new List<string>();
        Walk(document.RootElement, dto, "$", problems, seen ?? []);
        return problems;
    }

    private void Walk(JsonElement element, string dto, string path, List<string> problems, Dictionary<string, HashSet<string>> seen)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: expected an object ({dto}), got {element.ValueKind}");
            return;
        }

        var (properties, required) = Schemas[dto];
        if (!seen.TryGetValue(dto, out var names))
        {
            seen[dto] = names = new HashSet<string>(StringComparer.Ordinal);
        }

        foreach (var name in required)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                problems.Add($"{path}: required '{name}' of {dto} is missing");
            }
        }

        foreach (var member in element.EnumerateObject())
        {
            var at = $"{path}.{member.Name}";
            names.Add(member.Name);
            if (!properties.Contains(member.Name))
            {
                problems.Add($"{at}: '{member.Name}' is not a property of {dto}");
                continue;
            }

            var value = member.Value;
            if (value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            {
                continue;
            }

            switch (member.Name)
            {
                case "assistant" or "assistantOverrides" when dto is "CreateCallDTO":
                case "headers" or "backoffPlan" or "encryptedPaths" when dto is "Server":   // headers and backoffPlan are caller-shaped JSON; encryptedPaths strings
                    break;   // free-form
                case "gateways":
                    WalkArray(value, "SipTrunkGateway", at, problems, seen);
                    break;
                case "outboundAuthenticationPlan":
                    Walk(value, "SipTrunkOutboundAuthenticationPlan", at, problems, seen);
                    break;
                case "sipRegisterPlan" when dto is "SipTrunkOutboundAuthenticationPlan":
                    Walk(value, "SipTrunkOutboundSipRegisterPlan", at, problems, seen);
                    break;
                case "server":
                    Walk(value, "Server", at, problems, seen);
                    break;
                case "authentication":
                    Walk(value, "SipAuthentication", at, problems, seen);
                    break;
                case "fallbackDestination":
                    var type = value.ValueKind == JsonValueKind.Object && value.TryGetProperty("type", out var t) ? t.GetString() : null;
                    switch (type)
                    {
                        case "number":
                            Walk(value, "TransferDestinationNumber", at, problems, seen);
                            break;
                        case "sip":
                            Walk(value, "TransferDestinationSip", at, problems, seen);
                            break;
                        default:
                            problems.Add($"{at}: a transfer destination must have type 'number' or 'sip', got '{type}'");
                            break;
                    }

                    break;
                case "customer" when dto is "CreateCallDTO":
                    Walk(value, "CreateCustomerDTO", at, problems, seen);
                    break;
                case "customers" when dto is "CreateCallDTO":
                    WalkArray(value, "CreateCustomerDTO", at, problems, seen);
                    break;
                case "schedulePlan" when dto is "CreateCallDTO":
                    Walk(value, "SchedulePlan", at, problems, seen);
                    break;
                default:
                    problems.Add($"{at}: a nested {value.ValueKind} of {dto} that the test does not map to a DTO");
                    break;
            }
        }
    }

    private void WalkArray(JsonElement element, string itemDto, string path, List<string> problems, Dictionary<string, HashSet<string>> seen)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{path}: expected an array of {itemDto}, got {element.ValueKind}");
            return;
        }

        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            Walk(item, itemDto, $"{path}[{index++}]", problems, seen);
        }
    }
}
