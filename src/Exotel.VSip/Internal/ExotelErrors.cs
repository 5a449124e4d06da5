using VapiExotel.Shared.Http;
using System.Globalization;
using System.Net;
using System.Text;

namespace Exotel.VSip.Internal;

/// <summary>Builds every <see cref="ExotelException"/> the package throws, so that all messages share one safe shape.</summary>
internal static class ExotelErrors
{
    private const string AuthenticationHint =
        " Check ExotelClientOptions.ApiKey and ApiToken, and the Region or BaseAddress: an account answers only on its own cluster (Mumbai api.in.exotel.com, Singapore api.exotel.com).";

    public static ExotelException FromService(
        RawResponse raw, int? responseCode, ExotelErrorCode? errorCode, string? errorMessage, string? description, string? requestId)
    {
        var redactor = raw.Redactor;
        var message = NullIfEmpty(redactor.Snippet(errorMessage, 120));
        var detail = NullIfEmpty(redactor.Snippet(description));

        var sb = new StringBuilder("Exotel ").Append(raw.Operation).Append(" failed");
        var what = string.Join(": ", new[] { message, detail }.Where(s => s is not null));
        if (what.Length > 0)
        {
            sb.Append(": ").Append(what);
        }

        sb.Append(" (HTTP ").Append(raw.Status.ToString(CultureInfo.InvariantCulture));
        if (responseCode is { } code && code != raw.Status)
        {
            sb.Append(", response.code ").Append(code.ToString(CultureInfo.InvariantCulture));
        }

        if (errorCode is { } ec)
        {
            sb.Append(", error ").Append(ec.Value);
        }

        if (!string.IsNullOrEmpty(requestId))
        {
            sb.Append(", request id ").Append(requestId);
        }

        sb.Append(").").Append(raw.OutcomeUnknownText);

        var exception = new ExotelException(sb.ToString(), raw.Status, responseCode, errorCode, message, detail, requestId)
        {
            Operation = raw.Operation,
            RetryAfter = raw.RetryAfter,
            IsOutcomeUnknown = raw.OutcomeUnknown,
        };

        return exception.IsAuthenticationFailure ? Rebuild(exception, exception.Message + AuthenticationHint) : exception;
    }

    /// <summary>An error status with a body that is not one of Exotel's shapes (a proxy page, an empty body).</summary>
    public static ExotelException FromHttp(RawResponse raw)
    {
        var snippet = raw.Redactor.Snippet(raw.Body, 200);
        var reason = Enum.IsDefined((HttpStatusCode)raw.Status) ? " " + (HttpStatusCode)raw.Status : string.Empty;
        var text = $"Exotel {raw.Operation} failed (HTTP {raw.Status.ToString(CultureInfo.InvariantCulture)}{reason})"
                   + (snippet.Length > 0 ? $": {snippet}" : ".") + raw.OutcomeUnknownText;
        var exception = new ExotelException(text, raw.Status) { Operation = raw.Operation, RetryAfter = raw.RetryAfter, IsOutcomeUnknown = raw.OutcomeUnknown };
        return exception.IsAuthenticationFailure ? Rebuild(exception, exception.Message + AuthenticationHint) : exception;
    }

    /// <summary>A successful status whose body the SDK cannot read as what the operation returns.</summary>
    public static ExotelException Unreadable(RawResponse raw, string problem, string? requestId = null, Exception? inner = null) =>
        new($"Exotel {raw.Operation} returned a response the SDK could not read: {problem} (HTTP {raw.Status.ToString(CultureInfo.InvariantCulture)}"
            + (requestId is null ? ")." : $", request id {requestId})."),
            raw.Status, requestId: requestId, innerException: inner)
        {
            Operation = raw.Operation,
        };

    /// <summary>No response arrived. The cause is kept as the inner exception only when it carries no secret.</summary>
    public static ExotelException NoResponse(NoResponse failure, SecretRedactor redactor) =>
        new($"Exotel {failure.Operation} failed: {failure.Reason}.", status: 0, innerException: failure.SafeCause(redactor))
        {
            Operation = failure.Operation,
            IsTimeout = failure.IsTimeout,
            IsOutcomeUnknown = failure.IsOutcomeUnknown,
        };

    private static ExotelException Rebuild(ExotelException e, string message) =>
        new(message, e.Status, e.ResponseCode, e.ErrorCode, e.ErrorMessage, e.Description, e.RequestId, e.InnerException)
        {
            Operation = e.Operation,
            RetryAfter = e.RetryAfter,
            IsTimeout = e.IsTimeout,
            IsOutcomeUnknown = e.IsOutcomeUnknown,
        };

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
