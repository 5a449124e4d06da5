using System.Globalization;
using System.Security;
using System.Text;
using System.Text.Json.Nodes;
using VapiExotel.Sandbox.Calls;
using VapiExotel.Sandbox.Hosting;

namespace VapiExotel.Sandbox.Exotel;

/// <summary>A Voice API call. Its status is worked out from the sandbox clock whenever it is read.</summary>
internal sealed class ExotelCallRecord
{
    public required string Sid { get; init; }

    public required string From { get; init; }

    public string? To { get; init; }

    public required string CallerId { get; init; }

    public string? FlowUrl { get; init; }

    public DateTimeOffset Created { get; init; }

    public required SandboxCallScript Script { get; init; }

    public bool Record { get; init; }

    public string? CustomField { get; init; }

    public Uri? StatusCallback { get; init; }

    public IReadOnlyList<string> Events { get; init; } = [];

    public bool JsonCallback { get; init; }

    public bool AnsweredSent { get; set; }

    public bool TerminalSent { get; set; }

    public bool Answers => Script.Outcome == SandboxCallOutcome.Answered;

    public DateTimeOffset RingingAt => Created + Script.QueuedFor;

    public DateTimeOffset AnsweredAt => RingingAt + Script.RingFor;

    public DateTimeOffset EndedAt => Answers ? AnsweredAt + Script.TalkFor : AnsweredAt;

    public string StatusAt(DateTimeOffset now) =>
        now >= EndedAt ? Script.ExotelStatus
        : now >= AnsweredAt && Answers ? "in-progress"
        : now >= RingingAt ? "ringing"
        : "queued";

    public DateTimeOffset LastChange(DateTimeOffset now) =>
        new[] { Created, RingingAt, AnsweredAt, EndedAt }.Where(t => t <= now).Max();
}

// The Voice API (v1): connect two numbers or a number to a flow, call details, bulk call details, status callbacks.
internal sealed partial class ExotelEmulator
{
    private const string Calls = "/v1/Accounts/{account_sid}/Calls";
    private static readonly TimeSpan Ist = TimeSpan.FromHours(5.5);
    private readonly List<ExotelCallRecord> _calls = [];

    public List<JsonObject> CallSnapshots(DateTimeOffset now) => _calls.ConvertAll(c => CallJson(c, now, details: true));

    private void MapVoiceApi()
    {
        _v1.Map("POST", Calls + "/connect", Connect);
        _v1.Map("GET", Calls + "/{call_sid}", GetCall);
        _v1.Map("GET", Calls, ListCalls);
    }

    private SandboxResponse HandleV1(SandboxHttpRequest request)
    {
        // Without the .json suffix, Exotel answers in XML.
        var json = request.Path.EndsWith(".json", StringComparison.Ordinal);
        var path = json ? request.Path[..^5] : request.Path;
        var handler = _v1.Match(request.Method, path, out var values, out _)
                      ?? throw new ExotelError(404, 404, 0, "Not Found", "The requested resource was not found");
        var response = handler(request, values);
        return json ? response : ToXml(response);
    }

    public void Progress(DateTimeOffset now, List<SandboxCallback> outbox)
    {
        foreach (var call in _calls)
        {
            if (call.StatusCallback is null)
            {
                continue;
            }

            if (!call.AnsweredSent && call.Answers && now >= call.AnsweredAt && call.Events.Contains("answered", StringComparer.Ordinal))
            {
                call.AnsweredSent = true;
                outbox.Add(Callback(call, "answered", call.AnsweredAt));
            }

            if (!call.TerminalSent && now >= call.EndedAt)
            {
                call.TerminalSent = true;
                outbox.Add(Callback(call, "terminal", call.EndedAt));
            }
        }
    }

