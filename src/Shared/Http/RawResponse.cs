
namespace VapiExotel.Shared.Http;

/// <summary>A response read to the end, with what is needed to judge it and to describe a failure safely.</summary>
internal sealed record RawResponse(int Status, string Body, string? MediaType, TimeSpan? RetryAfter, string Operation, SecretRedactor Redactor)
{
    public bool IsHttpSuccess => Status is >= 200 and < 300;

    /// <summary>True when the body is XML, whatever its content type says (a JSON body labelled text/xml is JSON).</summary>
    public bool LooksLikeXml => Body.AsSpan().TrimStart().StartsWith("<", StringComparison.Ordinal);
}
