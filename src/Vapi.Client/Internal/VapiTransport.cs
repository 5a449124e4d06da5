using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using VapiExotel.Shared.Http;

namespace Vapi.Client.Internal;

/// <summary>
/// Sends requests for one organisation and turns the answers into models or a <see cref="VapiException"/>. Every
/// sub-client goes through here: the bearer key, escaping, the error mapping, polymorphic reading and list paging
/// are written once.
/// </summary>
internal sealed class VapiTransport
{
    private static readonly ProductInfoHeaderValue[] UserAgentValues = UserAgent.For(typeof(VapiTransport).Assembly);

    private readonly ApiSender _sender;
    private readonly AuthenticationHeaderValue _authorization;

    public VapiTransport(HttpClient http, VapiClientOptions options, ILogger logger)
    {
        Options = options;
        _authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        Redactor = new SecretRedactor(options.ApiKey);
        _sender = new ApiSender(http, options.GetEffectiveBaseAddress(), UserAgentValues, VapiErrors.NoResponse, logger);
    }

    /// <summary>A snapshot of the options, taken when the client was built.</summary>
    public VapiClientOptions Options { get; }

    public SecretRedactor Redactor { get; }

    public static HttpContent Json<T>(T body, JsonTypeInfo<T> typeInfo) => ApiSender.Json(body, typeInfo);

    /// <summary>Sends a request and returns its successful response; an error status throws.</summary>
    public async Task<RawResponse> SendAsync(HttpMethod method, ApiPath path, HttpContent? content, SecretRedactor? redactor, CancellationToken cancellationToken)
    {
        var raw = await _sender.SendAsync(method, path, content, _authorization, redactor ?? Redactor, cancellationToken).ConfigureAwait(false);
        return raw.IsHttpSuccess ? raw : throw VapiErrors.FromHttp(raw);
    }

    /// <summary>Sends a request and reads its body as <typeparamref name="T"/>.</summary>
    public async Task<T> SendAsync<T>(
        HttpMethod method, ApiPath path, HttpContent? content, JsonTypeInfo<T> type, CancellationToken cancellationToken, SecretRedactor? redactor = null)
    {
        var raw = await SendAsync(method, path, content, redactor, cancellationToken).ConfigureAwait(false);
        using var document = ParseJson(raw);
        return Deserialize(raw, document.RootElement, type);
    }

    /// <summary>Sends a request and reads its body with <paramref name="read"/> (for polymorphic answers).</summary>
    public async Task<T> SendAsync<T>(
        HttpMethod method, ApiPath path, HttpContent? content, Func<RawResponse, JsonElement, T> read, CancellationToken cancellationToken, SecretRedactor? redactor = null)
    {
        var raw = await SendAsync(method, path, content, redactor, cancellationToken).ConfigureAwait(false);
        using var document = ParseJson(raw);
        return read(raw, document.RootElement);
    }

    /// <summary>
    /// Posts a control message to a live call's control URL. The API key is not sent: the URL is on another host and
    /// is itself the capability.
    /// </summary>
    public async Task PostControlAsync(Uri controlUrl, HttpContent content, CancellationToken cancellationToken)
    {
        var raw = await _sender.SendAsync(HttpMethod.Post, controlUrl, "{controlUrl}", default, content, authorization: null, Redactor, cancellationToken)
            .ConfigureAwait(false);
        if (!raw.IsHttpSuccess)
        {
            throw VapiErrors.FromHttp(raw);
        }
    }

    /// <summary>
    /// Every item of a list. Vapi answers a plain array without a cursor, so this walks back in time: the next
    /// request asks for items created at or before the oldest one seen and skips ids already yielded (ties share a
    /// timestamp). When a whole page shares one timestamp, that timestamp is drained with one large request and the
    /// walk goes on strictly before it, so that ties never end the walk early. A short page is the last one.
    /// </summary>
    /// <remarks>The filter is a snapshot taken when the caller called, not at enumeration.</remarks>
    public async IAsyncEnumerable<T> ListAsync<T>(
        ApiPath path,
        VapiListFilter? filter,
        IReadOnlyList<(string Name, string? Value)> extraQuery,
        Func<RawResponse, JsonElement, T> read,
        Func<T, string> id,
        Func<T, DateTimeOffset?> createdAt,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var window = new ListWindow(filter?.CreatedAtGe, filter?.CreatedAtLt, filter?.CreatedAtLe, filter?.PageSize ?? VapiListFilter.DefaultPageSize);
        var seen = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        while (true)
        {
            var items = await PageAsync(path, filter, window, extraQuery, read, cancellationToken).ConfigureAwait(false);
            var added = 0;
            foreach (var item in items)
            {
                if (seen.TryAdd(id(item), createdAt(item)))
                {
                    added++;
                    yield return item;
                }
            }

            var dates = items.Select(createdAt).ToList();
            if (items.Count < window.Limit || dates.Any(d => d is null))
            {
                yield break;   // the last page, or items without dates to walk by
            }

            if (dates[0] < dates[^1])
            {
                // Oldest first (the order is undocumented): walking back would silently skip everything newer.
                throw new VapiException(
                    $"Vapi GET /{path.Template} returned a full page oldest first; the SDK pages newest first and stopped rather than skip items. Narrow the time filters or raise PageSize.",
                    200) { Operation = "GET /" + path.Template };
            }

            var oldest = dates.Min()!.Value;
            if (added > 0)
            {
                window = window with { Le = oldest };
            }
            else
            {
                // A full page of one timestamp: take all of it at once, then continue strictly before it.
                var ties = await PageAsync(path, filter, new ListWindow(oldest, null, oldest, 1000), extraQuery, read, cancellationToken).ConfigureAwait(false);
                foreach (var item in ties)
                {
                    if (seen.TryAdd(id(item), createdAt(item)))
                    {
                        yield return item;
                    }
                }

                window = window with { Lt = oldest, Le = null };
            }

            // Only ids at the boundary can come back; forget the rest so that a long walk stays small.
            foreach (var stale in seen.Where(e => e.Value != oldest).Select(e => e.Key).ToList())
            {
                seen.Remove(stale);
            }
        }
    }

