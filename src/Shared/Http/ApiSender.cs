using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Polly.Timeout;

namespace VapiExotel.Shared.Http;

/// <summary>Why no response arrived, and whether the request may have reached the service anyway.</summary>
internal readonly record struct NoResponse(string Operation, string Reason, bool IsTimeout, bool IsOutcomeUnknown, Exception Cause)
{
    /// <summary>The cause, to keep as an inner exception, unless its text carries a secret.</summary>
    public Exception? SafeCause(SecretRedactor redactor) => redactor.ContainsSecret(Cause.ToString()) ? null : Cause;
}

/// <summary>
/// Sends one request of a client and reads the whole answer: headers, user agent, the mapping of "no response" into
/// the package's exception (timeout, connection refused before sending, connection lost after sending) and the
/// request log line. Each package supplies only what differs: its authorization, its exception and its log message.
/// </summary>
internal sealed class ApiSender(
    HttpClient http,
    Uri baseAddress,
    ProductInfoHeaderValue[] userAgent,
    Func<NoResponse, SecretRedactor, Exception> noResponse,
    Action<string, string, int, double> requestCompleted)
{
    public Uri BaseAddress { get; } = BaseAddressRules.WithTrailingSlash(baseAddress);

    /// <summary>A buffered JSON body with exactly <c>application/json</c>, so that the resilience pipeline can send it again.</summary>
    public static HttpContent Json<T>(T body, JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");   // per request: header objects are mutable
        return content;
    }

    /// <summary>Sends a request to a path beneath the base address.</summary>
    public Task<RawResponse> SendAsync(
        HttpMethod method, ApiPath path, HttpContent? content, AuthenticationHeaderValue? authorization, SecretRedactor redactor, CancellationToken cancellationToken) =>
        SendAsync(method, new Uri(BaseAddress, path.Relative), $"{method.Method} /{path.Template}", "/" + path.Template, content, authorization, redactor, cancellationToken);

    /// <summary>Sends a request to an absolute address (such as a call's control URL) under the given operation name.</summary>
    public async Task<RawResponse> SendAsync(
        HttpMethod method, Uri address, string operation, string logTemplate, HttpContent? content, AuthenticationHeaderValue? authorization,
        SecretRedactor redactor, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, address) { Content = content };
        request.Headers.Authorization = authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        foreach (var product in userAgent)
        {
            request.Headers.UserAgent.Add(product);
        }

        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutRejectedException ex)
        {
            throw noResponse(new(operation, $"no response within {ex.Timeout.TotalSeconds:0.###} s (timed out)", true, true, ex), redactor);
        }
        catch (Polly.ExecutionRejectedException ex)
        {
            // A strategy the user added (a circuit breaker, a rate limiter) refused before sending.
            throw noResponse(new(operation, $"the request was refused by the client's resilience pipeline and not sent ({ex.GetType().Name})", false, false, ex), redactor);
        }
        catch (OperationCanceledException ex)
        {
            // HttpClient.Timeout of a caller-supplied HttpClient: the caller did not cancel.
            throw noResponse(new(operation, "no response in time (timed out)", true, true, ex), redactor);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError)
        {
            throw noResponse(new(operation, $"could not reach {address.Host}; the request was not sent ({redactor.Snippet(ex.Message, 160)})", false, false, ex), redactor);
        }
        catch (HttpRequestException ex)
        {
            throw noResponse(
                new(operation, $"the connection to {address.Host} failed after the request may have been sent, so its outcome is unknown ({redactor.Snippet(ex.Message, 160)})", false, true, ex),
                redactor);
        }

        using (response)
        {
            // Bytes decoded as UTF-8 (both services send JSON): a proxy page with a bogus charset must not throw here.
            var body = System.Text.Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
            var status = (int)response.StatusCode;
            requestCompleted(method.Method, logTemplate, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return new RawResponse(status, body, response.Content.Headers.ContentType?.MediaType, RetryAfter(response), operation, redactor)
            {
                HeaderRequestId = FirstHeader(response, "X-Request-Id") ?? FirstHeader(response, "CF-Ray"),
            };
        }
    }

    private static string? FirstHeader(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) : null;

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
