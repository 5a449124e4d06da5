using VapiExotel.Shared.Http;

namespace Exotel.VSip.Internal;

/// <summary>A response read to the end, with what is needed to judge it and to describe a failure safely.</summary>
internal sealed record RawResponse(int Status, string Body, string? MediaType, TimeSpan? RetryAfter, string Operation, SecretRedactor Redactor)
{
    public bool IsHttpSuccess => Status is >= 200 and < 300;

    public bool LooksLikeXml => Body.AsSpan().TrimStart().StartsWith("<", StringComparison.Ordinal)
                                || (MediaType?.Contains("xml", StringComparison.OrdinalIgnoreCase) ?? false);
}
