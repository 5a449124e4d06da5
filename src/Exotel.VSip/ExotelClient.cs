using Exotel.VSip.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VapiExotel.Shared;
using VapiExotel.Shared.Http;

namespace Exotel.VSip;

/// <summary>
/// The client for one Exotel account: the vSIP trunk API (v2) and the Voice API (v1), grouped by resource. It is
/// immutable and thread-safe; create it once (or let <c>AddExotelVSip</c> do so) and share it. Every operation is
/// virtual, so that tests can replace it.
/// </summary>
public class ExotelClient
{
    /// <summary>The name of the <see cref="HttpClient"/> that <c>AddExotelVSip</c> registers.</summary>
    public const string HttpClientName = "Exotel.VSip";

    /// <summary>For mocking.</summary>
    protected ExotelClient()
    {
        Trunks = null!;
        DestinationUris = null!;
        PhoneNumbers = null!;
        WhitelistedIps = null!;
        Credentials = null!;
        Settings = null!;
        Calls = null!;
        AccountSid = string.Empty;
    }

    /// <summary>
    /// Creates a client without dependency injection, with its own connection pool and the timeouts of
    /// <see cref="ExotelClientOptions.Resilience"/>. Create one per account and reuse it.
    /// </summary>
    /// <param name="options">The account and settings; validated now.</param>
    /// <param name="loggerFactory">Where to log; nowhere by default.</param>
    /// <exception cref="ArgumentException">An option is missing or invalid; the message names it.</exception>
    public ExotelClient(ExotelClientOptions options, ILoggerFactory? loggerFactory = null)
        : this(CreateStandaloneHttpClient(Validated(options), loggerFactory), options, loggerFactory)
    {
    }

    /// <summary>
    /// Creates a client over an <see cref="HttpClient"/> you provide, used as it is: no SDK timeouts, retries, circuit
    /// breaker or rate limiter run unless your client's handlers provide them. Prefer <c>services.AddExotelVSip(…)</c>, or the
    /// constructor without an <see cref="HttpClient"/>, which add them.
    /// </summary>
    /// <param name="httpClient">The HTTP client; not disposed by this client.</param>
    /// <param name="options">The account and settings; validated now.</param>
    /// <param name="loggerFactory">Where to log; nowhere by default.</param>
    /// <exception cref="ArgumentException">An option is missing or invalid; the message names it.</exception>
    public ExotelClient(HttpClient httpClient, ExotelClientOptions options, ILoggerFactory? loggerFactory = null)
    {
        Guard.NotNull(httpClient, nameof(httpClient));
        var snapshot = Validated(options).Clone();
        var transport = new ExotelTransport(httpClient, snapshot, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ExotelClient>());
        AccountSid = snapshot.AccountSid;
        Trunks = new TrunksClient(transport);
        DestinationUris = new DestinationUrisClient(transport);
        PhoneNumbers = new PhoneNumberMappingsClient(transport);
        WhitelistedIps = new WhitelistedIpsClient(transport);
        Credentials = new TrunkCredentialsClient(transport);
        Settings = new TrunkSettingsClient(transport);
        Calls = new ExotelCallsClient(transport);
    }

    /// <summary>The account this client works on.</summary>
    public virtual string AccountSid { get; }

    /// <summary>vSIP trunks.</summary>
    public virtual TrunksClient Trunks { get; }

    /// <summary>A trunk's destination URIs: where inbound calls go.</summary>
    public virtual DestinationUrisClient DestinationUris { get; }

    /// <summary>Phone numbers (ExoPhones) mapped to trunks.</summary>
    public virtual PhoneNumberMappingsClient PhoneNumbers { get; }

    /// <summary>A trunk's IP allow-list.</summary>
    public virtual WhitelistedIpsClient WhitelistedIps { get; }

    /// <summary>A trunk's SIP digest credentials.</summary>
    public virtual TrunkCredentialsClient Credentials { get; }

    /// <summary>A trunk's settings, such as the outbound caller-ID alias.</summary>
    public virtual TrunkSettingsClient Settings { get; }

    /// <summary>Calls through the Voice API (v1).</summary>
    public virtual ExotelCallsClient Calls { get; }

    private static ExotelClientOptions Validated(ExotelClientOptions options)
    {
        Guard.NotNull(options, nameof(options));
        var failures = ExotelClientOptionsValidator.GetFailures(options).ToList();
        return failures.Count == 0 ? options : throw new ArgumentException(string.Join(" ", failures), nameof(options));
    }

    private static HttpClient CreateStandaloneHttpClient(ExotelClientOptions options, ILoggerFactory? loggerFactory) =>
        ClientPipeline.Create(
            options.Resilience, RateLimitScope(options), (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ExotelClient>()).CreateStandaloneClient();

    /// <summary>Who shares a rate limit: the host and the account.</summary>
    internal static string RateLimitScope(ExotelClientOptions options) => $"{options.GetEffectiveBaseAddress().GetLeftPart(UriPartial.Authority)}|{options.AccountSid}";
}
