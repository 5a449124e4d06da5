using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VapiExotel.Sandbox.Calls;
using VapiExotel.Sandbox.Hosting;

namespace VapiExotel.Sandbox.Exotel;

/// <summary>A refusal in Exotel's v2 error envelope (or, on the v1 paths, a RestException).</summary>
internal sealed class ExotelError(int httpStatus, int code, int errorCode, string message, string description) : Exception(description)
{
    public int HttpStatus { get; } = httpStatus;

    public int Code { get; } = code;

    public int ErrorCode { get; } = errorCode;

    public string ErrorMessage { get; } = message;

    public static ExotelError NotFound() => new(404, 404, 1000, "Not Found", "Not Found");

    public static ExotelError Mandatory(string field) => new(400, 400, 1001, "Mandatory Parameter missing", $"{field} is mandatory");

    public static ExotelError Invalid(string description) => new(400, 400, 1002, "Invalid parameter", description);

    public static ExotelError Unparsable(string description) => new(400, 400, 1007, "Invalid request body,failed parsing", description);

    /// <summary>A duplicate: a real 409 for trunks, but HTTP 200 for phone mappings and whitelisted IPs (the conflict is only in <c>response.code</c>).</summary>
    public static ExotelError Duplicate(string description, bool inside200) => new(inside200 ? 200 : 409, 409, 1008, "Duplicate resource", description);

    public static ExotelError Unauthorized() => new(401, 401, 1010, "Authorization failed", "Authorization failed");
}

/// <summary>
/// Exotel: the vSIP trunk API (v2, JSON envelopes) and the Voice API (v1, form in, JSON or XML out), for one
/// account, with Exotel's documented rules and quirks.
/// </summary>
internal sealed partial class ExotelEmulator : IEmulator
{
    private readonly VapiExotelSandboxOptions _options;
    private readonly CallScripts _scripts;
    private readonly Router _v2 = new();
    private readonly Router _v1 = new();
    private readonly Queue<DateTimeOffset> _acceptedV1 = new();
    private readonly Queue<DateTimeOffset> _acceptedV2 = new();
    private readonly string _expectedAuthorization;
    private int _nextId = 1150;

