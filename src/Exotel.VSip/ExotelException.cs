using System.Net;

namespace Exotel.VSip;

/// <summary>
/// The one exception <see cref="ExotelClient"/> throws for a failed operation: an error answer from Exotel (including
/// the HTTP 200 envelopes whose <c>response.code</c> says otherwise), no answer at all, or an answer the SDK could not
/// read. Its message is safe to log: it never contains the API key, the token or a password.
/// </summary>
public class ExotelException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    public ExotelException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public ExotelException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public ExotelException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception describing an Exotel failure (also useful to fake failures in tests).</summary>
    /// <param name="message">A safe, human-readable message.</param>
    /// <param name="status">The HTTP status, or 0 when no response was received.</param>
    /// <param name="responseCode">The envelope's <c>response.code</c>, when there was one.</param>
    /// <param name="errorCode">Exotel's error code, when there was one.</param>
    /// <param name="errorMessage">Exotel's short error message, such as <c>Duplicate resource</c>.</param>
    /// <param name="description">Exotel's description of the error.</param>
    /// <param name="requestId">Exotel's request id, which its support asks for.</param>
    /// <param name="innerException">The underlying cause.</param>
    public ExotelException(
        string message,
        int status,
        int? responseCode = null,
        ExotelErrorCode? errorCode = null,
        string? errorMessage = null,
        string? description = null,
        string? requestId = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ResponseCode = responseCode;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        Description = description;
        RequestId = requestId;
    }

    /// <summary>The HTTP status of the response; 0 when no response was received (a connection failure or a timeout).</summary>
    public int Status { get; }

    /// <summary>The envelope's <c>response.code</c>, which differs from <see cref="Status"/> when Exotel answers HTTP 200 for a failure.</summary>
    public int? ResponseCode { get; }

    /// <summary>Exotel's error code (<c>error_data.code</c> in v2, <c>RestException.Code</c> in v1).</summary>
    public ExotelErrorCode? ErrorCode { get; }

    /// <summary>Exotel's short error message, such as <c>Duplicate resource</c> or <c>Invalid parameter</c>.</summary>
    public string? ErrorMessage { get; }

    /// <summary>Exotel's description, such as <c>Destination not whitelisted</c>.</summary>
    public string? Description { get; }

    /// <summary>Exotel's <c>request_id</c>; quote it to Exotel support.</summary>
    public string? RequestId { get; }

    /// <summary>The method and path template of the failed operation, such as <c>POST /v2/accounts/{account_sid}/trunks</c>.</summary>
    public string? Operation { get; init; }

    /// <summary>How long Exotel asked the caller to wait, from a <c>Retry-After</c> header.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>True when no response arrived because the attempt or the whole operation timed out.</summary>
    public bool IsTimeout { get; init; }

    /// <summary>
    /// True when the request may have taken effect although it failed: no response arrived after it was sent (a
    /// timeout, a connection that failed after sending), or a POST was answered 5xx or 408, which a proxy or a failing
    /// service can answer after the call was placed or the resource created. After such a failure look before creating
    /// it again. False when the request provably was not sent (the host could not be resolved or connected to), or
    /// the answer says it was not processed.
    /// </summary>
    public bool IsOutcomeUnknown { get; init; }

    /// <summary>
    /// True when the resource already exists: error code 1008, <c>response.code</c> or HTTP 409, or the message
    /// <c>Duplicate resource</c>. A duplicate means "exists", not "identical": read it back and compare.
    /// </summary>
    public bool IsDuplicate =>
        ErrorCode == ExotelErrorCode.DuplicateResource
        || ResponseCode == (int)HttpStatusCode.Conflict
        || Status == (int)HttpStatusCode.Conflict
        || string.Equals(ErrorMessage, "Duplicate resource", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the resource does not exist (HTTP or <c>response.code</c> 404, or error code 1000).</summary>
    public bool IsNotFound =>
        Status == (int)HttpStatusCode.NotFound || ResponseCode == (int)HttpStatusCode.NotFound || ErrorCode == ExotelErrorCode.NotFound;

    /// <summary>True when the credentials were refused or do not reach the resource (401, 403, codes 1003 and 1010).</summary>
    public bool IsAuthenticationFailure =>
        Status is (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden
        || ResponseCode is (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden
        || ErrorCode == ExotelErrorCode.AuthenticationFailed || ErrorCode == ExotelErrorCode.AuthorizationFailed;

    /// <summary>True when Exotel refused the request for its rate limit (HTTP 429); such a request was not processed.</summary>
    public bool IsRateLimited =>
        Status == (int)HttpStatusCode.TooManyRequests || ResponseCode == (int)HttpStatusCode.TooManyRequests
        || ErrorCode == ExotelErrorCode.RateLimitExceeded;
}
