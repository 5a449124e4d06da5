using System.Net;
using Polly;
using Polly.Timeout;

namespace VapiExotel.Shared.Http;

/// <summary>
/// Which failures are transient, and which requests may be sent again after one. A request that may have been acted
/// on (a POST that timed out, lost its connection or got a 5xx) is never replayed: it may have placed a call.
/// </summary>
internal static class RetryRules
{
    /// <summary>A failure worth another attempt for a request that is safe to repeat: 408, 429, 5xx, a connection error, an attempt timeout.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => (int)response.StatusCode is >= 500 or 408 or 429,
        // A certificate the client rejects will be rejected again: not transient, and no reason to open the breaker.
        { Exception: HttpRequestException { InnerException: System.Security.Authentication.AuthenticationException } } => false,
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        _ => false,
    };

    /// <summary>True when the service cannot have processed the request: it said so (429), or nothing was sent.</summary>
    public static bool ProvablyNotProcessed(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result.StatusCode: HttpStatusCode.TooManyRequests } => true,
        { Exception: HttpRequestException ex } => IsNotSent(ex),
        { Exception: ExecutionRejectedException and not TimeoutRejectedException } => true,   // the breaker (or a user's limiter) refused it
        _ => false,
    };

    /// <summary>A connection that failed before the request was written: the name did not resolve, the connection or its TLS handshake was refused.</summary>
    public static bool IsNotSent(HttpRequestException ex) =>
        ex.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError;

    /// <summary>GET, HEAD, OPTIONS, PUT and DELETE may be repeated; POST and PATCH may not (Exotel and Vapi take no idempotency keys).</summary>
    public static bool IsRepeatable(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options || method == HttpMethod.Put || method == HttpMethod.Delete;

    /// <summary>Why a failed request is not retried, or null when it may be.</summary>
    public static string? WhyNotRetried(HttpMethod method, RequestInfo info, Outcome<HttpResponseMessage> outcome)
    {
        if (!IsTransient(outcome))
        {
            return "not transient";
        }

        if (info.NeverReplay)
        {
            return "this request is never replayed";
        }

        return IsRepeatable(method) || ProvablyNotProcessed(outcome) ? null : "the service may have acted on it, so its outcome is unknown";
    }

    /// <summary>The wait a response's <c>Retry-After</c> asks for (a delta or a date; a past date is zero), if any.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
