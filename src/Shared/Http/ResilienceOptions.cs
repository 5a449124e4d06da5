// Compiled into each client package under that package's namespace and name (ExotelResilienceOptions,
// VapiResilienceOptions), so that each has its own public type while the code is written once. Distinct names also
// let an application bind both packages' options in one assembly (the configuration binding generator keys on names).
#if EXOTEL_VSIP
using ThisResilienceOptions = Exotel.VSip.ExotelResilienceOptions;

namespace Exotel.VSip;
#elif VAPI_CLIENT
using ThisResilienceOptions = Vapi.Client.VapiResilienceOptions;

namespace Vapi.Client;
#else
#error Define EXOTEL_VSIP or VAPI_CLIENT in the project that links this file.
#endif

/// <summary>
/// How the client bounds the time a request may take. The names and defaults follow Microsoft's standard HTTP
/// resilience pipeline (<c>Microsoft.Extensions.Http.Resilience</c>): a 30 second total per operation and a 10 second
/// limit per attempt.
/// </summary>
#if EXOTEL_VSIP
public sealed class ExotelResilienceOptions
#else
public sealed class VapiResilienceOptions
#endif
{
    /// <summary>The longest an operation may take end to end, across every attempt. Default 30 seconds.</summary>
    public TimeSpan TotalRequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest one attempt (one HTTP exchange) may take. Default 10 seconds; at most <see cref="TotalRequestTimeout"/>.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    // Polly's TimeoutStrategyOptions accept 10 ms to 24 h; outside that the first request would fail.
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(24);

    internal IEnumerable<string> Validate(string prefix)
    {
        if (TotalRequestTimeout < MinTimeout || TotalRequestTimeout > MaxTimeout)
        {
            yield return $"{prefix}.TotalRequestTimeout must be between 10 ms and 24 h; got {TotalRequestTimeout}.";
        }

        if (AttemptTimeout < MinTimeout || AttemptTimeout > MaxTimeout)
        {
            yield return $"{prefix}.AttemptTimeout must be between 10 ms and 24 h; got {AttemptTimeout}.";
        }
        else if (AttemptTimeout > TotalRequestTimeout && TotalRequestTimeout >= MinTimeout)
        {
            yield return $"{prefix}.AttemptTimeout ({AttemptTimeout}) must not exceed {prefix}.TotalRequestTimeout ({TotalRequestTimeout}).";
        }
    }

    internal ThisResilienceOptions Clone() => (ThisResilienceOptions)MemberwiseClone();
}
