
namespace VapiExotel.Shared.Http;

/// <summary>A response read to the end, with what is needed to judge it and to describe a failure safely.</summary>
internal sealed record RawResponse(int Status, ReadOnlyMemory<byte> Utf8Body, string? MediaType, TimeSpan? RetryAfter, string Operation, SecretRedactor Redactor)
{
    private string? _body;

    /// <summary>
    /// The body as text, decoded on first use: a successful JSON answer is parsed from <see cref="Utf8Body"/> and never
    /// needs it; error messages and XML do. Bytes decoded as UTF-8 (both services send JSON), so that a proxy page
    /// with a bogus charset cannot throw.
    /// </summary>
    public string Body => _body ??= System.Text.Encoding.UTF8.GetString(Utf8Body.Span);

    /// <summary>The body for a JSON parser: <see cref="Utf8Body"/> without a UTF-8 byte-order mark, which the parser refuses.</summary>
    public ReadOnlyMemory<byte> Utf8Json => Utf8Body.Span.StartsWith("\uFEFF"u8) ? Utf8Body[3..] : Utf8Body;

    /// <summary>The request id from the response headers (<c>X-Request-Id</c>, else Cloudflare's <c>CF-Ray</c>), if any.</summary>
    public string? HeaderRequestId { get; init; }

    /// <summary>What to do when <see cref="OutcomeUnknown"/>: how to check whether the request took effect.</summary>
    public string? OutcomeUnknownHint { get; init; }

    /// <summary>The sentence an error message ends with when the outcome is unknown; empty otherwise.</summary>
    public string OutcomeUnknownText => OutcomeUnknown ? $" The outcome is unknown, so the SDK did not send it again: {OutcomeUnknownHint}." : string.Empty;

    public bool IsHttpSuccess => Status is >= 200 and < 300;

    /// <summary>
    /// True for a POST or PATCH answered 5xx or 408: such an answer may come from a proxy or a failing service after the
    /// resource was created (the call placed), so the outcome is unknown and the request must not be replayed blindly.
    /// </summary>
    public bool OutcomeUnknown =>
        (Operation.StartsWith("POST ", StringComparison.Ordinal) || Operation.StartsWith("PATCH ", StringComparison.Ordinal)) && Status is >= 500 or 408;

    /// <summary>True when the body is XML, whatever its content type says (a JSON body labelled text/xml is JSON).</summary>
    public bool LooksLikeXml => Utf8Body.Span.TrimStart(" \t\r\n\uFEFF"u8).StartsWith("<"u8);
}
