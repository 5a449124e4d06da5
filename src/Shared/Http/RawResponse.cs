
namespace VapiExotel.Shared.Http;

/// <summary>A response read to the end, with what is needed to judge it and to describe a failure safely.</summary>
internal sealed record RawResponse(int Status, string Body, string? MediaType, TimeSpan? RetryAfter, string Operation, SecretRedactor Redactor)
{
    /// <summary>The request id from the response headers (<c>X-Request-Id</c>, else Cloudflare's <c>CF-Ray</c>), if any.</summary>
    public string? HeaderRequestId { get; init; }

    /// <summary>What to do when <see cref="PostOutcomeUnknown"/>: how to check whether the request took effect.</summary>
    public string? OutcomeUnknownHint { get; init; }

    /// <summary>The sentence an error message ends with when the outcome is unknown; empty otherwise.</summary>
    public string OutcomeUnknownText => PostOutcomeUnknown ? $" The outcome is unknown, so the SDK did not send it again: {OutcomeUnknownHint}." : string.Empty;

    public bool IsHttpSuccess => Status is >= 200 and < 300;

    /// <summary>
    /// True for a POST or PATCH answered 5xx or 408: such an answer may come from a proxy or a failing service after the
    /// resource was created (the call placed), so the outcome is unknown and the request must not be replayed blindly.
    /// </summary>
    public bool PostOutcomeUnknown =>
        (Operation.StartsWith("POST ", StringComparison.Ordinal) || Operation.StartsWith("PATCH ", StringComparison.Ordinal)) && Status is >= 500 or 408;

    /// <summary>True when the body is XML, whatever its content type says (a JSON body labelled text/xml is JSON).</summary>
    public bool LooksLikeXml => Body.AsSpan().TrimStart().StartsWith("<", StringComparison.Ordinal);
}
