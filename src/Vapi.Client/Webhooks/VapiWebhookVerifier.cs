using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using VapiExotel.Shared;

namespace Vapi.Client;

/// <summary>The hash algorithm of an HMAC webhook credential.</summary>
public enum VapiHmacAlgorithm
{
    /// <summary>HMAC-SHA256, Vapi's default.</summary>
    Sha256 = 0,

    /// <summary>HMAC-SHA512.</summary>
    Sha512 = 1,

    /// <summary>HMAC-SHA1 (legacy).</summary>
    Sha1 = 2,
}

/// <summary>How an HMAC signature is encoded in its header.</summary>
public enum VapiSignatureEncoding
{
    /// <summary>Lower-case hexadecimal, Vapi's default (upper case is accepted too).</summary>
    Hex = 0,

    /// <summary>Base64.</summary>
    Base64 = 1,
}

/// <summary>The settings of an HMAC webhook credential (<c>type: "hmac"</c>); the defaults are Vapi's.</summary>
public sealed class VapiHmacOptions
{
    /// <summary>The shared secret. Required; never logged.</summary>
    public string SecretKey { get; set; } = string.Empty;

    /// <summary>True when <see cref="SecretKey"/> is base64 and its decoded bytes are the key. Default false (its UTF-8 bytes are the key).</summary>
    public bool SecretIsBase64 { get; set; }

    /// <summary>The hash algorithm. Default SHA-256.</summary>
    public VapiHmacAlgorithm Algorithm { get; set; } = VapiHmacAlgorithm.Sha256;

    /// <summary>The header holding the signature. Default <c>x-signature</c>.</summary>
    public string SignatureHeader { get; set; } = "x-signature";

    /// <summary>The header holding the timestamp. Default <c>x-timestamp</c>.</summary>
    public string TimestampHeader { get; set; } = "x-timestamp";

    /// <summary>A prefix before the signature, such as <c>sha256=</c>; stripped before comparing. Default none.</summary>
    public string? SignaturePrefix { get; set; }

    /// <summary>Whether the timestamp is signed and checked for age. Default true.</summary>
    public bool IncludeTimestamp { get; set; } = true;

    /// <summary>
    /// What is signed. Default <c>{timestamp}.{body}</c> (just <c>{body}</c> when <see cref="IncludeTimestamp"/> is false).
    /// Placeholders: <c>{body}</c> (the raw body), <c>{timestamp}</c>, <c>{method}</c>, <c>{url}</c>, <c>{svix-id}</c> (the <see cref="MessageIdHeader"/> value).
    /// </summary>
    public string? PayloadFormat { get; set; }

    /// <summary>The header holding a message id, for the <c>{svix-id}</c> placeholder.</summary>
    public string? MessageIdHeader { get; set; }

    /// <summary>How the signature is encoded. Default hex.</summary>
    public VapiSignatureEncoding SignatureEncoding { get; set; } = VapiSignatureEncoding.Hex;

    /// <summary>
    /// How old (or how far in the future) a timestamp may be. Default 5 minutes. Whether Vapi sends seconds or
    /// milliseconds is unconfirmed, so both are accepted.
    /// </summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Why a webhook failed verification.</summary>
public enum VapiWebhookFailure
{
    /// <summary>It did not fail.</summary>
    None = 0,

    /// <summary>The secret or signature header is missing.</summary>
    MissingHeader,

    /// <summary>The secret does not match.</summary>
    SecretMismatch,

    /// <summary>The signature is malformed or does not match the body.</summary>
    SignatureMismatch,

    /// <summary>The timestamp header is missing or not a time.</summary>
    InvalidTimestamp,

