using System.Net;

namespace Vapi.Client;

/// <summary>
/// The one exception <see cref="VapiClient"/> throws for a failed operation: an error answer from Vapi, no answer at
/// all, or an answer the SDK could not read. Its message and <see cref="RawBody"/> are safe to log: the API key and
/// any password sent with the request are removed.
/// </summary>
public class VapiException : Exception
{
    /// <summary>Creates an exception.</summary>
    public VapiException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public VapiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public VapiException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception describing a Vapi failure (also useful to fake failures in tests).</summary>
    /// <param name="message">A safe, human-readable message.</param>
    /// <param name="status">The HTTP status (or the body's <c>statusCode</c>); 0 when no response was received.</param>
    /// <param name="messages">Vapi's messages: its <c>message</c>, a string or a list of strings, as a list.</param>
    /// <param name="error">Vapi's error name, such as <c>Bad Request</c>.</param>
    /// <param name="rawBody">The response body with secrets removed, shortened if long.</param>
    /// <param name="innerException">The underlying cause.</param>
    public VapiException(string message, int status, IReadOnlyList<string>? messages = null, string? error = null, string? rawBody = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        Messages = messages ?? [];
        Error = error;
        RawBody = rawBody;
    }

    /// <summary>The HTTP status of the response; 0 when no response was received (a connection failure or a timeout).</summary>
    public int Status { get; }

    /// <summary>
    /// Vapi's <c>message</c> as a list: one item when Vapi sent a string, several for validation errors such as
    /// <c>property customer should not exist</c>. Empty when the body had none (an HTML page from a proxy).
    /// </summary>
    public IReadOnlyList<string> Messages { get; } = [];

    /// <summary>Vapi's error name, such as <c>Bad Request</c> or <c>Not Found</c>.</summary>
    public string? Error { get; }

    /// <summary>The response body with the API key and request passwords removed, shortened to a few kilobytes.</summary>
    public string? RawBody { get; }

    /// <summary>The method and path template of the failed operation, such as <c>POST /credential</c>.</summary>
    public string? Operation { get; init; }

    /// <summary>The request id from the response headers (<c>X-Request-Id</c> or Cloudflare's <c>CF-Ray</c>), for Vapi support.</summary>
    public string? RequestId { get; init; }

    /// <summary>How long Vapi asked the caller to wait, from a <c>Retry-After</c> header.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>True when no response arrived because the attempt or the whole operation timed out.</summary>
    public bool IsTimeout { get; init; }

    /// <summary>
    /// True when the request may have taken effect although it failed: no response arrived after it may have been sent
    /// (a timeout, a connection lost after sending), or a create (POST) was answered 5xx or 408, which a proxy can send
    /// after Vapi acted. After such a failure of <c>POST /call</c> a call may be ringing: list recent calls before
    /// placing it again. False when the request provably was not sent or was refused.
    /// </summary>
    public bool IsOutcomeUnknown { get; init; }

    /// <summary>True for HTTP 404: the id does not exist (or belongs to another organisation or region).</summary>
    public bool IsNotFound => Status == (int)HttpStatusCode.NotFound;

    /// <summary>True for HTTP 409: the resource conflicts with one that exists.</summary>
    public bool IsConflict => Status == (int)HttpStatusCode.Conflict;

    /// <summary>True for HTTP 400: Vapi refused the request's content; <see cref="Messages"/> says why.</summary>
    public bool IsValidationError => Status == (int)HttpStatusCode.BadRequest;

    /// <summary>True for HTTP 401 or 403: the key was refused (a public key, a key of another region, a revoked key).</summary>
    public bool IsAuthenticationFailure => Status is (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden;

    /// <summary>True for HTTP 429: Vapi refused the request for its rate limit; such a request was not processed.</summary>
    public bool IsRateLimited => Status == (int)HttpStatusCode.TooManyRequests;
}
