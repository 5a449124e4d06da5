// Compiled into each client package under that package's namespace and names (ExotelResilienceOptions,
// VapiResilienceOptions…), so that each has its own public types while the code is written once. Distinct names also
// let an application bind both packages' options in one assembly (the configuration binding generator keys on names).
#if EXOTEL_VSIP
using ThisResilienceOptions = Exotel.VSip.ExotelResilienceOptions;
using ThisRetryOptions = Exotel.VSip.ExotelRetryOptions;
using ThisCircuitBreakerOptions = Exotel.VSip.ExotelCircuitBreakerOptions;
using ThisRateLimitOptions = Exotel.VSip.ExotelRateLimitOptions;
#elif VAPI_CLIENT
using ThisResilienceOptions = Vapi.Client.VapiResilienceOptions;
using ThisRetryOptions = Vapi.Client.VapiRetryOptions;
using ThisCircuitBreakerOptions = Vapi.Client.VapiCircuitBreakerOptions;
using ThisRateLimitOptions = Vapi.Client.VapiRateLimitOptions;
#else
#error Define EXOTEL_VSIP or VAPI_CLIENT in the project that links this file.
#endif
using Polly;

#if EXOTEL_VSIP
namespace Exotel.VSip;
#else
namespace Vapi.Client;
#endif

/// <summary>
/// How the client survives a faulty network. The names and defaults are those of Microsoft's standard HTTP resilience
/// pipeline (<c>Microsoft.Extensions.Http.Resilience</c>), rebuilt on Polly.Core: a rate limiter, then a 30 second
/// total timeout, around 3 retries with exponential back-off and jitter, a circuit breaker, and a 10 second timeout
/// per attempt. Only requests that are safe to repeat are retried: GET, PUT and DELETE on a transient failure, a
/// POST only when the service cannot have processed it (429, or a connection refused before anything was sent).
/// </summary>
#if EXOTEL_VSIP
public sealed class ExotelResilienceOptions
#else
public sealed class VapiResilienceOptions
#endif
{
    /// <summary>
    /// Runs the timeouts, retries and circuit breaker. Default true. Set it to false to send each request once with
    /// no SDK timeout, for example when you add your own resilience handler to the <see cref="Microsoft.Extensions.DependencyInjection.IHttpClientBuilder"/>;
    /// the rate limiter (<see cref="RateLimit"/>) is switched separately.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The longest an operation may take end to end, across every attempt and retry delay. Default 30 seconds.</summary>
    public TimeSpan TotalRequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest one attempt (one HTTP exchange) may take. Default 10 seconds; at most <see cref="TotalRequestTimeout"/>.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Which failures are retried, how often and how long apart.</summary>
    public ThisRetryOptions Retry { get; set; } = new();

    /// <summary>When to stop sending for a while because the service keeps failing.</summary>
    public ThisCircuitBreakerOptions CircuitBreaker { get; set; } = new();

    /// <summary>The client-side limit on requests per window and in flight, shared by every client of the same account in the process.</summary>
    public ThisRateLimitOptions RateLimit { get; set; } = new();

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

        var parts = new[]
        {
            Retry?.Validate($"{prefix}.Retry") ?? [$"{prefix}.Retry is required."],
            CircuitBreaker?.Validate($"{prefix}.CircuitBreaker", AttemptTimeout) ?? [$"{prefix}.CircuitBreaker is required."],
            RateLimit?.Validate($"{prefix}.RateLimit") ?? [$"{prefix}.RateLimit is required."],
        };
        foreach (var failure in parts.SelectMany(p => p))
        {
            yield return failure;
        }
    }

    internal ThisResilienceOptions Clone()
    {
        var copy = (ThisResilienceOptions)MemberwiseClone();
        copy.Retry = (Retry ?? new()).Clone();
        copy.CircuitBreaker = (CircuitBreaker ?? new()).Clone();
        copy.RateLimit = (RateLimit ?? new()).Clone();
        return copy;
    }
}

/// <summary>
/// Retries of transient failures: 408, 429, 5xx, connection errors and attempt timeouts, for GET, PUT and DELETE.
/// A POST or PATCH is retried only on 429 or a connection refused before sending, because any other failure may
/// have come after the service acted on it. Defaults as Microsoft's standard pipeline: 3 retries, 2 s exponential
/// with jitter, <c>Retry-After</c> honoured.
/// </summary>
#if EXOTEL_VSIP
public sealed class ExotelRetryOptions
#else
public sealed class VapiRetryOptions
#endif
{
    /// <summary>How many times a request may be sent again after the first attempt. Default 3; 0 turns retries off.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The base delay between attempts. Default 2 seconds.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How the delay grows from one retry to the next. Default <see cref="DelayBackoffType.Exponential"/>.</summary>
    public DelayBackoffType BackoffType { get; set; } = DelayBackoffType.Exponential;

    /// <summary>Spreads delays randomly so that many clients do not retry in step. Default true.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>The longest delay between two attempts, or null for no cap. Default null.</summary>
    public TimeSpan? MaxDelay { get; set; }

    /// <summary>
    /// Waits as long as the service's <c>Retry-After</c> header asks, instead of the back-off. Default true. When the
    /// wait would outlast <see cref="ThisResilienceOptions.TotalRequestTimeout"/>, the request is not retried and the
    /// 429 is returned at once with its <c>RetryAfter</c>.
    /// </summary>
    public bool ShouldRetryAfterHeader { get; set; } = true;

    internal IEnumerable<string> Validate(string prefix)
    {
        if (MaxRetryAttempts is < 0 or > 100)
        {
            yield return $"{prefix}.MaxRetryAttempts must be between 0 and 100; got {MaxRetryAttempts}.";
        }

        if (Delay < TimeSpan.Zero || Delay > TimeSpan.FromDays(1))
        {
            yield return $"{prefix}.Delay must be between 0 and 1 day; got {Delay}.";
        }

        if (!Enum.IsDefined(BackoffType))
        {
            yield return $"{prefix}.BackoffType must be Constant, Linear or Exponential.";
        }

        if (MaxDelay is { } max && (max <= TimeSpan.Zero || max > TimeSpan.FromDays(1)))
        {
            yield return $"{prefix}.MaxDelay must be more than 0 and at most 1 day when set; got {max}.";
        }
    }

    internal ThisRetryOptions Clone() => (ThisRetryOptions)MemberwiseClone();
}