    /// <summary>The timestamp is older (or further in the future) than the tolerance: possibly a replay.</summary>
    StaleTimestamp,
}

/// <summary>The outcome of verifying a webhook.</summary>
/// <param name="Failure">Why it failed, or <see cref="VapiWebhookFailure.None"/>.</param>
/// <param name="Reason">A short, safe explanation (never a secret or a signature).</param>
public readonly record struct VapiWebhookVerification(VapiWebhookFailure Failure, string Reason)
{
    /// <summary>True when the webhook is authentic.</summary>
    public bool IsValid => Failure == VapiWebhookFailure.None;
}

/// <summary>
/// Verifies that a webhook came from Vapi, as its server credential says: a bearer token (or the legacy
/// <c>X-Vapi-Secret</c> header), or an HMAC signature over the raw body and a timestamp. Comparisons run in constant
/// time. Pure .NET: give it the headers and the raw body from any web framework, before parsing the body.
/// </summary>
public sealed class VapiWebhookVerifier
{
    private const string DefaultPayloadFormat = "{timestamp}.{body}";

    private readonly string? _tokenHeader;
    private readonly byte[]? _expectedTokenHash;
    private readonly bool _bearerPrefix;
    private readonly VapiHmacOptions? _hmac;
    private readonly byte[]? _hmacKey;
    private readonly TimeProvider _time;

    private VapiWebhookVerifier(string tokenHeader, string token, bool bearerPrefix)
    {
        _tokenHeader = tokenHeader;
        _expectedTokenHash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        _bearerPrefix = bearerPrefix;
        _time = TimeProvider.System;
    }

    private VapiWebhookVerifier(VapiHmacOptions options, byte[] key, TimeProvider time)
    {
        _hmac = options;
        _hmacKey = key;
        _time = time;
    }

    /// <summary>Verifies a bearer credential: <c>Authorization: Bearer &lt;token&gt;</c>, or the header and prefix you configured on it.</summary>
    /// <param name="token">The credential's token. Required; never logged.</param>
    /// <param name="headerName">The header Vapi puts it in. Default <c>Authorization</c>.</param>
    /// <param name="bearerPrefix">Whether the value starts with <c>Bearer </c>. Default true.</param>
    /// <exception cref="ArgumentException">The token or the header name is empty.</exception>
    public static VapiWebhookVerifier ForBearerToken(string token, string headerName = "Authorization", bool bearerPrefix = true)
    {
        Guard.NotEmpty(token, nameof(token));
        Guard.NotEmpty(headerName, nameof(headerName));
        return new VapiWebhookVerifier(headerName, token, bearerPrefix);
    }

    /// <summary>Verifies the legacy secret: the raw value of the <c>X-Vapi-Secret</c> header.</summary>
    /// <param name="secret">The secret. Required; never logged.</param>
    /// <exception cref="ArgumentException">The secret is empty.</exception>
    public static VapiWebhookVerifier ForSecretHeader(string secret) => ForBearerToken(secret, "X-Vapi-Secret", bearerPrefix: false);

    /// <summary>Verifies an HMAC signature.</summary>
    /// <param name="options">The credential's settings (copied now).</param>
    /// <param name="timeProvider">The clock the timestamp's age is measured with; the system clock by default.</param>
    /// <exception cref="ArgumentException">The secret is empty or not base64 when it should be, a header name is empty, or the tolerance is not positive.</exception>
    public static VapiWebhookVerifier ForHmac(VapiHmacOptions options, TimeProvider? timeProvider = null)
    {
        Guard.NotNull(options, nameof(options));
        Guard.NotEmpty(options.SecretKey, "options.SecretKey");
        Guard.NotEmpty(options.SignatureHeader, "options.SignatureHeader");
        if (!Enum.IsDefined(options.Algorithm))
        {
            throw new ArgumentException("options.Algorithm must be Sha256, Sha512 or Sha1.", "options.Algorithm");
        }

        if (!Enum.IsDefined(options.SignatureEncoding))
        {
            throw new ArgumentException("options.SignatureEncoding must be Hex or Base64.", "options.SignatureEncoding");
        }

        if (options.IncludeTimestamp)
        {
            Guard.NotEmpty(options.TimestampHeader, "options.TimestampHeader");
            if (options.Tolerance <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException("options.Tolerance", options.Tolerance, "options.Tolerance must be positive.");
            }
        }

        byte[] key;
        if (options.SecretIsBase64)
        {
            try
            {
                key = Convert.FromBase64String(options.SecretKey);
            }
            catch (FormatException ex)
            {
                throw new ArgumentException("options.SecretKey must be base64 when options.SecretIsBase64 is true.", "options.SecretKey", ex);
            }
        }
        else
        {
            key = Encoding.UTF8.GetBytes(options.SecretKey);
        }

        var copy = new VapiHmacOptions
        {
            SecretKey = string.Empty,   // the key bytes are kept instead
            Algorithm = options.Algorithm,
            SignatureHeader = options.SignatureHeader,
            TimestampHeader = options.TimestampHeader,
            SignaturePrefix = options.SignaturePrefix,
            IncludeTimestamp = options.IncludeTimestamp,
            PayloadFormat = options.PayloadFormat,
            MessageIdHeader = options.MessageIdHeader,
            SignatureEncoding = options.SignatureEncoding,
            Tolerance = options.Tolerance,
        };
        return new VapiWebhookVerifier(copy, key, timeProvider ?? TimeProvider.System);
    }

