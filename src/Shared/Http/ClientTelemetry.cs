using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace VapiExotel.Shared.Http;

/// <summary>
/// The package's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named after the package (<c>Exotel.VSip</c>,
/// <c>Vapi.Client</c>), so that <c>AddSource("Exotel.VSip")</c> and <c>AddMeter("Exotel.VSip")</c> pick them up.
/// Static, as the .NET guidance allows for a library without its own DI root: both are thread-safe and cost nothing
/// while nobody listens. Tags carry templates and statuses only, never ids, numbers or secrets.
/// </summary>
internal static class ClientTelemetry
{
    private static readonly string? Version =
        typeof(ClientTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0];

    public static readonly ActivitySource Source = new(PackageInfo.Name, Version);

    public static readonly Meter Meter = new(PackageInfo.Name, Version);

    /// <summary>Seconds from sending a request to reading its whole answer, across attempts.</summary>
    public static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        PackageInfo.MetricPrefix + "request.duration", "s", "Duration of " + PackageInfo.Service + " API requests, across attempts.");

    /// <summary>Requests by method, template and status (0 when no answer came).</summary>
    public static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        PackageInfo.MetricPrefix + "requests", "{request}", PackageInfo.Service + " API requests, by status.");

    /// <summary>Attempts sent again after a transient failure.</summary>
    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        PackageInfo.MetricPrefix + "retries", "{retry}", PackageInfo.Service + " API requests sent again after a transient failure.");

    /// <summary>Circuit breaker transitions, by state (open, half_open, closed).</summary>
    public static readonly Counter<long> CircuitBreakerTransitions = Meter.CreateCounter<long>(
        PackageInfo.MetricPrefix + "circuit_breaker.transitions", "{transition}", "Circuit breaker state changes.");

    /// <summary>Seconds a request waited for the client-side rate limiter.</summary>
    public static readonly Histogram<double> RateLimitWait = Meter.CreateHistogram<double>(
        PackageInfo.MetricPrefix + "rate_limit.wait", "s", "Time requests waited for the client-side rate limiter.");

    /// <summary>The low-cardinality tags of a request.</summary>
    public static TagList Tags(string method, string pathTemplate, Uri? address)
    {
        var tags = new TagList
        {
            { "http.request.method", method },
            { "url.template", pathTemplate },
        };
        if (address is not null)
        {
            tags.Add("server.address", address.Host);
            tags.Add("server.port", address.Port);
        }

        return tags;
    }
}
