using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VapiExotel.Sandbox.Vapi;

/// <summary>One property's rule, checked the way Vapi's validation pipe (class-validator) checks it, with its messages.</summary>
internal abstract record Rule
{
    public abstract void Check(JsonNode node, string path, List<string> messages);
}

internal sealed record TextRule(int Min = 0, int Max = int.MaxValue) : Rule
{
    public override void Check(JsonNode node, string path, List<string> messages)
    {
        if (node.GetValueKind() != JsonValueKind.String)
        {
            messages.Add($"{path} must be a string");
            return;
        }

        var length = node.GetValue<string>().Length;
        if (length > Max)
        {
            messages.Add($"{path} must be shorter than or equal to {Max.ToString(CultureInfo.InvariantCulture)} characters");
        }

        if (length < Min)
        {
            messages.Add($"{path} must be longer than or equal to {Min.ToString(CultureInfo.InvariantCulture)} characters");
        }
    }
}

internal sealed record BoolRule : Rule
{
    public override void Check(JsonNode node, string path, List<string> messages)
    {
        if (node.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            messages.Add($"{path} must be a boolean value");
        }
    }
}

internal sealed record NumberRule(double Min, double Max) : Rule
{
    public override void Check(JsonNode node, string path, List<string> messages)
    {
        if (node.GetValueKind() != JsonValueKind.Number)
        {
            messages.Add($"{path} must be a number conforming to the specified constraints");
            return;
        }

        var value = node.GetValue<double>();
        if (value < Min)
        {
            messages.Add($"{path} must not be less than {Min.ToString(CultureInfo.InvariantCulture)}");
        }

        if (value > Max)
        {
            messages.Add($"{path} must not be greater than {Max.ToString(CultureInfo.InvariantCulture)}");
        }
    }
}

internal sealed record OneOfRule(params string[] Values) : Rule
{
    public override void Check(JsonNode node, string path, List<string> messages)
    {
        if (node.GetValueKind() != JsonValueKind.String || !Values.Contains(node.GetValue<string>(), StringComparer.Ordinal))
        {
            messages.Add($"{path} must be one of the following values: {string.Join(", ", Values)}");
        }
    }
}

internal sealed record DateRule : Rule
{
    public override void Check(JsonNode node, string path, List<string> messages)
    {
        if (node.GetValueKind() != JsonValueKind.String || !VapiSchemas.TryParseDate(node.GetValue<string>(), out _))
        {
            messages.Add($"{path} must be a valid ISO 8601 date string");
        }
    }
}

internal sealed record UrlRule : Rule
{
    public override void Check(JsonNode node, string path, List<string> messages)
    {
        if (node.GetValueKind() != JsonValueKind.String
            || !Uri.TryCreate(node.GetValue<string>(), UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            messages.Add($"{path} must be a URL address");
        }
    }
}

/// <summary>Any JSON object: a schema the sandbox does not check member by member (assistant overrides, backoff plans, hooks).</summary>
internal sealed record AnyObjectRule : Rule
{
    public override void Check(JsonNode node, string path, List<string> messages)
    {
        if (node is not JsonObject)
        {
            messages.Add($"{path} must be an object");
        }
    }
}

/// <summary>A string or an object (a transfer destination's message).</summary>
internal sealed record AnyRule : Rule
{
    public override void Check(JsonNode node, string path, List<string> messages)
    {
    }
}

internal sealed record ObjectRule(Dto Dto) : Rule
{
    public override void Check(JsonNode node, string path, List<string> messages)
    {
        if (node is JsonObject obj)
        {
            Dto.Check(obj, path + ".", messages);
        }
        else
        {
            messages.Add($"nested property {path} must be either object or array");
        }
    }
}

/// <summary>An object whose schema depends on its <c>type</c> (a transfer destination).</summary>
internal sealed record UnionRule(string Discriminator, IReadOnlyDictionary<string, Dto> Dtos) : Rule
{
    public override void Check(JsonNode node, string path, List<string> messages)
    {
        if (node is not JsonObject obj)
        {
            messages.Add($"nested property {path} must be either object or array");
            return;
        }

        var kind = obj[Discriminator] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        if (kind is null || !Dtos.TryGetValue(kind, out var dto))
        {
            messages.Add($"{path}.{Discriminator} must be one of the following values: {string.Join(", ", Dtos.Keys)}");
            return;
        }

        dto.Check(obj, path + ".", messages);
    }
}

internal sealed record ArrayRule(Rule Item, int MinItems = 0) : Rule
{
    public override void Check(JsonNode node, string path, List<string> messages)
    {
        if (node is not JsonArray array)
        {
            messages.Add($"{path} must be an array");
            return;
        }

        if (array.Count < MinItems)
        {
            messages.Add($"{path} must contain at least {MinItems.ToString(CultureInfo.InvariantCulture)} elements");
        }

        for (var i = 0; i < array.Count; i++)
        {
            var itemPath = $"{path}.{i.ToString(CultureInfo.InvariantCulture)}";
            if (array[i] is null)
            {
                messages.Add($"{itemPath} should not be null");
            }
            else
            {
                Item.Check(array[i]!, itemPath, messages);
            }
        }
    }
}

/// <summary>
/// A request schema: its properties and which are required. Properties it does not declare are refused ("property X
/// should not exist"), because Vapi validates with whitelist and forbid-non-whitelisted; null passes for an optional
/// property, as with class-validator's IsOptional.
/// </summary>
internal sealed class Dto(IReadOnlyDictionary<string, Rule> properties, params string[] required)
{
    public IReadOnlyDictionary<string, Rule> Properties { get; } = properties;

