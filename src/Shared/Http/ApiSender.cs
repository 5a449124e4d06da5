using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
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
/// the package's exception (timeout, connection refused before sending, connection lost after sending), the request
/// log line, its trace span and its metrics. Each package supplies only what differs: its authorization and its exception.
/// </summary>
internal sealed class ApiSender(
    HttpClient http,
    Uri baseAddress,
    ProductInfoHeaderValue[] userAgent,
    Func<NoResponse, SecretRedactor, Exception> noResponse,
    ILogger logger)
{
    /// <summary>What a POST that may have been acted on asks the caller to do, unless its path says more.</summary>
    private const string DefaultOutcomeHint = "check whether it took effect (list or get the resource) before sending it again";

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
        SendAsync(method, new Uri(BaseAddress, path.Relative), "/" + path.Template, path, content, authorization, redactor, cancellationToken);

    /// <summary>Sends a request to an absolute address (such as a call's control URL) under the given path template.</summary>
    public async Task<RawResponse> SendAsync(
        HttpMethod method, Uri address, string pathTemplate, ApiPath path, HttpContent? content, AuthenticationHeaderValue? authorization,
        SecretRedactor redactor, CancellationToken cancellationToken)
    {
        var operation = $"{method.Method} {pathTemplate}";
        var info = new RequestInfo(pathTemplate, path.NeverReplay);
        using var request = new HttpRequestMessage(method, address) { Content = content };
        request.Options.Set(RequestInfo.Key, info);
        request.Headers.Authorization = authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        foreach (var product in userAgent)
        {
            request.Headers.UserAgent.Add(product);
        }

        var tags = ClientTelemetry.Tags(method.Method, pathTemplate, address);
        using var activity = ClientTelemetry.Source.StartActivity($"{method.Method} {pathTemplate}", ActivityKind.Client, default(ActivityContext), tags);
        var started = Stopwatch.GetTimestamp();
        void Failed(Exception ex, string errorType)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            tags.Add("error.type", errorType);   // no status tag: no answer came
            Record(activity, tags, elapsed, info.Attempts);
            activity?.SetStatus(ActivityStatusCode.Error, errorType);
            HttpLog.RequestFailed(logger, method.Method, pathTemplate, elapsed.TotalMilliseconds, info.Attempts, errorType);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            Failed(ex, "cancelled");   // the caller's own cancellation: logged and counted, never wrapped
            throw;
        }
        catch (Exception ex) when (NoAnswer(ex, address, redactor) is { } failure)
        {
            Failed(ex, ex.GetType().Name);

            // Only a request that may have reached the service has an unknown outcome: one refused with 429, by the
            // breaker or before connecting, and then cut off by the total timeout, provably did nothing.
            // Without the SDK's handler (a caller's own HttpClient) nothing was tracked, so nothing is proven.
            var unknown = failure.IsOutcomeUnknown && (!info.Tracked || info.MayHaveBeenProcessed);
            var reason = failure.Reason;
            if (!unknown && failure.IsOutcomeUnknown)
            {
                reason += "; no attempt reached the service (each was refused before processing), so nothing was done";
            }
            else if (unknown && !RetryRules.IsRepeatable(method))
            {
                reason += $"; the outcome is unknown, so the SDK did not send it again: {path.OutcomeUnknownHint ?? DefaultOutcomeHint}";
            }

            throw noResponse(new NoResponse(operation, reason, failure.IsTimeout, unknown, ex), redactor);
        }

        using (response)
        {
            // The bytes as they came (buffered by the resilience handler or HttpClient): parsed without a text copy.
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var elapsed = Stopwatch.GetElapsedTime(started);
            var attempts = Math.Max(1, info.Attempts);   // 1 through an HttpClient without the SDK's handler
            tags.Add("http.response.status_code", status);
            if (status >= 400)
            {
                tags.Add("error.type", status.ToString(CultureInfo.InvariantCulture));
                activity?.SetStatus(ActivityStatusCode.Error, "HTTP " + status.ToString(CultureInfo.InvariantCulture));
            }

            Record(activity, tags, elapsed, attempts);
            HttpLog.RequestCompleted(logger, method.Method, pathTemplate, status, elapsed.TotalMilliseconds, attempts);
            return new RawResponse(status, body, response.Content.Headers.ContentType?.MediaType, RetryRules.RetryAfter(response, TimeProvider.System), operation, redactor)
            {
                HeaderRequestId = FirstHeader(response, "X-Request-Id") ?? FirstHeader(response, "CF-Ray"),
                OutcomeUnknownHint = path.OutcomeUnknownHint ?? DefaultOutcomeHint,
            };
        }
    }

    private static void Record(Activity? activity, in TagList tags, TimeSpan elapsed, int attempts)
    {
        ClientTelemetry.RequestDuration.Record(elapsed.TotalSeconds, tags);
        ClientTelemetry.Requests.Add(1, tags);
        if (activity is not null)
        {
            foreach (var tag in tags)
            {
                activity.SetTag(tag.Key, tag.Value);
            }

            if (attempts > 1)
            {
                activity.SetTag("http.request.resend_count", attempts - 1);
            }
        }
    }

    /// <summary>How a request that got no answer failed, or null for an exception that is not about the answer.</summary>
    private static (string Reason, bool IsTimeout, bool IsOutcomeUnknown)? NoAnswer(Exception ex, Uri address, SecretRedactor redactor) => ex switch
    {
        TimeoutRejectedException t => ($"no response within {t.Timeout.TotalSeconds:0.###} s (timed out)", true, true),
        BrokenCircuitException b => (
            "the client's circuit breaker is open after repeated failures, so the request was not sent"
            + (b.RetryAfter is { } wait ? $"; try again in {wait.TotalSeconds:0.#} s" : string.Empty), false, false),
        // A strategy the user added (a rate limiter, say) refused before sending.
        ExecutionRejectedException => ($"the request was refused by the client's resilience pipeline and not sent ({ex.GetType().Name})", false, false),
        // HttpClient.Timeout of a caller-supplied HttpClient: the caller did not cancel.
        OperationCanceledException => ("no response in time (timed out)", true, true),
        HttpRequestException h when RetryRules.IsNotSent(h) => ($"could not reach {address.Host}; the request was not sent ({redactor.Snippet(h.Message, 160)})", false, false),
        HttpRequestException h => ($"the connection to {address.Host} failed after the request may have been sent ({redactor.Snippet(h.Message, 160)})", false, true),
        _ => null,
    };

    private static string? FirstHeader(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) : null;
}