    public ExotelEmulator(VapiExotelSandboxOptions options, CallScripts scripts)
    {
        _options = options;
        _scripts = scripts;
        _expectedAuthorization = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.ExotelApiKey}:{options.ExotelApiToken}"));
        MapTrunkApi();
        MapVoiceApi();
    }

    public SandboxApi Api => SandboxApi.Exotel;

    public List<TrunkRecord> Trunks { get; } = [];

    public string AccountSid => _options.ExotelAccountSid;

    public SandboxResponse Handle(SandboxHttpRequest request)
    {
        var isV1 = request.Path.StartsWith("/v1/", StringComparison.Ordinal);
        try
        {
            if (!Authorized(request))
            {
                throw ExotelError.Unauthorized();
            }

            // The vSIP config API and the Voice API have a limit each (200 a minute, as documented; the window is configurable).
            var accepted = isV1 ? _acceptedV1 : _acceptedV2;
            if (RetryAfter(accepted, request.Now) is { } wait)
            {
                return Refusal(request, 429, "Too Many Requests", wait);
            }

            if (_options.EnforceExotelRateLimit)
            {
                // Every request let through counts, whatever its answer; refused ones (429) do not.
                accepted.Enqueue(request.Now);
            }

            return isV1 ? HandleV1(request) : HandleV2(request);
        }
        catch (ExotelError e)
        {
            return isV1 ? RestException(request, e.HttpStatus, e.Message, null) : V2Error(request, e);
        }
    }

    public SandboxResponse Refusal(SandboxHttpRequest request, int status, string message, TimeSpan? retryAfter)
    {
        SandboxResponse response;
        if (request.Path.StartsWith("/v1/", StringComparison.Ordinal))
        {
            response = RestException(request, status, message, status == 429 ? "RATE_LIMIT_EXCEEDED" : null);
        }
        else
        {
            // Exotel's v2 error codes are 10xx; a 5xx carries none (null), rather than one the service never sends.
            var errorCode = status switch { 429 => 1030, 401 => 1010, 404 => 1000, _ => 0 };
            response = V2Error(request, new ExotelError(status, status, errorCode, message, message));
        }

        return retryAfter is { } wait ? response.WithHeader("Retry-After", Seconds(wait)) : response;
    }

    /// <summary>The wait before another request is allowed, when the account is over its limit; null when it may go on.</summary>
    private TimeSpan? RetryAfter(Queue<DateTimeOffset> accepted, DateTimeOffset now)
    {
        if (!_options.EnforceExotelRateLimit)
        {
            return null;
        }

        var window = _options.ExotelRateLimitWindow;
        while (accepted.Count > 0 && accepted.Peek() <= now - window)
        {
            accepted.Dequeue();
        }

        return accepted.Count < _options.ExotelRequestsPerMinute ? null : accepted.Peek() + window - now;
    }

    private static string Seconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private bool Authorized(SandboxHttpRequest request)
    {
        // The account in the path must be the one the key belongs to; Exotel answers 401 either way.
        var segments = request.Path.Split('/');
        if (segments.Length < 4 || !string.Equals(segments[3], AccountSid, StringComparison.Ordinal))
        {
            return false;
        }

        return AuthenticationHeaderValue.TryParse(request.Header("Authorization"), out var header)
            && string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            && string.Equals(header.Parameter, _expectedAuthorization, StringComparison.Ordinal);
    }

    private string NextId() => (_nextId++).ToString(CultureInfo.InvariantCulture);

    // ---- v2 envelopes ------------------------------------------------------------------------------------------

    private SandboxResponse HandleV2(SandboxHttpRequest request)
    {
        var handler = _v2.Match(request.Method, request.Path, out var values, out _) ?? throw ExotelError.NotFound();
        if (request.Method is "POST" or "PUT")
        {
            var mediaType = request.ContentType?.Split(';')[0].Trim();
            if (!string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
            {
                throw new ExotelError(415, 415, 1011, "unsupported content type", mediaType ?? string.Empty);
            }
        }

        return handler(request, values);
    }

    private static JsonObject Envelope(SandboxHttpRequest request, int httpCode, JsonNode? response, JsonObject? metadata = null)
    {
        var json = new JsonObject
        {
            ["request_id"] = Guid.NewGuid().ToString("N"),
            ["method"] = request.Method,
            ["http_code"] = httpCode,
        };
        if (metadata is not null)
        {
            json["metadata"] = metadata;
        }

        json["response"] = response;
        return json;
    }

    private static JsonObject SuccessItem(JsonNode data) =>
        new() { ["code"] = 200, ["error_data"] = null, ["status"] = "success", ["data"] = data };

    private static JsonObject FailureItem(ExotelError e) => new()
    {
        ["code"] = e.Code,
        ["error_data"] = new JsonObject { ["code"] = e.ErrorCode == 0 ? null : e.ErrorCode, ["message"] = e.ErrorMessage, ["description"] = e.Message },
        ["status"] = "failure",
        ["data"] = null,
    };

    private static SandboxResponse Single(SandboxHttpRequest request, JsonNode data) =>
        SandboxResponse.Json(200, Envelope(request, 200, SuccessItem(data)));

    private static SandboxResponse V2Error(SandboxHttpRequest request, ExotelError e) =>
        SandboxResponse.Json(e.HttpStatus, Envelope(request, e.HttpStatus, FailureItem(e)));

    /// <summary>A multi-item write (shape b): 200 when every item succeeded, 207 otherwise.</summary>
    private static SandboxResponse Batch(SandboxHttpRequest request, List<JsonObject> items, bool reportFailed)
    {
        var success = items.Count(i => (string?)i["status"] == "success");
        var status = success == items.Count ? 200 : 207;
        var metadata = new JsonObject { ["total"] = items.Count, ["success"] = success };
        if (reportFailed)
        {
            metadata["failed"] = items.Count - success;
        }

        return SandboxResponse.Json(status, Envelope(request, status, new JsonArray([.. items]), metadata));
    }

    /// <summary>
    /// One page of a list (shape c), paged with <c>page_size</c> and <c>offset</c>; the links keep the other query
    /// parameters. An empty list comes without metadata, as Exotel sends it.
    /// </summary>
    private static SandboxResponse Page(SandboxHttpRequest request, List<JsonObject> all, Action<JsonObject>? extraMetadata = null)
    {
        var pageSize = QueryInt(request, "page_size", 50, 1, 1000);
        var offset = QueryInt(request, "offset", 0, 0, int.MaxValue);
        var items = all.Skip(offset).Take(pageSize).Select(i => (JsonNode)SuccessItem(i)).ToArray();
        if (all.Count == 0)
        {
            return SandboxResponse.Json(200, Envelope(request, 200, new JsonArray()));
        }

        var others = OtherQuery(request, "page_size", "offset");
        string Link(int at) => $"{request.Path}?offset={at.ToString(CultureInfo.InvariantCulture)}&page_size={pageSize.ToString(CultureInfo.InvariantCulture)}{others}";
        var metadata = new JsonObject
        {
            ["page_size"] = pageSize,
            ["first_page_uri"] = Link(0),
            ["prev_page_uri"] = offset > 0 ? Link(Math.Max(0, offset - pageSize)) : null,
            ["next_page_uri"] = offset + pageSize < all.Count ? Link(offset + pageSize) : null,
        };
        extraMetadata?.Invoke(metadata);
        return SandboxResponse.Json(200, Envelope(request, 200, new JsonArray(items), metadata));
    }

    /// <summary>The query parameters a page link keeps (all but the paging ones), each as <c>&amp;name=value</c>.</summary>
    private static string OtherQuery(SandboxHttpRequest request, params string[] paging) =>
        string.Concat(request.Query
            .Where(q => !paging.Contains(q.Key, StringComparer.Ordinal))
            .OrderBy(q => q.Key, StringComparer.Ordinal)
            .Select(q => $"&{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}"));

    private static int QueryInt(SandboxHttpRequest request, string name, int fallback, int min, int max)
    {
        var text = request.QueryValue(name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw ExotelError.Invalid($"Invalid {name}");
    }

    // ---- v2 request bodies, read the way Exotel's Go service reads them ----------------------------------------

    private static JsonObject Body(SandboxHttpRequest request)
    {
        if (request.Body.Length == 0)
        {
            throw ExotelError.Unparsable("unexpected EOF");
        }

        try
        {
            return JsonNode.Parse(request.Body) as JsonObject ?? throw ExotelError.Unparsable("json: cannot unmarshal non-object into Go value of type request");
        }
        catch (JsonException)
        {
            throw ExotelError.Unparsable("unexpected EOF");
        }
    }

    private static string? Text(JsonObject body, string field, string goStruct)
    {
        var node = body[field];
        if (node is null)
        {
            return null;
        }

        return node.GetValueKind() == JsonValueKind.String
            ? node.GetValue<string>()
            : throw ExotelError.Unparsable($"json: cannot unmarshal {GoKind(node)} into Go struct field {goStruct}.{field} of type string");
    }

    private static int? Number(JsonObject body, string field, string goStruct, string goType, int min, int max)
    {
        var node = body[field];
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<long>(out var value))
        {
            if (value >= min && value <= max)
            {
                return (int)value;
            }

            throw ExotelError.Unparsable($"json: cannot unmarshal number {value.ToString(CultureInfo.InvariantCulture)} into Go struct field {goStruct}.{field} of type {goType}");
        }

        throw ExotelError.Unparsable($"json: cannot unmarshal {GoKind(node)} into Go struct field {goStruct}.{field} of type {goType}");
    }

    private static string GoKind(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Array => "array",
        _ => "object",
    };
}