    private async Task<List<T>> PageAsync<T>(
        ApiPath path, VapiListFilter? filter, ListWindow window, IReadOnlyList<(string Name, string? Value)> extraQuery,
        Func<RawResponse, JsonElement, T> read, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var raw = await SendAsync(HttpMethod.Get, WithFilter(path, filter, window, extraQuery), null, null, cancellationToken).ConfigureAwait(false);
        using var document = ParseJson(raw);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw VapiErrors.Unreadable(raw, $"expected a JSON array, got {root.ValueKind}");
        }

        var items = new List<T>(root.GetArrayLength());
        foreach (var element in root.EnumerateArray())
        {
            items.Add(read(raw, element));
        }

        return items;
    }

    /// <summary>Checks a filter now (at the call, not at the first MoveNext) and returns a snapshot of it.</summary>
    public static TFilter? Snapshot<TFilter>(TFilter? filter)
        where TFilter : VapiListFilter
    {
        if (filter?.PageSize is { } size)
        {
            VapiExotel.Shared.Guard.InRange(size, 1, 1000, "filter.PageSize");
        }

        return (TFilter?)filter?.Snapshot();
    }

    private static ApiPath WithFilter(ApiPath path, VapiListFilter? filter, ListWindow window, IReadOnlyList<(string Name, string? Value)> extraQuery) =>
        path.WithQuery(
        [
            .. extraQuery,
            ("limit", window.Limit.ToString(CultureInfo.InvariantCulture)),
            ("createdAtGt", Iso(filter?.CreatedAtGt)),
            ("createdAtLt", Iso(window.Lt)),
            ("createdAtGe", Iso(window.Ge)),
            ("createdAtLe", Iso(window.Le)),
            ("updatedAtGt", Iso(filter?.UpdatedAtGt)),
            ("updatedAtLt", Iso(filter?.UpdatedAtLt)),
            ("updatedAtGe", Iso(filter?.UpdatedAtGe)),
            ("updatedAtLe", Iso(filter?.UpdatedAtLe)),
        ]);

    /// <summary>The creation-time bounds and size of one list request.</summary>
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)]
    private readonly record struct ListWindow(DateTimeOffset? Ge, DateTimeOffset? Lt, DateTimeOffset? Le, int Limit);

    public static JsonDocument ParseJson(RawResponse raw)
    {
        try
        {
            return JsonDocument.Parse(raw.Utf8Json);
        }
        catch (JsonException)
        {
            // The parser's message quotes the body, which may echo a secret: it is not kept as an inner exception.
            throw VapiErrors.Unreadable(raw, raw.Utf8Body.IsEmpty ? "the body is empty" : "the body is not JSON");
        }
    }

    public static T Deserialize<T>(RawResponse raw, JsonElement element, JsonTypeInfo<T> type)
    {
        try
        {
            return element.Deserialize(type) ?? throw new JsonException("null");
        }
        catch (JsonException ex)
        {
            // Only the redacted text of the parser's message is kept (it can quote the body).
            throw VapiErrors.Unreadable(raw, $"{typeof(T).Name}: {raw.Redactor.Snippet(ex.Message, 160)}");
        }
    }

    /// <summary>Reads an object as the type its <c>provider</c> names, or as the base type for any other provider.</summary>
    public static TBase ReadByProvider<TBase>(RawResponse raw, JsonElement element, JsonTypeInfo<TBase> fallback, params ReadOnlySpan<(string Provider, JsonTypeInfo Type)> known)
        where TBase : class
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw VapiErrors.Unreadable(raw, $"expected a JSON object, got {element.ValueKind}");
        }

        var provider = element.TryGetProperty("provider", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        foreach (var (name, type) in known)
        {
            if (string.Equals(provider, name, StringComparison.Ordinal))
            {
                try
                {
                    return element.Deserialize(type) as TBase ?? throw new JsonException("null");
                }
                catch (JsonException ex)
                {
                    throw VapiErrors.Unreadable(raw, $"{type.Type.Name}: {raw.Redactor.Snippet(ex.Message, 160)}");
                }
            }
        }

        return Deserialize(raw, element, fallback);
    }

    private static string? Iso(DateTimeOffset? value) => value is { } time ? UtcDateTimeConverter.Format(time) : null;
}