    private SandboxResponse Connect(SandboxHttpRequest request, RouteValues values)
    {
        var form = request.Form ?? throw new ExotelError(400, 400, 0, "Bad Request", "Send the parameters as application/x-www-form-urlencoded or multipart/form-data");
        string? Field(string name) => form.TryGetValue(name, out var v) && v.ToString() is { Length: > 0 } s ? s : null;

        var from = Dialable(Field("From"), "From");
        var callerId = Dialable(Field("CallerId"), "CallerId");
        var to = Field("To");
        var url = Field("Url");
        if (to is not null && url is not null)
        {
            throw Bad("Send either To (connect two numbers) or Url (connect to a flow), not both");
        }

        if (to is null && url is null)
        {
            throw Bad("Missing parameter To (or Url to connect to a flow)");
        }

        to = to is null ? null : Dialable(to, "To");
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var flow) || (flow.Scheme != Uri.UriSchemeHttp && flow.Scheme != Uri.UriSchemeHttps)))
        {
            throw Bad("Invalid parameter Url");
        }

        if (_options.ExoPhones.Count > 0 && !_options.ExoPhones.Any(p => CallScripts.Key(p) == CallScripts.Key(callerId)))
        {
            throw Bad("CallerId is not an ExoPhone of this account");
        }

        Whole(Field("TimeLimit"), "TimeLimit", 1, 14400);
        Whole(Field("TimeOut"), "TimeOut", 1, int.MaxValue);
        OneOf(Field("CallType"), "CallType", "trans");
        var record = OneOf(Field("Record"), "Record", "true", "false") == "true";
        OneOf(Field("RecordingChannels"), "RecordingChannels", "single", "dual");
        OneOf(Field("RecordingFormat"), "RecordingFormat", "mp3", "mp3-hq");
        var contentType = OneOf(Field("StatusCallbackContentType"), "StatusCallbackContentType", "multipart/form-data", "application/json");
        var customField = Field("CustomField");
        if (customField is { Length: > 128 })
        {
            throw Bad("CustomField must be at most 128 characters");
        }

        Uri? callback = null;
        if (Field("StatusCallback") is { } callbackText
            && (!Uri.TryCreate(callbackText, UriKind.Absolute, out callback) || (callback.Scheme != Uri.UriSchemeHttp && callback.Scheme != Uri.UriSchemeHttps)))
        {
            throw Bad("Invalid parameter StatusCallback");
        }

        var events = new List<string>();
        for (var i = 0; Field($"StatusCallbackEvents[{i.ToString(CultureInfo.InvariantCulture)}]") is { } e; i++)
        {
            events.Add(OneOf(e, "StatusCallbackEvents", "terminal", "answered")!);
        }

        var call = new ExotelCallRecord
        {
            Sid = Guid.NewGuid().ToString("N"),
            From = from,
            To = to,
            CallerId = callerId,
            FlowUrl = url,
            Created = request.Now,
            Script = _scripts.For(from, to),
            Record = record,
            CustomField = customField,
            StatusCallback = callback,
            Events = events,
            JsonCallback = contentType == "application/json",
        };
        _calls.Add(call);
        return SandboxResponse.Json(200, new JsonObject { ["Call"] = CallJson(call, request.Now, details: false) });
    }

    private SandboxResponse GetCall(SandboxHttpRequest request, RouteValues values)
    {
        var call = _calls.Find(c => c.Sid == values["call_sid"])
                   ?? throw new ExotelError(404, 404, 0, "Not Found", $"Call {values["call_sid"]} was not found");
        var details = string.Equals(request.QueryValue("details"), "true", StringComparison.OrdinalIgnoreCase);
        return SandboxResponse.Json(200, new JsonObject { ["Call"] = CallJson(call, request.Now, details) });
    }

    private SandboxResponse ListCalls(SandboxHttpRequest request, RouteValues values)
    {
        var pageSize = request.QueryValue("PageSize") is { } size
            ? int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 100 ? n : throw Bad("PageSize must be 1 to 100")
            : 50;
        var sids = List(request.QueryValue("Sid"), "Sid", 100);
        var to = List(request.QueryValue("To"), "To", 5);
        var from = List(request.QueryValue("From"), "From", 5);
        var phoneNumbers = List(request.QueryValue("PhoneNumber"), "PhoneNumber", 5);
        var status = request.QueryValue("Status");
        var direction = request.QueryValue("Direction");
        var (createdFrom, createdTo) = Range(request.QueryValue("DateCreated"), "DateCreated", ParseIst);
        if (createdFrom is { } rangeStart && createdTo is { } rangeEnd && rangeEnd - rangeStart > TimeSpan.FromDays(31))
        {
            throw Bad("DateCreated may span at most one month per request");
        }
        var (minDuration, maxDuration) = Range(request.QueryValue("Duration"), "Duration", ParseSeconds);
        var (minPrice, maxPrice) = Range(request.QueryValue("Price"), "Price", ParsePrice);
        var oldestFirst = request.QueryValue("SortBy") is "DateCreated:asc";
        var now = request.Now;
        var matching = _calls
            .Where(c => sids is null || sids.Contains(c.Sid, StringComparer.Ordinal))
            .Where(c => to is null || (c.To is not null && to.Any(t => CallScripts.Key(t) == CallScripts.Key(c.To))))
            .Where(c => from is null || from.Any(f => CallScripts.Key(f) == CallScripts.Key(c.From)))
            .Where(c => phoneNumbers is null || phoneNumbers.Any(p => CallScripts.Key(p) == CallScripts.Key(c.CallerId)))
            .Where(c => status is null || c.StatusAt(now) == status)
            .Where(c => direction is null || direction == "outbound-api")
            .Where(c => (createdFrom is null || c.Created >= createdFrom) && (createdTo is null || c.Created <= createdTo))
            .Where(c => (minDuration is null && maxDuration is null)
                        || (Settled(c, now) && Duration(c) >= (minDuration ?? 0) && Duration(c) <= (maxDuration ?? double.MaxValue)))
            .Where(c => (minPrice is null && maxPrice is null)
                        || (Settled(c, now) && PriceValue(c) >= (minPrice ?? 0) && PriceValue(c) <= (maxPrice ?? double.MaxValue)))
            .ToList();
        if (!oldestFirst)
        {
            matching.Reverse();
        }

        // Cursors name a call (Exotel's are opaque; clients follow the links): After=sid is the page after that call,
        // Before=sid the page before it, so that calls placed meanwhile never shift a page onto rows already seen.
        int Position(string cursor) =>
            matching.FindIndex(c => c.Sid == cursor) is var i and >= 0 ? i : throw Bad($"Invalid cursor '{cursor}'");
        var start = request.QueryValue("After") is { Length: > 0 } after ? Position(after) + 1
            : request.QueryValue("Before") is { Length: > 0 } before ? Math.Max(0, Position(before) - pageSize)
            : 0;
        var end = request.QueryValue("Before") is { Length: > 0 } b && request.QueryValue("After") is null ? Position(b) : Math.Min(matching.Count, start + pageSize);
        var page = matching.GetRange(start, end - start);
        var others = OtherQuery(request, "After", "Before");
        var metadata = new JsonObject
        {
            ["Total"] = matching.Count,
            ["PageSize"] = pageSize,
            ["FirstPageUri"] = $"{request.Path}?{others.TrimStart('&')}".TrimEnd('?'),
            ["PrevPageUri"] = start > 0 && page.Count > 0 ? $"{request.Path}?Before={page[0].Sid}{others}" : null,
            ["NextPageUri"] = end < matching.Count && page.Count > 0 ? $"{request.Path}?After={page[^1].Sid}{others}" : null,
        };
        var calls = page.Select(c => (JsonNode)CallJson(c, request.Now, details: false)).ToArray();
        return SandboxResponse.Json(200, new JsonObject { ["Metadata"] = metadata, ["Calls"] = new JsonArray(calls) });
    }

    private bool Settled(ExotelCallRecord call, DateTimeOffset now) => now >= call.EndedAt + _options.ExotelLateFieldsDelay;

    private static double Duration(ExotelCallRecord call) => (call.EndedAt - call.Created).TotalSeconds;

    private static double PriceValue(ExotelCallRecord call) => double.Parse(Price(call), CultureInfo.InvariantCulture);

    /// <summary>A range filter in Exotel's form, <c>gte:…;lte:…</c> (either part may be missing).</summary>
    private static (T? Low, T? High) Range<T>(string? value, string field, Func<string, T?> parse)
        where T : struct
    {
        T? low = null, high = null;
        foreach (var part in (value ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bound = part.StartsWith("gte:", StringComparison.Ordinal) ? part[4..] : part.StartsWith("lte:", StringComparison.Ordinal) ? part[4..] : null;
            var parsed = bound is null ? null : parse(bound);
            if (parsed is null)
            {
                throw Bad($"Invalid {field} filter '{value}': use gte:…;lte:…");
            }

            if (part[0] == 'g')
            {
                low = parsed;
            }
            else
            {
                high = parsed;
            }
        }

        return (low, high);
    }

    private static DateTimeOffset? ParseIst(string text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, Ist)
            : null;

    private static double? ParseSeconds(string text) =>
        text.EndsWith('s') && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : null;

    private static double? ParsePrice(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) ? p : null;

    private static string[]? List(string? value, string field, int max)
    {
        var values = string.IsNullOrEmpty(value) ? null : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return values is { Length: var count } && count > max ? throw Bad($"{field} takes at most {max.ToString(CultureInfo.InvariantCulture)} values") : values;
    }

    /// <summary>The call as Exotel shows it at <paramref name="now"/>: IST dates, national numbers, late fields still null for a while after the end.</summary>
    private JsonObject CallJson(ExotelCallRecord call, DateTimeOffset now, bool details)
    {
        var status = call.StatusAt(now);
        var ended = now >= call.EndedAt;
        var settled = ended && now >= call.EndedAt + _options.ExotelLateFieldsDelay;
        var duration = (long)(call.EndedAt - call.Created).TotalSeconds;
        var json = new JsonObject
        {
            ["Sid"] = call.Sid,
            ["ParentCallSid"] = null,
            ["DateCreated"] = IstDate(call.Created),
            ["DateUpdated"] = IstDate(settled ? call.EndedAt + _options.ExotelLateFieldsDelay : call.LastChange(now)),
            [nameof(AccountSid)] = AccountSid,
            ["To"] = call.To is null ? null : National(call.To),
            ["From"] = National(call.From),
            ["PhoneNumberSid"] = National(call.CallerId),
            ["Status"] = status,
            ["StartTime"] = IstDate(call.Created),
            ["EndTime"] = settled ? IstDate(call.EndedAt) : null,
            ["Duration"] = settled ? duration.ToString(CultureInfo.InvariantCulture) : null,
            ["Price"] = settled ? Price(call) : null,
            ["Direction"] = "outbound-api",
            ["AnsweredBy"] = null,
            ["ForwardedFrom"] = null,
            ["CallerName"] = null,
            ["Uri"] = $"/v1/Accounts/{AccountSid}/Calls.json/{call.Sid}",
            ["RecordingUrl"] = settled ? RecordingUrl(call) : null,
        };
        if (details)
        {
            json["Details"] = new JsonObject
            {
                ["ConversationDuration"] = ended && call.Answers ? (long)call.Script.TalkFor.TotalSeconds : 0,
                ["Leg1Status"] = LegStatus(call, now, 1),
                ["Leg2Status"] = call.To is null ? null : LegStatus(call, now, 2),
                ["Legs"] = new JsonArray([.. Legs(call, now).Select(l => (JsonNode)new JsonObject { ["Leg"] = new JsonObject { ["Id"] = l.Id, ["OnCallDuration"] = l.Seconds } })]),
            };
        }

        return json;
    }

    private static IEnumerable<(int Id, long Seconds, string? Status)> Legs(ExotelCallRecord call, DateTimeOffset now)
    {
        var talk = now >= call.EndedAt && call.Answers ? (long)call.Script.TalkFor.TotalSeconds : 0;
        yield return (1, talk == 0 ? 0 : talk + (long)call.Script.RingFor.TotalSeconds, LegStatus(call, now, 1));
        if (call.To is not null)
        {
            yield return (2, talk, LegStatus(call, now, 2));
        }
    }

    private static string? LegStatus(ExotelCallRecord call, DateTimeOffset now, int leg) =>
        now < call.EndedAt ? null
        : call.Answers ? "completed"
        : leg == 1 ? call.Script.ExotelStatus
        : "canceled";

    private static string? RecordingUrl(ExotelCallRecord call) =>
        call.Record && call.Answers ? $"https://recordings.sandbox.invalid/{call.Sid}.mp3" : null;

    private static string Price(ExotelCallRecord call)
    {
        var minutes = call.Answers ? Math.Ceiling(call.Script.TalkFor.TotalMinutes) : 0;
        return (minutes * 0.5 * (call.To is null ? 1 : 2)).ToString("0.000", CultureInfo.InvariantCulture);
    }

    private static SandboxCallback Callback(ExotelCallRecord call, string eventType, DateTimeOffset at)
    {
        var fields = new List<KeyValuePair<string, string?>>
        {
            new("CallSid", call.Sid),
            new("DateUpdated", IstDate(at)),
            new("Status", eventType == "answered" ? "in-progress" : call.Script.ExotelStatus),
            new("RecordingUrl", eventType == "terminal" ? RecordingUrl(call) : null),
        };
        var legs = new List<(long OnCall, string? Status)>();
        var extended = call.Events.Count > 0 && call.To is not null;   // the extra fields need both From and To (§8.6)
        if (extended)
        {
            fields.AddRange(
            [
                new("EventType", eventType),
                new("DateCreated", IstDate(call.Created)),
                new("To", call.To is null ? null : National(call.To)),
                new("From", National(call.From)),
                new("PhoneNumberSid", National(call.CallerId)),
                new("StartTime", IstDate(call.Created)),
                new("EndTime", eventType == "terminal" ? IstDate(call.EndedAt) : null),
                new("ConversationDuration", eventType == "terminal" && call.Answers ? ((long)call.Script.TalkFor.TotalSeconds).ToString(CultureInfo.InvariantCulture) : "0"),
                new("Direction", "outbound-api"),
                new("CustomField", call.CustomField),
            ]);
            legs.AddRange(Legs(call, eventType == "terminal" ? call.EndedAt : call.AnsweredAt).Select(l => (l.Seconds, (string?)(l.Status ?? "in-progress"))));
        }

        byte[] body;
        string contentType;
        if (call.JsonCallback)
        {
            var json = new JsonObject();
            foreach (var (name, value) in fields)
            {
                json[name] = name == "ConversationDuration" ? long.Parse(value!, CultureInfo.InvariantCulture) : value;
            }

            if (extended)
            {
                json["Legs"] = new JsonArray([.. legs.Select(l => (JsonNode)new JsonObject { ["OnCallDuration"] = l.OnCall, ["Status"] = l.Status, ["AnsweredBy"] = "NA" })]);
            }

            body = SandboxResponse.Serialize(json);
            contentType = "application/json";
        }
        else
        {
            for (var i = 0; i < legs.Count; i++)
            {
                var index = i.ToString(CultureInfo.InvariantCulture);
                fields.Add(new($"Legs[{index}][OnCallDuration]", legs[i].OnCall.ToString(CultureInfo.InvariantCulture)));
                fields.Add(new($"Legs[{index}][Status]", legs[i].Status));
                fields.Add(new($"Legs[{index}][AnsweredBy]", "NA"));
            }

            (body, contentType) = Multipart(fields);
        }

        // Exotel retries a callback up to twice when the receiver does not answer 2xx.
        return new SandboxCallback(SandboxApi.Exotel, eventType, call.StatusCallback!, contentType, body, new Dictionary<string, string>(StringComparer.Ordinal), maxAttempts: 3, at);
    }

    private static (byte[] Body, string ContentType) Multipart(List<KeyValuePair<string, string?>> fields)
    {
        var boundary = "----sandbox" + Guid.NewGuid().ToString("N");
        var text = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            text.Append("--").Append(boundary).Append("\r\n")
                .Append("Content-Disposition: form-data; name=\"").Append(name).Append("\"\r\n\r\n")
                .Append(value ?? string.Empty).Append("\r\n");
        }

        text.Append("--").Append(boundary).Append("--\r\n");
        return (Encoding.UTF8.GetBytes(text.ToString()), $"multipart/form-data; boundary={boundary}");
    }

    internal static string IstDate(DateTimeOffset value) => value.ToOffset(Ist).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Exotel shows Indian numbers in national format (<c>0XXXXXXXXXX</c>), whatever format they were sent in.</summary>
    internal static string National(string number) =>
        number.StartsWith("+91", StringComparison.Ordinal) && number.Length == 13 ? "0" + number[3..] : number;

    private static string Dialable(string? number, string field)
    {
        if (number is null)
        {
            throw Bad($"Missing parameter {field}");
        }

        var digits = number.StartsWith('+') ? number[1..] : number;
        return digits.Length is >= 6 and <= 15 && digits.All(char.IsAsciiDigit) ? number : throw Bad($"Invalid parameter {field}: '{number}' is not a phone number");
    }

    private static void Whole(string? value, string field, int min, int max)
    {
        if (value is not null && !(int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max))
        {
            throw Bad($"{field} must be a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static string? OneOf(string? value, string field, params string[] allowed) =>
        value is null || allowed.Contains(value) ? value : throw Bad($"{field} must be one of: {string.Join(", ", allowed)}");

    private static ExotelError Bad(string message) => new(400, 400, 0, "Bad Request", message);

    private static SandboxResponse RestException(SandboxHttpRequest request, int status, string message, string? code)
    {
        var error = new JsonObject { ["Status"] = status, ["Message"] = message };
        if (code is not null)
        {
            error["Code"] = code;
        }

        var response = SandboxResponse.Json(status, new JsonObject { ["RestException"] = error });
        return request.Path.EndsWith(".json", StringComparison.Ordinal) ? response : ToXml(response);
    }

    /// <summary>The XML form Exotel answers with when the path has no <c>.json</c> suffix: the JSON's tags, inside <c>TwilioResponse</c>.</summary>
    private static SandboxResponse ToXml(SandboxResponse json)
    {
        var root = JsonNode.Parse(json.Body)!;
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TwilioResponse>");
        Write(xml, root);
        xml.Append("</TwilioResponse>");
        var response = SandboxResponse.Text(json.Status, "application/xml; charset=utf-8", xml.ToString());
        foreach (var (name, value) in json.Headers)
        {
            response.Headers[name] = value;
        }

        return response;

        static void Write(StringBuilder xml, JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (name, child) in obj)
                    {
                        if (child is JsonArray array)
                        {
                            xml.Append('<').Append(name).Append('>');
                            foreach (var item in array)
                            {
                                // {"Leg": {…}} items carry their own element; bare objects get the singular name (Calls → Call).
                                var wrapped = item is JsonObject { Count: 1 } single && single.First().Value is JsonObject;
                                var element = name.TrimEnd('s');
                                xml.Append(wrapped ? string.Empty : $"<{element}>");
                                Write(xml, item);
                                xml.Append(wrapped ? string.Empty : $"</{element}>");
                            }

                            xml.Append("</").Append(name).Append('>');
                        }
                        else
                        {
                            xml.Append('<').Append(name).Append('>');
                            Write(xml, child);
                            xml.Append("</").Append(name).Append('>');
                        }
                    }

                    break;
                case null:
                    break;
                default:
                    xml.Append(SecurityElement.Escape(node.ToString()));
                    break;
            }
        }
    }
}