    public Dto Without(params string[] names) =>
        new(Properties.Where(p => !names.Contains(p.Key, StringComparer.Ordinal)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));

    public Dto Optional() => new(Properties);

    public void Check(JsonObject obj, string prefix, List<string> messages)
    {
        foreach (var (name, _) in obj)
        {
            if (!Properties.ContainsKey(name))
            {
                messages.Add($"{prefix}property {name} should not exist");
            }
        }

        foreach (var (name, rule) in Properties)
        {
            var node = obj[name];
            if (node is null)
            {
                if (required.Contains(name, StringComparer.Ordinal))
                {
                    messages.Add($"{prefix}{name} should not be empty");
                }

                continue;
            }

            rule.Check(node, prefix + name, messages);
        }
    }
}

/// <summary>The request schemas of the Vapi endpoints the sandbox serves, after Vapi's public OpenAPI document.</summary>
internal static class VapiSchemas
{
    private static readonly string[] TimeFields = ["createdAt", "updatedAt"];
    private static readonly string[] Comparisons = ["Gt", "Lt", "Ge", "Le"];
    private static readonly Rule Text = new TextRule();
    private static readonly Rule Flag = new BoolRule();
    private static readonly Rule AnyObject = new AnyObjectRule();
    private static readonly Rule Date = new DateRule();

    public static Dto Gateway { get; } = new(
        new Dictionary<string, Rule>(StringComparer.Ordinal)
        {
            ["ip"] = Text,
            ["port"] = new NumberRule(1, 65535),
            ["netmask"] = new NumberRule(24, 32),
            ["inboundEnabled"] = Flag,
            ["outboundEnabled"] = Flag,
            ["outboundProtocol"] = new OneOfRule("tls/srtp", "tcp", "tls", "udp"),
            ["optionsPingEnabled"] = Flag,
        },
        "ip");

    public static Dto CreateCredential { get; } = new(
        new Dictionary<string, Rule>(StringComparer.Ordinal)
        {
            ["provider"] = new OneOfRule("byo-sip-trunk"),
            ["name"] = new TextRule(1, 40),
            ["gateways"] = new ArrayRule(new ObjectRule(Gateway), MinItems: 1),
            ["outboundAuthenticationPlan"] = new ObjectRule(new Dto(new Dictionary<string, Rule>(StringComparer.Ordinal)
            {
                ["authUsername"] = Text,
                ["authPassword"] = Text,
                ["sipRegisterPlan"] = new ObjectRule(new Dto(new Dictionary<string, Rule>(StringComparer.Ordinal) { ["domain"] = Text, ["username"] = Text, ["realm"] = Text })),
            })),
            ["outboundLeadingPlusEnabled"] = Flag,
            ["techPrefix"] = new TextRule(0, 10000),
            ["sipDiversionHeader"] = new TextRule(0, 10000),
        },
        "provider",
        "gateways");

    public static Dto UpdateCredential { get; } = CreateCredential.Optional();

    private static readonly Dto Server = new(new Dictionary<string, Rule>(StringComparer.Ordinal)
    {
        ["url"] = new UrlRule(),
        ["headers"] = AnyObject,
        ["credentialId"] = Text,
        ["timeoutSeconds"] = new NumberRule(1, 300),
        ["staticIpAddressesEnabled"] = Flag,
        ["encryptedPaths"] = new ArrayRule(Text),
        ["backoffPlan"] = AnyObject,
    });

