using System.Globalization;
using System.Net;
using System.Text.Json;
using VapiExotel.Shared.Http;

namespace Vapi.Client.Internal;

/// <summary>Builds every <see cref="VapiException"/> the package throws, so that all messages share one safe shape.</summary>
internal static class VapiErrors
{
    private const int RawBodyMaxLength = 4096;

    private const string AuthenticationHint =
        " Check VapiClientOptions.ApiKey (the private key, not the public one) and Region: an EU organisation answers only on api.eu.vapi.ai.";

    /// <summary>An error status: Nest's <c>{message, error, statusCode}</c> when the body has it, a snippet of anything else.</summary>
    public static VapiException FromHttp(RawResponse raw)
    {
        var redactor = raw.Redactor;
        var (messages, error) = ReadBody(raw.Body, redactor);
        var reason = Enum.IsDefined((HttpStatusCode)raw.Status) ? " " + (HttpStatusCode)raw.Status : string.Empty;
        var what = messages.Count > 0 ? string.Join("; ", messages) : redactor.Snippet(raw.Body, 200);
        var text = $"Vapi {raw.Operation} failed" + (what.Length > 0 ? $": {what}" : string.Empty)
                   + $" (HTTP {raw.Status.ToString(CultureInfo.InvariantCulture)}{reason}"
                   + (raw.HeaderRequestId is { } id ? $", request id {redactor.Snippet(id, 80)})." : ").") + raw.OutcomeUnknownText;
        if (raw.Status is (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden)
        {
            text += AuthenticationHint;
        }

        return new VapiException(text, raw.Status, messages, error, RawBody(raw))
        {
            Operation = raw.Operation,
            RequestId = raw.HeaderRequestId,
            RetryAfter = raw.RetryAfter,
            IsOutcomeUnknown = raw.OutcomeUnknown,
        };
    }

    /// <summary>A successful status whose body the SDK cannot read as what the operation returns.</summary>
    public static VapiException Unreadable(RawResponse raw, string problem) =>
        new($"Vapi {raw.Operation} returned a response the SDK could not read: {problem} (HTTP {raw.Status.ToString(CultureInfo.InvariantCulture)}).",
            raw.Status, rawBody: RawBody(raw))
        {
            Operation = raw.Operation,
            RequestId = raw.HeaderRequestId,
        };

    /// <summary>No response arrived. The cause is kept as the inner exception only when it carries no secret.</summary>
    public static VapiException NoResponse(NoResponse failure, SecretRedactor redactor) =>
        new($"Vapi {failure.Operation} failed: {failure.Reason}.", status: 0, innerException: failure.SafeCause(redactor))
        {
            Operation = failure.Operation,
            IsTimeout = failure.IsTimeout,
            IsOutcomeUnknown = failure.IsOutcomeUnknown,
        };

    private static string? RawBody(RawResponse raw)
    {
        if (raw.Utf8Body.IsEmpty)
        {
            return null;
        }

        var redacted = raw.Redactor.Redact(raw.Body);
        return redacted.Length <= RawBodyMaxLength ? redacted : string.Concat(redacted.AsSpan(0, RawBodyMaxLength), "…");
    }

    // `message` is a string, or a list of strings for validation errors; both become a list.
    private static (IReadOnlyList<string> Messages, string? Error) ReadBody(string body, SecretRedactor redactor)
    {
        if (!body.AsSpan().TrimStart().StartsWith("{", StringComparison.Ordinal))
        {
            return ([], null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var messages = new List<string>();
            if (root.TryGetProperty("message", out var message))
            {
                if (message.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in message.EnumerateArray())
                    {
                        Add(messages, item, redactor);
                    }
                }
                else
                {
                    Add(messages, message, redactor);
                }
            }

            var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? redactor.Snippet(e.GetString(), 120) : null;
            return (messages, string.IsNullOrEmpty(error) ? null : error);
        }
        catch (JsonException)
        {
            return ([], null);
        }
    }

    private static void Add(List<string> messages, JsonElement item, SecretRedactor redactor)
    {
        var text = item.ValueKind switch
        {
            JsonValueKind.String => item.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => item.GetRawText(),
        };

        var snippet = redactor.Snippet(text, 500);
        if (snippet.Length > 0)
        {
            messages.Add(snippet);
        }
    }
}