    /// <summary>Verifies a webhook from its headers (looked up case-insensitively) and its raw body.</summary>
    /// <param name="headers">The request's headers.</param>
    /// <param name="body">The raw body, exactly as received.</param>
    /// <param name="method">The request method, for a <c>{method}</c> placeholder.</param>
    /// <param name="url">The request URL, for a <c>{url}</c> placeholder.</param>
    /// <returns>Whether it is authentic, and if not, why.</returns>
    public VapiWebhookVerification Verify(IEnumerable<KeyValuePair<string, string>> headers, ReadOnlySpan<byte> body, string? method = null, string? url = null)
    {
        Guard.NotNull(headers, nameof(headers));
        var list = headers as IReadOnlyCollection<KeyValuePair<string, string>> ?? headers.ToList();
        return Verify(name => list.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value, body, method, url);
    }

    /// <summary>Verifies a webhook from a header lookup (such as <c>name =&gt; request.Headers[name]</c>) and its raw body.</summary>
    /// <param name="getHeader">Returns a header's value, or null when absent.</param>
    /// <param name="body">The raw body, exactly as received.</param>
    /// <param name="method">The request method, for a <c>{method}</c> placeholder.</param>
    /// <param name="url">The request URL, for a <c>{url}</c> placeholder.</param>
    /// <returns>Whether it is authentic, and if not, why.</returns>
    public VapiWebhookVerification Verify(Func<string, string?> getHeader, ReadOnlySpan<byte> body, string? method = null, string? url = null)
    {
        Guard.NotNull(getHeader, nameof(getHeader));
        return _hmac is null ? VerifyToken(getHeader) : VerifyHmac(getHeader, body, method, url);
    }

    private VapiWebhookVerification VerifyToken(Func<string, string?> getHeader)
    {
        var value = getHeader(_tokenHeader!);
        if (string.IsNullOrEmpty(value))
        {
            return Fail(VapiWebhookFailure.MissingHeader, $"the {_tokenHeader} header is missing");
        }

        if (_bearerPrefix)
        {
            const string prefix = "Bearer ";
            if (!value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return Fail(VapiWebhookFailure.SecretMismatch, $"the {_tokenHeader} header is not a bearer token");
            }

            value = value[prefix.Length..].Trim();
        }

        // Hashes of equal length, compared in constant time: neither the content nor the length of the token leaks.
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(value));
        return CryptographicOperations.FixedTimeEquals(actual, _expectedTokenHash)
            ? default(VapiWebhookVerification) with { Reason = "valid" }
            : Fail(VapiWebhookFailure.SecretMismatch, $"the {_tokenHeader} header does not match the secret");
    }

