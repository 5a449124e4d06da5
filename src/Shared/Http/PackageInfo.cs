// What differs between the two client packages that compile the shared HTTP code: their names, their option types
// and their log event ids. Everything else in Shared/Http is written once.
#if EXOTEL_VSIP
global using ResilienceOptions = Exotel.VSip.ExotelResilienceOptions;
#elif VAPI_CLIENT
global using ResilienceOptions = Vapi.Client.VapiResilienceOptions;
#endif

namespace VapiExotel.Shared.Http;

/// <summary>The compiling package's identity, for logs, traces, metrics and limiter keys.</summary>
internal static class PackageInfo
{
#if EXOTEL_VSIP
    /// <summary>The package (and ActivitySource and Meter) name.</summary>
    public const string Name = "Exotel.VSip";

    /// <summary>The service, as log lines and messages name it.</summary>
    public const string Service = "Exotel";

    /// <summary>The prefix of every instrument name.</summary>
    public const string MetricPrefix = "exotel.client.";

    /// <summary>The first event id of the shared HTTP log messages (the package's range is 1000–1999).</summary>
    public const int EventIdBase = 1000;

    /// <summary>Which rate limit a request counts against: Exotel limits the vSIP API (v2) and the Voice API (v1) separately.</summary>
    public static string RateLimitFamily(string pathTemplate) => pathTemplate.StartsWith("/v1/", StringComparison.Ordinal) ? "v1" : "v2";
#else
    /// <summary>The package (and ActivitySource and Meter) name.</summary>
    public const string Name = "Vapi.Client";

    /// <summary>The service, as log lines and messages name it.</summary>
    public const string Service = "Vapi";

    /// <summary>The prefix of every instrument name.</summary>
    public const string MetricPrefix = "vapi.client.";

    /// <summary>The first event id of the shared HTTP log messages (the package's range is 2000–2999).</summary>
    public const int EventIdBase = 2000;

    /// <summary>Which rate limit a request counts against: one per organisation.</summary>
    public static string RateLimitFamily(string pathTemplate) => "api";
#endif
}