/// <summary>
/// The circuit breaker: when at least <see cref="FailureRatio"/> of the requests in <see cref="SamplingDuration"/>
/// fail transiently (and at least <see cref="MinimumThroughput"/> were sent), requests are refused without being sent
/// for <see cref="BreakDuration"/>; then one trial request decides whether it closes. Defaults as Microsoft's
/// standard pipeline. The breaker is shared by every client of the same registration.
/// </summary>
#if EXOTEL_VSIP
public sealed class ExotelCircuitBreakerOptions
#else
public sealed class VapiCircuitBreakerOptions
#endif
{
    /// <summary>Runs the circuit breaker. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The share of failed requests that opens the circuit. Default 0.1 (10 %).</summary>
    public double FailureRatio { get; set; } = 0.1;

    /// <summary>The fewest requests in the sampling window before the ratio counts. Default 100.</summary>
    public int MinimumThroughput { get; set; } = 100;

    /// <summary>The window the ratio is measured over. Default 30 seconds; at least twice the attempt timeout.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open before a trial request. Default 5 seconds.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    internal IEnumerable<string> Validate(string prefix, TimeSpan attemptTimeout)
    {
        if (FailureRatio is <= 0 or > 1 || double.IsNaN(FailureRatio))
        {
            yield return $"{prefix}.FailureRatio must be more than 0 and at most 1; got {FailureRatio}.";
        }

        if (MinimumThroughput < 2)
        {
            yield return $"{prefix}.MinimumThroughput must be at least 2; got {MinimumThroughput}.";
        }

        if (SamplingDuration < TimeSpan.FromMilliseconds(500) || SamplingDuration > TimeSpan.FromDays(1))
        {
            yield return $"{prefix}.SamplingDuration must be between 500 ms and 1 day; got {SamplingDuration}.";
        }
        else if (Enabled && SamplingDuration < 2 * attemptTimeout)
        {
            yield return $"{prefix}.SamplingDuration ({SamplingDuration}) must be at least twice the AttemptTimeout ({attemptTimeout}).";
        }

        if (BreakDuration < TimeSpan.FromMilliseconds(500) || BreakDuration > TimeSpan.FromDays(1))
        {
            yield return $"{prefix}.BreakDuration must be between 500 ms and 1 day; got {BreakDuration}.";
        }
    }

    internal ThisCircuitBreakerOptions Clone() => (ThisCircuitBreakerOptions)MemberwiseClone();
}

#if EXOTEL_VSIP
/// <summary>
/// The client-side rate limiter: at most <see cref="PermitLimit"/> requests in any <see cref="Window"/> and at most
/// <see cref="ConcurrencyLimit"/> in flight. A request over the limit waits for a slot (as long as the caller lets it)
/// rather than failing. Every client of the same account and host in the process shares one limiter, so that several
/// clients together stay under the service's limit.
/// </summary>
/// <remarks>On by default at Exotel's documented limits: 200 requests a minute and 50 concurrent connections, counted
/// separately for the vSIP API (v2) and the Voice API (v1), as Exotel counts them.</remarks>
public sealed class ExotelRateLimitOptions
#else
/// <summary>
/// The client-side rate limiter: at most <see cref="PermitLimit"/> requests in any <see cref="Window"/> and at most
/// <see cref="ConcurrencyLimit"/> in flight. A request over the limit waits for a slot (as long as the caller lets it)
/// rather than failing. Every client of the same account and host in the process shares one limiter, so that several
/// clients together stay under the service's limit.
/// </summary>
/// <remarks>Off by default: Vapi does not publish its limit (it is per organisation, shown in the dashboard).</remarks>
public sealed class VapiRateLimitOptions
#endif
{
#if EXOTEL_VSIP
    /// <summary>Runs the limiter. Default true.</summary>
    public bool Enabled { get; set; } = true;
#else
    /// <summary>Runs the limiter. Default false.</summary>
    public bool Enabled { get; set; }
#endif

    /// <summary>The most requests sent in any <see cref="Window"/>. Default 200.</summary>
    public int PermitLimit { get; set; } = 200;

    /// <summary>The window <see cref="PermitLimit"/> counts over. Default 1 minute.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The most requests in flight at once. Default 50.</summary>
    public int ConcurrencyLimit { get; set; } = 50;

    internal IEnumerable<string> Validate(string prefix)
    {
        if (PermitLimit is < 1 or > 1_000_000)
        {
            yield return $"{prefix}.PermitLimit must be between 1 and 1000000; got {PermitLimit}.";
        }

        if (Window < TimeSpan.FromMilliseconds(10) || Window > TimeSpan.FromDays(1))
        {
            yield return $"{prefix}.Window must be between 10 ms and 1 day; got {Window}.";
        }

        if (ConcurrencyLimit is < 1 or > 10_000)
        {
            yield return $"{prefix}.ConcurrencyLimit must be between 1 and 10000; got {ConcurrencyLimit}.";
        }
    }

    internal ThisRateLimitOptions Clone() => (ThisRateLimitOptions)MemberwiseClone();
}
