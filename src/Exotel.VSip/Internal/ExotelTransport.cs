using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using VapiExotel.Shared.Http;

namespace Exotel.VSip.Internal;

/// <summary>
/// Sends requests for one account and turns the answers into models or an <see cref="ExotelException"/>. Every
/// sub-client goes through here: authentication, the user agent, escaping, the envelope rules and the error mapping
/// are written once.
/// </summary>
internal sealed class ExotelTransport
{
    private static readonly ProductInfoHeaderValue[] UserAgentValues = UserAgent.For(typeof(ExotelTransport).Assembly);

    private readonly ApiSender _sender;
    private readonly Uri _baseAddress;
    private readonly AuthenticationHeaderValue _authorization;

    public ExotelTransport(HttpClient http, ExotelClientOptions options, ILogger logger)
    {
        Options = options;
        _sender = new ApiSender(http, options.GetEffectiveBaseAddress(), UserAgentValues, ExotelErrors.NoResponse, logger);
        _baseAddress = _sender.BaseAddress;
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.ApiKey}:{options.ApiToken}"));
        _authorization = new AuthenticationHeaderValue("Basic", basic);
        Redactor = new SecretRedactor(options.ApiKey, options.ApiToken, basic);
    }

    /// <summary>A snapshot of the options, taken when the client was built.</summary>
    public ExotelClientOptions Options { get; }

    public SecretRedactor Redactor { get; }

    public ApiPath V2(string template, params ReadOnlySpan<string> values) =>
        ApiPath.Build("v2/accounts/{account_sid}/" + template, [Options.AccountSid, .. values]);

    public ApiPath V1(string template, params ReadOnlySpan<string> values) =>
        ApiPath.Build("v1/Accounts/{account_sid}/" + template, [Options.AccountSid, .. values]);

    /// <summary>A DELETE path for a sub-resource id, in the configured <see cref="DeleteIdStyle"/> unless the style is fixed.</summary>
    public ApiPath V2Delete(string collectionTemplate, string trunkSid, string id, DeleteIdStyle? fixedStyle = null) =>
        (fixedStyle ?? Options.DeleteIdStyle) == DeleteIdStyle.Path
            ? V2(collectionTemplate + "/{id}", trunkSid, id)
            : V2(collectionTemplate, trunkSid).WithQuery(("id", id));

    public static HttpContent Json<T>(T body, JsonTypeInfo<T> typeInfo) => ApiSender.Json(body, typeInfo);   // Exotel answers 415 to other content types

    public Task<RawResponse> SendAsync(HttpMethod method, ApiPath path, HttpContent? content, SecretRedactor redactor, CancellationToken cancellationToken) =>
        _sender.SendAsync(method, path, content, _authorization, redactor, cancellationToken);

    // ---- v2: the JSON envelope --------------------------------------------------------------------------------

    /// <summary>A single-resource operation (envelope shape a); returns its <c>data</c>, which must be present.</summary>
    public async Task<T> V2SingleAsync<T>(
        HttpMethod method, ApiPath path, HttpContent? content, JsonTypeInfo<T> type, CancellationToken cancellationToken, SecretRedactor? redactor = null)
        where T : class
    {
        var (value, raw, requestId) = await V2SingleCoreAsync(method, path, content, type, redactor ?? Redactor, cancellationToken).ConfigureAwait(false);
        return value ?? throw ExotelErrors.Unreadable(raw, "the envelope has no data", requestId);
    }

    /// <summary>
    /// A DELETE: the envelope must report success; the deleted resource in <c>data</c> is returned when it can be
    /// read, and null otherwise (its shape is not documented, and a delete that happened must not look failed).
    /// </summary>
    public async Task<T?> V2DeleteAsync<T>(ApiPath path, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        var raw = await SendAsync(HttpMethod.Delete, path, null, Redactor, cancellationToken).ConfigureAwait(false);
        using var document = ParseJson(raw);
        var (item, _) = SingleItem(raw, document.RootElement);
        try
        {
            return item.Data is { ValueKind: JsonValueKind.Object } data ? data.Deserialize(type) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<(T? Value, RawResponse Raw, string? RequestId)> V2SingleCoreAsync<T>(
        HttpMethod method, ApiPath path, HttpContent? content, JsonTypeInfo<T> type, SecretRedactor redactor, CancellationToken cancellationToken)
        where T : class
    {
        var raw = await SendAsync(method, path, content, redactor, cancellationToken).ConfigureAwait(false);
        using var document = ParseJson(raw);
        var (item, requestId) = SingleItem(raw, document.RootElement);
        var value = item.Data is { ValueKind: JsonValueKind.Object } data ? Deserialize(raw, data, type, requestId) : null;
        return (value, raw, requestId);
    }

    /// <summary>A multi-item write (envelope shape b, HTTP 200 or 207): one result per item.</summary>
    public async Task<(ExotelBatchResult<T> Result, RawResponse Raw)> V2BatchAsync<T>(
        HttpMethod method, ApiPath path, HttpContent content, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        var raw = await SendAsync(method, path, content, Redactor, cancellationToken).ConfigureAwait(false);
        using var document = ParseJson(raw);
        var root = document.RootElement;
        var requestId = root.GetStringOrNull("request_id");
        if (!root.TryGetProperty("response", out var response) || response.ValueKind != JsonValueKind.Array)
        {
            // A single envelope: the request as a whole was refused (bad body, authentication…), or one result
            // arrived as an object rather than a one-item array; a success is not thrown away.
            var (single, id) = SingleItem(raw, root);
            var value = single.Data is { ValueKind: JsonValueKind.Object } d ? Deserialize(raw, d, type, id) : null;
            return (new ExotelBatchResult<T> { RequestId = id, HttpStatus = raw.Status, Items = [new ExotelItemResult<T> { Value = value }] }, raw);
        }

        if (!raw.IsHttpSuccess && raw.Status != 207)
        {
            // An error status with per-item results: the first failed item says why.
            var failed = response.EnumerateArray().Select(e => EnvelopeItem.Read(e, raw.Status)).FirstOrDefault(i => !i.IsSuccess);
            throw failed.ErrorData is not null || failed.Code is not null ? failed.ToException(raw, requestId) : ExotelErrors.FromHttp(raw);
        }

        var items = new List<ExotelItemResult<T>>(response.GetArrayLength());
        foreach (var element in response.EnumerateArray())
        {
            var item = EnvelopeItem.Read(element, raw.Status);
            items.Add(item.IsSuccess
                ? new ExotelItemResult<T> { Value = item.Data is { ValueKind: JsonValueKind.Object } d ? Deserialize(raw, d, type, requestId) : null }
                : new ExotelItemResult<T> { Error = item.ToError(raw.Redactor) });
        }

        return (new ExotelBatchResult<T> { RequestId = requestId, HttpStatus = raw.Status, Items = items }, raw);
    }

    /// <summary>One page of a list (envelope shape c).</summary>
    public async Task<ExotelPage<T>> V2PageAsync<T>(ApiPath path, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var raw = await SendAsync(HttpMethod.Get, path, null, Redactor, cancellationToken).ConfigureAwait(false);
        using var document = ParseJson(raw);
        return ReadPage(raw, document.RootElement, type);
    }

    /// <summary>Reads a list envelope: its successful items (a failed item throws) and the next-page link.</summary>
    public static ExotelPage<T> ReadPage<T>(RawResponse raw, JsonElement root, JsonTypeInfo<T> type)
    {
        var requestId = root.GetStringOrNull("request_id");
        if (!raw.IsHttpSuccess || !root.TryGetProperty("response", out var response) || response.ValueKind == JsonValueKind.Object)
        {
            // An error envelope, or (older credential reads) a single object rather than a list.
            var (single, id) = SingleItem(raw, root);
            return new ExotelPage<T>
            {
                RequestId = id,
                Items = single.Data is { ValueKind: JsonValueKind.Object } d ? [Deserialize(raw, d, type, id)] : [],
            };
        }

        var items = new List<T>();
        if (response.ValueKind == JsonValueKind.Array)
        {
            foreach (var element in response.EnumerateArray())
            {
                var item = EnvelopeItem.Read(element, raw.Status);
                if (!item.IsSuccess)
                {
                    throw item.ToException(raw, requestId);
                }

                if (item.Data is { ValueKind: JsonValueKind.Object } data)
                {
                    items.Add(Deserialize(raw, data, type, requestId));
                }
            }
        }

        var next = root.TryGetProperty("metadata", out var metadata) ? metadata.GetStringOrNull("next_page_uri") : null;
        return new ExotelPage<T> { Items = items, NextPageUri = string.IsNullOrEmpty(next) ? null : next, RequestId = requestId };
    }

    /// <summary>Every item of a v2 list, following <c>next_page_uri</c> until it is absent or a page is empty.</summary>
    public IAsyncEnumerable<T> V2ListAsync<T>(ApiPath first, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        FollowPagesAsync(first, "/v2/accounts/", (path, ct) => V2PageAsync(path, type, ct), cancellationToken);

    /// <summary>A v2 list path with the paging options applied.</summary>
    public static ApiPath WithPaging(ApiPath path, ExotelListOptions? options)
    {
        if (options?.PageSize is { } size)
        {
            VapiExotel.Shared.Guard.InRange(size, 1, 1000, "PageSize");
        }

        if (options?.Offset is { } offset)
        {
            VapiExotel.Shared.Guard.InRange(offset, 0, int.MaxValue, "Offset");
        }

        return path.WithQuery(("page_size", Invariant(options?.PageSize)), ("offset", Invariant(options?.Offset)));
    }

    // ---- v1: the Voice API -------------------------------------------------------------------------------------

    /// <summary>An operation that answers with <c>{"Call": {…}}</c>.</summary>
    public async Task<ExotelCall> V1CallAsync(HttpMethod method, ApiPath path, HttpContent? content, CancellationToken cancellationToken)
    {
        var raw = await SendAsync(method, path, content, Redactor, cancellationToken).ConfigureAwait(false);
        using var document = V1Document(raw);
        var root = document.RootElement;
        if (root.TryGetProperty("Call", out var call) && call.ValueKind == JsonValueKind.Object)
        {
            return Deserialize(raw, call, ExotelJsonContext.Default.ExotelCall, null);
        }

        throw ExotelErrors.Unreadable(raw, "the response has no Call");
    }

    /// <summary>Every call of a v1 bulk query, following <c>NextPageUri</c>.</summary>
    public IAsyncEnumerable<ExotelCall> V1CallListAsync(ApiPath first, CancellationToken cancellationToken) =>
        FollowPagesAsync(first, "/v1/Accounts/", V1CallPageAsync, cancellationToken);

    private async Task<ExotelPage<ExotelCall>> V1CallPageAsync(ApiPath path, CancellationToken cancellationToken)
    {
        var raw = await SendAsync(HttpMethod.Get, path, null, Redactor, cancellationToken).ConfigureAwait(false);
        using var document = V1Document(raw);
        var root = document.RootElement;
        var calls = new List<ExotelCall>();
        if (root.TryGetProperty("Calls", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var element in array.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.Object)
                {
                    throw ExotelErrors.Unreadable(raw, $"a call in the list is {element.ValueKind}, not an object");
                }

                var call = element.TryGetProperty("Call", out var wrapped) ? wrapped : element;
                calls.Add(Deserialize(raw, call, ExotelJsonContext.Default.ExotelCall, null));
            }
        }
        else if (root.TryGetProperty("Call", out var single) && single.ValueKind == JsonValueKind.Object)
        {
            calls.Add(Deserialize(raw, single, ExotelJsonContext.Default.ExotelCall, null));
        }

        var next = root.TryGetProperty("Metadata", out var metadata) ? metadata.GetStringOrNull("NextPageUri") : null;
        return new ExotelPage<ExotelCall> { Items = calls, NextPageUri = string.IsNullOrEmpty(next) ? null : next };
    }

    /// <summary>Parses a v1 body (JSON, or XML when Exotel answers in XML anyway) and throws for a RestException or an error status.</summary>
    private static JsonDocument V1Document(RawResponse raw)
    {
        JsonDocument document;
        if (raw.LooksLikeXml)
        {
            document = XmlResponse.ToJson(raw) ?? throw (raw.IsHttpSuccess ? ExotelErrors.Unreadable(raw, "malformed XML") : ExotelErrors.FromHttp(raw));
        }
        else
        {
            document = ParseJson(raw);
        }

        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("RestException", out var rest) && rest.ValueKind == JsonValueKind.Object)
        {
            using (document)
            {
                var status = rest.GetInt32OrNull("Status");
                var code = rest.GetStringOrNull("Code");
                throw ExotelErrors.FromService(
                    raw, status, code is null ? (ExotelErrorCode?)null : new ExotelErrorCode(code), rest.GetStringOrNull("Message"), null, null);
            }
        }

        if (!raw.IsHttpSuccess || root.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw raw.IsHttpSuccess ? ExotelErrors.Unreadable(raw, "expected a JSON object") : ExotelErrors.FromHttp(raw);
        }

        return document;
    }

    // ---- shared pieces -----------------------------------------------------------------------------------------

    private async IAsyncEnumerable<T> FollowPagesAsync<T>(
        ApiPath first, string apiPrefix, Func<ApiPath, CancellationToken, Task<ExotelPage<T>>> readPage, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        ApiPath? next = first;
        while (next is { } path)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!visited.Add(path.Relative))
            {
                throw new ExotelException($"Exotel GET /{first.Template} returned a next page it had already returned; stopped to avoid looping.", 200)
                {
                    Operation = $"GET /{first.Template}",
                };
            }

            var page = await readPage(path, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            next = page.Items.Count == 0 || page.NextPageUri is null ? null : NextPath(page.NextPageUri, apiPrefix, first.Template);
        }
    }

    /// <summary>
    /// Accepts a next-page link only inside this account's API on the same host, so that a response can never send
    /// the credentials somewhere else.
    /// </summary>
    private ApiPath NextPath(string link, string apiPrefix, string template)
    {
        var accountPrefix = apiPrefix + Uri.EscapeDataString(Options.AccountSid) + "/";
        string? relative = null;
        if (link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal))
        {
            relative = link;
        }
        else if (Uri.TryCreate(link, UriKind.Absolute, out var absolute)
                 && Uri.Compare(absolute, _baseAddress, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0)
        {
            relative = absolute.PathAndQuery;
        }

        if (relative is null || !relative.StartsWith(accountPrefix, StringComparison.OrdinalIgnoreCase) || relative.Contains("..", StringComparison.Ordinal))
        {
            throw new ExotelException($"Exotel GET /{template} returned a next-page link outside this account's API; refusing to follow it.", 200)
            {
                Operation = $"GET /{template}",
            };
        }

        // Keep the base address's own path (a proxy prefix) and append the API path beneath it.
        return new ApiPath(relative.TrimStart('/'), template);
    }

    private static (EnvelopeItem Item, string? RequestId) SingleItem(RawResponse raw, JsonElement root)
    {
        var requestId = root.ValueKind == JsonValueKind.Object ? root.GetStringOrNull("request_id") : null;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("response", out var response))
        {
            throw raw.IsHttpSuccess ? ExotelErrors.Unreadable(raw, "the envelope has no response", requestId) : ExotelErrors.FromHttp(raw);
        }

        if (response.ValueKind == JsonValueKind.Array)
        {
            // Tolerated: a single result wrapped in a one-item array.
            if (response.GetArrayLength() == 0)
            {
                throw raw.IsHttpSuccess ? ExotelErrors.Unreadable(raw, "the envelope's response is empty", requestId) : ExotelErrors.FromHttp(raw);
            }

            response = response[0];
        }

        var item = EnvelopeItem.Read(response, raw.Status);
        if (!item.IsSuccess || !raw.IsHttpSuccess)
        {
            throw item.ToException(raw, requestId);
        }

        return (item, requestId);
    }

    public static JsonDocument ParseJson(RawResponse raw)
    {
        try
        {
            return JsonDocument.Parse(raw.Utf8Json);
        }
        catch (JsonException)
        {
            // The parser's message quotes the body, which may echo a secret: it is not kept as an inner exception.
            throw raw.IsHttpSuccess ? ExotelErrors.Unreadable(raw, "the body is not JSON") : ExotelErrors.FromHttp(raw);
        }
    }

    public static T Deserialize<T>(RawResponse raw, JsonElement element, JsonTypeInfo<T> type, string? requestId)
    {
        try
        {
            return element.Deserialize(type) ?? throw new JsonException("null");
        }
        catch (JsonException ex)
        {
            // Only the redacted text of the parser's message is kept (it can quote the body).
            throw ExotelErrors.Unreadable(raw, $"{typeof(T).Name}: {raw.Redactor.Snippet(ex.Message, 160)}", requestId);
        }
    }

    private static string? Invariant(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