    private VapiWebhookVerification VerifyHmac(Func<string, string?> getHeader, ReadOnlySpan<byte> body, string? method, string? url)
    {
        var options = _hmac!;
        var signature = getHeader(options.SignatureHeader);
        if (string.IsNullOrWhiteSpace(signature))
        {
            return Fail(VapiWebhookFailure.MissingHeader, $"the {options.SignatureHeader} header is missing");
        }

        string? timestamp = null;
        if (options.IncludeTimestamp)
        {
            timestamp = getHeader(options.TimestampHeader)?.Trim();
            if (string.IsNullOrEmpty(timestamp) || ParseTimestamp(timestamp) is not { } sent)
            {
                return Fail(VapiWebhookFailure.InvalidTimestamp, $"the {options.TimestampHeader} header is missing or not a time");
            }

            var age = _time.GetUtcNow() - sent;
            if (age.Duration() > options.Tolerance)
            {
                var when = age >= TimeSpan.Zero ? $"{age.TotalSeconds:0} s old" : $"{-age.TotalSeconds:0} s ahead";
                return Fail(VapiWebhookFailure.StaleTimestamp, $"the timestamp is {when}, beyond the {options.Tolerance.TotalSeconds:0} s tolerance");
            }
        }

        var provided = Decode(Strip(signature.Trim(), options.SignaturePrefix), options.SignatureEncoding);
        if (provided is null)
        {
            return Fail(VapiWebhookFailure.SignatureMismatch, $"the {options.SignatureHeader} header is not a {options.SignatureEncoding} signature");
        }

        var payload = Payload(options, body, timestamp, method, url, options.MessageIdHeader is { } idHeader ? getHeader(idHeader) : null);
        var expected = options.Algorithm switch
        {
            VapiHmacAlgorithm.Sha512 => HMACSHA512.HashData(_hmacKey!, payload),
#pragma warning disable CA5350 // Vapi's HMAC credential offers SHA-1; verifying what the sender chose is not a design choice of ours.
            VapiHmacAlgorithm.Sha1 => HMACSHA1.HashData(_hmacKey!, payload),
#pragma warning restore CA5350
            _ => HMACSHA256.HashData(_hmacKey!, payload),
        };

        return CryptographicOperations.FixedTimeEquals(expected, provided)
            ? default(VapiWebhookVerification) with { Reason = "valid" }
            : Fail(VapiWebhookFailure.SignatureMismatch, "the signature does not match the body");
    }

    // The payload's text parts in UTF-8 around the body's bytes, untouched.
    private static byte[] Payload(VapiHmacOptions options, ReadOnlySpan<byte> body, string? timestamp, string? method, string? url, string? messageId)
    {
        var format = options.PayloadFormat ?? (options.IncludeTimestamp ? DefaultPayloadFormat : "{body}");
        using var buffer = new MemoryStream(body.Length + 64);
        var i = 0;
        while (i < format.Length)
        {
            var open = format.IndexOf('{', i);
            var close = open < 0 ? -1 : format.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                buffer.Write(Encoding.UTF8.GetBytes(format[i..]));
                break;
            }

            buffer.Write(Encoding.UTF8.GetBytes(format[i..open]));
            var name = format[(open + 1)..close];
            switch (name)
            {
                case "body":
                    buffer.Write(body);
                    break;
                case "timestamp":
                    buffer.Write(Encoding.UTF8.GetBytes(timestamp ?? string.Empty));
                    break;
                case "method":
                    buffer.Write(Encoding.UTF8.GetBytes(method ?? string.Empty));
                    break;
                case "url":
                    buffer.Write(Encoding.UTF8.GetBytes(url ?? string.Empty));
                    break;
                case "svix-id":
                    buffer.Write(Encoding.UTF8.GetBytes(messageId ?? string.Empty));
                    break;
                default:
                    buffer.Write(Encoding.UTF8.GetBytes(format[open..(close + 1)]));   // not a placeholder: literal text
                    break;
            }

            i = close + 1;
        }

        return buffer.ToArray();
    }

    private static string Strip(string value, string? prefix) =>
        !string.IsNullOrEmpty(prefix) && value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? value[prefix.Length..] : value;

    private static byte[]? Decode(string value, VapiSignatureEncoding encoding)
    {
        try
        {
            return encoding == VapiSignatureEncoding.Base64 ? Convert.FromBase64String(value) : Convert.FromHexString(value);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    // Unix seconds or milliseconds (the unit is unconfirmed; values beyond 1e11 can only be milliseconds), or an ISO date.
    private static DateTimeOffset? ParseTimestamp(string value)
    {
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) && number > 0)
        {
            var milliseconds = number > 1e11 ? number : number * 1000;
            return milliseconds < 253402300799999 ? DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds) : null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
    }

    private static VapiWebhookVerification Fail(VapiWebhookFailure failure, string reason) => new(failure, reason);
}
