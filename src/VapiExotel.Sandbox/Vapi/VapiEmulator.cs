using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using VapiExotel.Sandbox.Calls;
using VapiExotel.Sandbox.Hosting;
using VapiExotel.Shared;

namespace VapiExotel.Sandbox.Vapi;

/// <summary>A refusal in Vapi's (NestJS) error shape: <c>{"message": …, "error": …, "statusCode": …}</c>.</summary>
internal sealed class VapiError : Exception
{
    public VapiError(int status, string message)
        : base(message) => (Status, Messages) = (status, null);

    public VapiError(int status, IReadOnlyList<string> messages)
        : base(string.Join("; ", messages)) => (Status, Messages) = (status, messages);

    public int Status { get; }

    /// <summary>Validation messages, sent as an array; null for a single message, sent as a string.</summary>
    public IReadOnlyList<string>? Messages { get; }

    public static VapiError NotFound(string what) => new(404, $"{what} not found");
}

/// <summary>A stored Vapi resource: its server-side fields and the fields it was given, minus the secrets.</summary>
internal sealed class VapiResourceRecord
{
    public required string Id { get; init; }

    public required string Kind { get; init; }

    public DateTimeOffset Created { get; init; }

    public DateTimeOffset Updated { get; set; }

    public required JsonObject Fields { get; set; }

    /// <summary>Write-only values (an auth plan's password, a SIP number's password), kept to check against.</summary>
    public Dictionary<string, string> Secrets { get; } = new(StringComparer.Ordinal);

    public long Sequence { get; init; }

    public string? Provider => (string?)Fields["provider"];

    public JsonObject ToJson(string orgId)
    {
        var json = new JsonObject { ["id"] = Id, ["orgId"] = orgId };
        if (Fields["provider"] is { } provider)
        {
            json["provider"] = provider.DeepClone();
        }

        json["createdAt"] = VapiEmulator.Iso(Created);
        json["updatedAt"] = VapiEmulator.Iso(Updated);
        foreach (var (name, value) in Fields)
        {
            if (name != "provider")
            {
                json[name] = value?.DeepClone();
            }
        }

        return json;
    }
}

/// <summary>
/// Vapi: BYO SIP trunk credentials, phone numbers, calls (progressing on the sandbox clock, with server messages)
/// and assistants, refusing what Vapi refuses, in Vapi's error shape.
/// </summary>
internal sealed partial class VapiEmulator : IEmulator
{
    private const string ControlPrefix = "/sandbox-control/";
    private readonly VapiExotelSandboxOptions _options;
    private readonly CallScripts _scripts;
    private readonly Router _router = new();
    private long _sequence;

    public VapiEmulator(VapiExotelSandboxOptions options, CallScripts scripts, DateTimeOffset now)
    {
        _options = options;
        _scripts = scripts;
        foreach (var name in options.Assistants)
        {
            AddAssistant(name, now);
        }

        _router.Map("POST", "/credential", CreateCredential);
        _router.Map("GET", "/credential", (r, _) => List(r, Credentials, VapiSchemas.ListQuery()));
        _router.Map("GET", "/credential/{id}", (r, v) => Answer(200, Find(Credentials, v, "Credential")));
        _router.Map("PATCH", "/credential/{id}", UpdateCredential);
        _router.Map("DELETE", "/credential/{id}", DeleteCredential);

        _router.Map("POST", "/phone-number", CreatePhoneNumber);
        _router.Map("GET", "/phone-number", (r, _) => List(r, PhoneNumbers, VapiSchemas.ListQuery()));
        _router.Map("GET", "/phone-number/{id}", (r, v) => Answer(200, Find(PhoneNumbers, v, "Phone number")));
        _router.Map("PATCH", "/phone-number/{id}", UpdatePhoneNumber);
        _router.Map("DELETE", "/phone-number/{id}", (r, v) => Remove(PhoneNumbers, Find(PhoneNumbers, v, "Phone number")));

        _router.Map("POST", "/call", CreateCall);
        _router.Map("GET", "/call", ListCalls);
        _router.Map("GET", "/call/{id}", (r, v) => Answer(200, CallJson(FindCall(v), r.Now)));
        _router.Map("PATCH", "/call/{id}", UpdateCall);
        _router.Map("DELETE", "/call/{id}", DeleteCall);

        _router.Map("GET", "/assistant", (r, _) => List(r, Assistants, VapiSchemas.ListQuery()));
        _router.Map("GET", "/assistant/{id}", (r, v) => Answer(200, Find(Assistants, v, "Assistant")));

        _router.Map("POST", ControlPrefix + "{id}/control", Control);
    }

