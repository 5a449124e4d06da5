using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Vapi.Client.Internal;
using VapiExotel.Shared;
using VapiExotel.Shared.Http;

namespace Vapi.Client;

/// <summary>
/// The client for one Vapi organisation, grouped by resource. It is immutable and thread-safe; create it once (or let
/// <c>AddVapiClient</c> do so) and share it. Every operation is virtual, so that tests can replace it.
/// </summary>
public class VapiClient
{
    /// <summary>The name of the <see cref="HttpClient"/> that <c>AddVapiClient</c> registers.</summary>
    public const string HttpClientName = "Vapi.Client";

    /// <summary>For mocking.</summary>
    protected VapiClient()
    {
        Credentials = null!;
        PhoneNumbers = null!;
        Calls = null!;
        Assistants = null!;
        SipDomain = string.Empty;
    }

    /// <summary>
    /// Creates a client without dependency injection, with its own connection pool and the timeouts of
    /// <see cref="VapiClientOptions.Resilience"/>. Create one per organisation and reuse it.
    /// </summary>
    /// <param name="options">The key and settings; validated now.</param>
    /// <param name="loggerFactory">Where to log; nowhere by default.</param>
    /// <exception cref="ArgumentException">An option is missing or invalid; the message names it.</exception>
    public VapiClient(VapiClientOptions options, ILoggerFactory? loggerFactory = null)
        : this(CreateStandaloneHttpClient(Validated(options), loggerFactory), options, loggerFactory)
    {
    }

    /// <summary>
    /// Creates a client over an <see cref="HttpClient"/> you provide, used as it is: no SDK timeouts, retries, circuit
    /// breaker or rate limiter run unless your client's handlers provide them. Prefer <c>services.AddVapiClient(…)</c>, or the
    /// constructor without an <see cref="HttpClient"/>, which add them.
    /// </summary>
    /// <param name="httpClient">The HTTP client; not disposed by this client.</param>
    /// <param name="options">The key and settings; validated now.</param>
    /// <param name="loggerFactory">Where to log; nowhere by default.</param>
    /// <exception cref="ArgumentException">An option is missing or invalid; the message names it.</exception>
    public VapiClient(HttpClient httpClient, VapiClientOptions options, ILoggerFactory? loggerFactory = null)
    {
        Guard.NotNull(httpClient, nameof(httpClient));
        var snapshot = Validated(options).Clone();
        var transport = new VapiTransport(httpClient, snapshot, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<VapiClient>());
        Region = snapshot.Region;
        SipDomain = snapshot.GetSipDomain();
        Credentials = new VapiCredentialsClient(transport);
        PhoneNumbers = new VapiPhoneNumbersClient(transport);
        Calls = new VapiCallsClient(transport);
        Assistants = new VapiAssistantsClient(transport);
    }

    /// <summary>The organisation's region.</summary>
    public virtual VapiRegion Region { get; }

    /// <summary>The region's SIP domain, <c>sip.vapi.ai</c> or <c>sip.eu.vapi.ai</c>: where carriers send inbound calls.</summary>
    public virtual string SipDomain { get; }

    /// <summary>Credentials, including BYO SIP trunks.</summary>
    public virtual VapiCredentialsClient Credentials { get; }

    /// <summary>Phone numbers: BYO numbers and free Vapi SIP numbers.</summary>
    public virtual VapiPhoneNumbersClient PhoneNumbers { get; }

    /// <summary>Calls.</summary>
    public virtual VapiCallsClient Calls { get; }

    /// <summary>Assistants (read-only).</summary>
    public virtual VapiAssistantsClient Assistants { get; }

    private static VapiClientOptions Validated(VapiClientOptions options)
    {
        Guard.NotNull(options, nameof(options));
        var failures = VapiClientOptionsValidator.GetFailures(options).ToList();
        return failures.Count == 0 ? options : throw new ArgumentException(string.Join(" ", failures), nameof(options));
    }

    private static HttpClient CreateStandaloneHttpClient(VapiClientOptions options, ILoggerFactory? loggerFactory) =>
        ClientPipeline.Create(
            options.Resilience, RateLimitScope(options), (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<VapiClient>()).CreateStandaloneClient();

    /// <summary>Who shares a rate limit: the host and the organisation (a fingerprint of its key, never the key).</summary>
    internal static string RateLimitScope(VapiClientOptions options) => $"{options.GetEffectiveBaseAddress().GetLeftPart(UriPartial.Authority)}|{KeyFingerprint(options.ApiKey)}";

    private static string KeyFingerprint(string apiKey) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(apiKey)).AsSpan(0, 8));
}