    private static readonly Rule FallbackDestination = new UnionRule("type", new Dictionary<string, Dto>(StringComparer.Ordinal)
    {
        ["number"] = new(
            new Dictionary<string, Rule>(StringComparer.Ordinal)
            {
                ["type"] = Text,
                ["number"] = new TextRule(3, 40),
                ["numberE164CheckEnabled"] = Flag,
                ["extension"] = new TextRule(0, 10),
                ["callerId"] = Text,
                ["message"] = new AnyRule(),
                ["description"] = Text,
                ["transferPlan"] = AnyObject,
            },
            "number"),
        ["sip"] = new(
            new Dictionary<string, Rule>(StringComparer.Ordinal)
            {
                ["type"] = Text,
                ["sipUri"] = Text,
                ["sipHeaders"] = AnyObject,
                ["callerId"] = Text,
                ["message"] = new AnyRule(),
                ["description"] = Text,
                ["transferPlan"] = AnyObject,
            },
            "sipUri"),
    });

    private static readonly Dictionary<string, Rule> NumberCommon = new(StringComparer.Ordinal)
    {
        ["name"] = new TextRule(0, 40),
        ["assistantId"] = Text,
        ["squadId"] = Text,
        ["workflowId"] = Text,
        ["server"] = new ObjectRule(Server),
        ["fallbackDestination"] = FallbackDestination,
        ["hooks"] = new ArrayRule(AnyObject),
    };

    public static Dto CreateByoNumber { get; } = new(
        new Dictionary<string, Rule>(NumberCommon, StringComparer.Ordinal)
        {
            ["provider"] = new OneOfRule("byo-phone-number"),
            ["credentialId"] = Text,
            ["number"] = new TextRule(3, 40),
            ["numberE164CheckEnabled"] = Flag,
        },
        "provider",
        "credentialId");

    public static Dto UpdateByoNumber { get; } = CreateByoNumber.Optional();

    public static Dto CreateVapiNumber { get; } = new(
        new Dictionary<string, Rule>(NumberCommon, StringComparer.Ordinal)
        {
            ["provider"] = new OneOfRule("vapi"),
            ["sipUri"] = Text,
            ["authentication"] = new ObjectRule(new Dto(
                new Dictionary<string, Rule>(StringComparer.Ordinal) { ["realm"] = Text, ["username"] = new TextRule(20, 40), ["password"] = new TextRule(20, 40) },
                "username",
                "password")),
            ["numberDesiredAreaCode"] = new TextRule(3, 3),
        },
        "provider");

    public static Dto UpdateVapiNumber { get; } = CreateVapiNumber.Without("numberDesiredAreaCode").Optional();

    private static readonly Dto Customer = new(new Dictionary<string, Rule>(StringComparer.Ordinal)
    {
        ["number"] = new TextRule(3, 40),
        ["numberE164CheckEnabled"] = Flag,
        ["extension"] = new TextRule(0, 10),
        ["sipUri"] = Text,
        ["name"] = new TextRule(0, 40),
        ["email"] = new TextRule(0, 40),
        ["externalId"] = new TextRule(0, 40),
        ["assistantOverrides"] = AnyObject,
        ["squadOverrides"] = AnyObject,
    });

    public static Dto CreateCall { get; } = new(new Dictionary<string, Rule>(StringComparer.Ordinal)
    {
        ["assistant"] = AnyObject,
        ["assistantId"] = Text,
        ["assistantOverrides"] = AnyObject,
        ["assistantVersion"] = Text,
        ["customer"] = new ObjectRule(Customer),
        ["customerId"] = Text,
        ["customers"] = new ArrayRule(new ObjectRule(Customer), MinItems: 1),
        ["name"] = new TextRule(0, 40),
        ["phoneNumber"] = AnyObject,
        ["phoneNumberId"] = Text,
        ["schedulePlan"] = new ObjectRule(new Dto(new Dictionary<string, Rule>(StringComparer.Ordinal) { ["earliestAt"] = Date, ["latestAt"] = Date }, "earliestAt")),
        ["squad"] = AnyObject,
        ["squadId"] = Text,
        ["squadOverrides"] = AnyObject,
        ["transport"] = AnyObject,
        ["workflow"] = AnyObject,
        ["workflowId"] = Text,
        ["workflowOverrides"] = AnyObject,
    });

    public static Dto UpdateCall { get; } = new(new Dictionary<string, Rule>(StringComparer.Ordinal) { ["name"] = new TextRule(0, 40) });

    /// <summary>The query of a list: a limit and the time filters (and, for calls, <paramref name="extra"/>).</summary>
    public static Dto ListQuery(params string[] extra)
    {
        var properties = new Dictionary<string, Rule>(StringComparer.Ordinal) { ["limit"] = new NumberRule(0, 1000) };
        foreach (var field in TimeFields)
        {
            foreach (var op in Comparisons)
            {
                properties[field + op] = Date;
            }
        }

        foreach (var name in extra)
        {
            properties[name] = Text;
        }

        return new Dto(properties);
    }

    public static bool TryParseDate(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value)
        && text.Length >= 10 && char.IsAsciiDigit(text[0]);
}