    public SandboxApi Api => SandboxApi.Vapi;

    public string OrgId { get; } = Guid.NewGuid().ToString();

    public List<VapiResourceRecord> Credentials { get; } = [];

    public List<VapiResourceRecord> PhoneNumbers { get; } = [];

    public List<VapiResourceRecord> Assistants { get; } = [];

    public List<VapiCallRecord> Calls { get; } = [];

    public static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public SandboxResponse Handle(SandboxHttpRequest request)
    {
        try
        {
            // The control URL carries no API key, as Vapi's does not: the URL itself is the secret.
            if (!request.Path.StartsWith(ControlPrefix, StringComparison.Ordinal) && !Authorized(request))
            {
                throw new VapiError(401, "Invalid Key. Hot tip, you may be using the private key instead of the public key, or vice versa.");
            }

            var handler = _router.Match(request.Method, request.Path, out var values, out _)
                          ?? throw new VapiError(404, $"Cannot {request.Method} {request.Path}");
            return handler(request, values);
        }
        catch (VapiError e)
        {
            return ErrorResponse(e);
        }
    }

    public SandboxResponse Refusal(SandboxHttpRequest request, int status, string message, TimeSpan? retryAfter)
    {
        var response = ErrorResponse(new VapiError(status, message));
        return retryAfter is { } wait
            ? response.WithHeader("Retry-After", Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture))
            : response;
    }

    public VapiResourceRecord AddAssistant(string name, DateTimeOffset now)
    {
        var assistant = new VapiResourceRecord
        {
            Id = Guid.NewGuid().ToString(),
            Kind = "assistant",
            Created = now,
            Updated = now,
            Sequence = ++_sequence,
            Fields = new JsonObject { ["name"] = name, ["firstMessage"] = "Hello from the sandbox.", ["monitorPlan"] = new JsonObject { ["controlEnabled"] = true } },
        };
        Assistants.Add(assistant);
        return assistant;
    }

    private bool Authorized(SandboxHttpRequest request) =>
        AuthenticationHeaderValue.TryParse(request.Header("Authorization"), out var header)
        && string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
        && string.Equals(header.Parameter, _options.VapiApiKey, StringComparison.Ordinal);

    private static SandboxResponse ErrorResponse(VapiError e)
    {
        var body = new JsonObject
        {
            ["message"] = e.Messages is { } list ? new JsonArray([.. list.Select(m => (JsonNode)m)]) : e.Message,
            ["error"] = ReasonPhrases.GetReasonPhrase(e.Status) is { Length: > 0 } reason ? reason : "Error",
            ["statusCode"] = e.Status,
        };
        return SandboxResponse.Json(e.Status, body);
    }

    private SandboxResponse Answer(int status, VapiResourceRecord record) => SandboxResponse.Json(status, record.ToJson(OrgId));

    private static SandboxResponse Answer(int status, JsonNode body) => SandboxResponse.Json(status, body);

    // ---- shared request handling -------------------------------------------------------------------------------

    private static JsonObject Body(SandboxHttpRequest request, Dto dto, params string[] notNull)
    {
        // Nest's JSON body parser reads only JSON; any other content type arrives as an empty body.
        var json = request.ContentType?.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase) == true;
        JsonNode? node;
        try
        {
            node = request.Body.Length == 0 || !json ? new JsonObject() : JsonNode.Parse(request.Body);
        }
        catch (JsonException e)
        {
            throw new VapiError(400, $"Unexpected token in JSON at position {e.BytePositionInLine?.ToString(CultureInfo.InvariantCulture) ?? "0"}");
        }

        var body = node as JsonObject ?? throw new VapiError(400, "The request body must be a JSON object");
        Validate(body, dto);

        // A PATCH may clear optional members with null, but not the ones every resource of the kind must have.
        var nulls = notNull.Where(name => body.ContainsKey(name) && body[name] is null).Select(name => $"{name} should not be null").ToList();
        if (nulls.Count > 0)
        {
            throw new VapiError(400, nulls);
        }

        return body;
    }

    private static void Validate(JsonObject body, Dto dto)
    {
        var messages = new List<string>();
        dto.Check(body, string.Empty, messages);
        if (messages.Count > 0)
        {
            throw new VapiError(400, messages);
        }
    }

    private static VapiResourceRecord Find(List<VapiResourceRecord> records, RouteValues values, string what)
    {
        var id = UuidFrom(values);
        return records.Find(r => r.Id == id) ?? throw VapiError.NotFound(what);
    }

    /// <summary>The path's id, which Vapi's routes require to be a UUID.</summary>
    private static string UuidFrom(RouteValues values) =>
        Guid.TryParse(values["id"], out _) ? values["id"] : throw new VapiError(400, "Validation failed (uuid is expected)");

    private SandboxResponse Remove(List<VapiResourceRecord> records, VapiResourceRecord record)
    {
        records.Remove(record);
        return Answer(200, record);
    }

    /// <summary>A list: newest first, filtered by the time filters, cut at <c>limit</c> (100 by default); a plain array, as Vapi sends it.</summary>
    private SandboxResponse List(SandboxHttpRequest request, IEnumerable<VapiResourceRecord> records, Dto query)
    {
        var (limit, keep) = ListFilter(request, query);
        var page = records
            .Where(r => keep(r.Created, r.Updated))
            .OrderByDescending(r => r.Created)
            .ThenByDescending(r => r.Sequence)
            .Take(limit)
            .Select(r => (JsonNode)r.ToJson(OrgId));
        return Answer(200, new JsonArray([.. page]));
    }

    private static (int Limit, Func<DateTimeOffset, DateTimeOffset, bool> Keep) ListFilter(SandboxHttpRequest request, Dto query)
    {
        var json = new JsonObject();
        foreach (var (name, value) in request.Query)
        {
            var text = value.ToString();
            json[name] = name == "limit" && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : text;
        }

        Validate(json, query);
        var limit = json["limit"] is { } l ? (int)l.GetValue<double>() : 100;
        DateTimeOffset? Date(string name) => request.QueryValue(name) is { } text && VapiSchemas.TryParseDate(text, out var d) ? d : null;
        var (cgt, clt, cge, cle) = (Date("createdAtGt"), Date("createdAtLt"), Date("createdAtGe"), Date("createdAtLe"));
        var (ugt, ult, uge, ule) = (Date("updatedAtGt"), Date("updatedAtLt"), Date("updatedAtGe"), Date("updatedAtLe"));

        // Vapi's dates have millisecond precision; compare at that precision, as its database does.
        static DateTimeOffset Ms(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        return (limit, (created, updated) =>
        {
            var (c, u) = (Ms(created), Ms(updated));
            return (cgt is null || c > cgt) && (clt is null || c < clt) && (cge is null || c >= cge) && (cle is null || c <= cle)
                   && (ugt is null || u > ugt) && (ult is null || u < ult) && (uge is null || u >= uge) && (ule is null || u <= ule);
        });
    }

    /// <summary>Applies a PATCH: a null removes the member, anything else replaces it whole (gateways are replaced as one array).</summary>
    private static void Merge(JsonObject fields, JsonObject patch)
    {
        foreach (var (name, value) in patch)
        {
            if (value is null)
            {
                fields.Remove(name);
            }
            else
            {
                fields[name] = value.DeepClone();
            }
        }
    }

    private VapiResourceRecord NewRecord(string kind, DateTimeOffset now, JsonObject fields) => new()
    {
        Id = Guid.NewGuid().ToString(),
        Kind = kind,
        Created = now,
        Updated = now,
        Sequence = ++_sequence,
        Fields = fields,
    };

    private static JsonObject WithoutNulls(JsonObject body)
    {
        var copy = new JsonObject();
        foreach (var (name, value) in body)
        {
            if (value is not null)
            {
                copy[name] = value.DeepClone();
            }
        }

        return copy;
    }

    // ---- credentials -------------------------------------------------------------------------------------------

    private SandboxResponse CreateCredential(SandboxHttpRequest request, RouteValues values)
    {
        var body = Body(request, ProviderSchema(request, ("byo-sip-trunk", VapiSchemas.CreateCredential)));
        CheckGateways(body["gateways"]);
        var record = NewRecord("credential", request.Now, WithoutNulls(body));
        TakeAuthPassword(record);
        Credentials.Add(record);
        return Answer(201, record);
    }

    private SandboxResponse UpdateCredential(SandboxHttpRequest request, RouteValues values)
    {
        var record = Find(Credentials, values, "Credential");
        var body = Body(request, VapiSchemas.UpdateCredential, "provider", "gateways");
        if (body["provider"] is { } provider && (string?)provider != record.Provider)
        {
            throw new VapiError(400, "provider cannot be changed");
        }

        if (body.ContainsKey("gateways"))
        {
            CheckGateways(body["gateways"]);
        }

        if (body.ContainsKey("outboundAuthenticationPlan"))
        {
            record.Secrets.Remove("authPassword");
        }

        Merge(record.Fields, body);
        TakeAuthPassword(record);
        record.Updated = request.Now;
        return Answer(200, record);
    }

    private SandboxResponse DeleteCredential(SandboxHttpRequest request, RouteValues values)
    {
        var record = Find(Credentials, values, "Credential");
        var users = PhoneNumbers.Where(p => (string?)p.Fields["credentialId"] == record.Id).Select(p => p.Id).ToList();
        if (users.Count > 0)
        {
            throw new VapiError(400, $"Credential is in use by phone number(s) {string.Join(", ", users)}; delete them first.");
        }

        return Remove(Credentials, record);
    }

    /// <summary>Vapi never returns an auth plan's password: it is kept aside, to check against.</summary>
    private static void TakeAuthPassword(VapiResourceRecord record)
    {
        if (record.Fields["outboundAuthenticationPlan"] is JsonObject plan && plan["authPassword"] is { } password)
        {
            record.Secrets["authPassword"] = (string)password!;
            plan.Remove("authPassword");
        }
    }

    /// <summary>An inbound-enabled gateway (the default) needs an IPv4 literal; a hostname fails SIP gateway creation.</summary>
    private static void CheckGateways(JsonNode? gateways)
    {
        foreach (var gateway in gateways as JsonArray ?? [])
        {
            var ip = (string)gateway!["ip"]!;
            var inbound = gateway["inboundEnabled"] is not { } flag || (bool)flag;
            var valid = AddressRules.IsIPv4(ip) || (!inbound && AddressRules.IsHostName(ip));
            if (!valid)
            {
                throw new VapiError(400, "Couldn't validate SIP trunk credential. SIP gateway creation failed.");
            }
        }
    }

    /// <summary>
    /// Creates are a union on <c>provider</c>: the schema is the provider's; an unknown provider is refused; a missing
    /// one (or a body that is not JSON) gets the first schema, whose check reports it.
    /// </summary>
    private static Dto ProviderSchema(SandboxHttpRequest request, params (string Provider, Dto Dto)[] schemas)
    {
        string? provider;
        try
        {
            provider = request.Body.Length > 0 && JsonNode.Parse(request.Body) is JsonObject o && o["provider"] is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? v.GetValue<string>()
                : null;
        }
        catch (JsonException)
        {
            provider = null;
        }

        return provider is null ? schemas[0].Dto
            : schemas.FirstOrDefault(s => s.Provider == provider).Dto
              ?? throw new VapiError(400, $"provider must be one of the following values: {string.Join(", ", schemas.Select(s => s.Provider))} (the sandbox emulates only these)");
    }

    // ---- phone numbers -----------------------------------------------------------------------------------------

    private SandboxResponse CreatePhoneNumber(SandboxHttpRequest request, RouteValues values)
    {
        var body = Body(request, ProviderSchema(request, ("byo-phone-number", VapiSchemas.CreateByoNumber), ("vapi", VapiSchemas.CreateVapiNumber)));
        var fields = WithoutNulls(body);
        CheckNumber(fields, self: null);
        var record = NewRecord("phone-number", request.Now, fields);
        if (record.Provider == "vapi" && fields["authentication"] is JsonObject auth && auth["password"] is { } password)
        {
            record.Secrets["password"] = (string)password!;
            auth.Remove("password");
        }

        fields["status"] = "active";
        PhoneNumbers.Add(record);
        return Answer(201, record);
    }

    private SandboxResponse UpdatePhoneNumber(SandboxHttpRequest request, RouteValues values)
    {
        var record = Find(PhoneNumbers, values, "Phone number");
        var body = record.Provider == "vapi"
            ? Body(request, VapiSchemas.UpdateVapiNumber, "provider")
            : Body(request, VapiSchemas.UpdateByoNumber, "provider", "credentialId");
        if (body["provider"] is { } provider && (string?)provider != record.Provider)
        {
            throw new VapiError(400, "provider cannot be changed");
        }

        var merged = (JsonObject)record.Fields.DeepClone();
        Merge(merged, body);
        CheckNumber(merged, record);
        if (merged["authentication"] is JsonObject auth)
        {
            if (auth["password"] is { } password)
            {
                record.Secrets["password"] = (string)password!;
                auth.Remove("password");
            }
        }
        else
        {
            record.Secrets.Remove("password");
        }

        record.Fields = merged;
        record.Updated = request.Now;
        return Answer(200, record);
    }

    /// <summary>The checks beyond the schema: references that must exist, the E.164 rule, numbers and SIP URIs already taken.</summary>
    private void CheckNumber(JsonObject fields, VapiResourceRecord? self)
    {
        if ((string?)fields["assistantId"] is { } assistantId && !Assistants.Exists(a => a.Id == assistantId))
        {
            throw new VapiError(400, $"Couldn't Get Assistant. `assistantId` {assistantId} Does Not Exist.");
        }

        foreach (var field in new[] { "squadId", "workflowId" })
        {
            if ((string?)fields[field] is { } id)
            {
                throw new VapiError(400, $"Couldn't Get {field[..^2]}. `{field}` {id} Does Not Exist. (The sandbox has no squads or workflows.)");
            }
        }

        if ((string?)fields["provider"] == "vapi")
        {
            CheckSipUri(fields, self);
            return;
        }

        var credentialId = (string?)fields["credentialId"];
        if (!Credentials.Exists(c => c.Id == credentialId && c.Provider == "byo-sip-trunk"))
        {
            throw new VapiError(400, $"Couldn't Get Credential. `credentialId` {credentialId} Does Not Exist.");
        }

        if ((string?)fields["number"] is { } number)
        {
            var e164Check = fields["numberE164CheckEnabled"] is not { } flag || (bool)flag;
            if (e164Check ? !AddressRules.IsE164(number) : !SimpleNumber().IsMatch(number))
            {
                throw new VapiError(400, e164Check
                    ? $"Number {number} is not a valid E.164 phone number. Use the format +14155551234, or set numberE164CheckEnabled to false."
                    : "number must match /^\\+?[a-zA-Z0-9]+$/");
            }

            if (PhoneNumbers.Exists(p => p != self && (string?)p.Fields["number"] == number && (string?)p.Fields["credentialId"] == credentialId))
            {
                throw new VapiError(400, $"Number {number} already exists on credential {credentialId}.");
            }
        }
    }

    private void CheckSipUri(JsonObject fields, VapiResourceRecord? self)
    {
        if ((string?)fields["numberDesiredAreaCode"] is not null)
        {
            throw new VapiError(400, "The sandbox does not sell phone numbers; give a sipUri instead of numberDesiredAreaCode.");
        }

        if ((string?)fields["sipUri"] is not { } sipUri)
        {
            return;
        }

        var domain = "@" + _options.VapiSipDomain;
        if (!sipUri.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || !sipUri.EndsWith(domain, StringComparison.OrdinalIgnoreCase) || sipUri.Length <= 4 + domain.Length)
        {
            throw new VapiError(400, $"sipUri must look like sip:<username>{domain}");
        }

        if (PhoneNumbers.Exists(p => p != self && string.Equals((string?)p.Fields["sipUri"], sipUri, StringComparison.OrdinalIgnoreCase)))
        {
            throw new VapiError(400, $"sipUri {sipUri} is already taken.");
        }
    }

    [GeneratedRegex(@"^\+?[a-zA-Z0-9]+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SimpleNumber();
}
