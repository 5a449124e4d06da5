using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;

namespace VapiExotel.Shared.Http;

/// <summary>Holds the rate-limit lease taken before the pipeline ran, for the first attempt to use.</summary>
internal sealed class LeaseSlot(RateGate.Lease? lease)
{
    private RateGate.Lease? _lease = lease;

    public RateGate.Lease? Take() => Interlocked.Exchange(ref _lease, null);
}

/// <summary>
/// A client's resilience: its Polly pipeline (null when switched off), its rate gates, its logger and its clock. One
/// per client registration (or standalone client), so that the circuit breaker's state outlives handler rotation.
/// </summary>
internal sealed class ClientPipeline
{
    public static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("VapiExotel.Request");
    public static readonly ResiliencePropertyKey<LeaseSlot> FirstLeaseKey = new("VapiExotel.FirstLease");
    public static readonly ResiliencePropertyKey<long> StartedKey = new("VapiExotel.Started");
    public static readonly ResiliencePropertyKey<ClientPipeline> ClientKey = new("VapiExotel.Client");

    private readonly Func<string, RateGate>? _gateFor;
    private readonly CircuitBreakerStateProvider? _breaker;

    private ClientPipeline(ResilienceOptions options, string limiterScope, ILogger logger, TimeProvider time)
    {
        Logger = logger;
        Time = time;
        var limit = options.RateLimit;
        if (limit.Enabled)
        {
            _gateFor = family =>
            {
                var gate = RateGate.For($"{PackageInfo.Name}|{limiterScope}|{family}", limit.PermitLimit, limit.Window, limit.ConcurrencyLimit, time);
                if (gate.Limits != (limit.PermitLimit, limit.Window, limit.ConcurrencyLimit))
                {
                    var (permits, window, concurrency) = gate.Limits;
                    HttpLog.RateLimitShared(logger, family, permits, window.TotalSeconds, concurrency);
                }

                return gate;
            };
        }

        if (options.Enabled)
        {
            _breaker = options.CircuitBreaker.Enabled ? new CircuitBreakerStateProvider() : null;
            Pipeline = Build(options, _breaker, logger, time);
        }
    }

    public ResiliencePipeline<HttpResponseMessage>? Pipeline { get; }

    public ILogger Logger { get; }

    public TimeProvider Time { get; }

    /// <summary>
    /// Builds a client's pipeline from its options, nested as Microsoft's standard pipeline (rate limit, total timeout,
    /// retry, circuit breaker, attempt timeout), with the retry rules of <see cref="RetryRules"/>.
    /// </summary>
    /// <param name="options">The resilience options (already validated).</param>
    /// <param name="limiterScope">Who shares the rate limit: the account and host, never a secret.</param>
    /// <param name="logger">Where retries, breaker changes and rate-limit waits are logged.</param>
    /// <param name="time">The clock of delays and timeouts; the system clock when null.</param>
    public static ClientPipeline Create(ResilienceOptions options, string limiterScope, ILogger logger, TimeProvider? time = null) =>
        new(options.Clone(), limiterScope, logger, time ?? TimeProvider.System);   // a snapshot: later changes to the options do not half-apply

    /// <summary>
    /// Waits for a rate-limit slot for one attempt; null when the limiter is off, or while the circuit is open (the
    /// breaker will refuse the request without sending it, so it must neither wait nor take a slot).
    /// </summary>
    public async ValueTask<RateGate.Lease?> EnterGateAsync(HttpRequestMessage request, RequestInfo info, CancellationToken cancellationToken)
    {
        if (_gateFor is null || _breaker?.CircuitState is CircuitState.Open or CircuitState.Isolated)
        {
            return null;
        }

        var gate = _gateFor(PackageInfo.RateLimitFamily(info.PathTemplate));
        var started = Time.GetTimestamp();
        var lease = await gate.EnterAsync(cancellationToken).ConfigureAwait(false);
        var waited = Time.GetElapsedTime(started);
        if (waited >= TimeSpan.FromMilliseconds(1))
        {
            try
            {
                ClientTelemetry.RateLimitWait.Record(waited.TotalSeconds, ClientTelemetry.Tags(request.Method.Method, info.PathTemplate, request.RequestUri));
                HttpLog.RateLimited(Logger, request.Method.Method, info.PathTemplate, waited.TotalMilliseconds);
            }
            catch
            {
                lease.ReleaseUnsent();   // a throwing logger must not leak the slot
                throw;
            }
        }

        return lease;
    }

    private static ResiliencePipeline<HttpResponseMessage> Build(ResilienceOptions options, CircuitBreakerStateProvider? breakerState, ILogger logger, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddTimeout(new Polly.Timeout.TimeoutStrategyOptions { Name = "TotalRequestTimeout", Timeout = options.TotalRequestTimeout });

        var retry = options.Retry;
        if (retry.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new Polly.Retry.RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "Retry",
                MaxRetryAttempts = retry.MaxRetryAttempts,
                Delay = retry.Delay,
                BackoffType = retry.BackoffType,
                UseJitter = retry.UseJitter,
                MaxDelay = retry.MaxDelay,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Context, args.Outcome, options, logger, time)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(retry.ShouldRetryAfterHeader ? RetryRules.RetryAfter(args.Outcome.Result, time) : null),
                OnRetry = args =>
                {
                    var request = args.Context.Properties.GetValue(RequestKey, null!);
                    var info = RequestInfo.For(request);
                    var result = Describe(args.Outcome);
                    ClientTelemetry.Retries.Add(1, ClientTelemetry.Tags(request.Method.Method, info.PathTemplate, request.RequestUri));
                    HttpLog.Retrying(logger, request.Method.Method, info.PathTemplate, args.AttemptNumber + 1, result, args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });

            // Every attempt after the first takes its own rate-limit slot, inside the total timeout but outside the
            // attempt timeout, so that waiting for a slot is never mistaken for a request that got no answer.
            builder.AddStrategy(_ => new GateStrategy());
        }

        var breaker = options.CircuitBreaker;
        if (breaker.Enabled)
        {
            builder.AddCircuitBreaker(new Polly.CircuitBreaker.CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                Name = "CircuitBreaker",
                FailureRatio = breaker.FailureRatio,
                MinimumThroughput = breaker.MinimumThroughput,
                SamplingDuration = breaker.SamplingDuration,
                BreakDuration = breaker.BreakDuration,
                StateProvider = breakerState,
                ShouldHandle = args => new ValueTask<bool>(RetryRules.IsTransient(args.Outcome)),
                OnOpened = args =>
                {
                    var result = Describe(args.Outcome);
                    ClientTelemetry.CircuitBreakerTransitions.Add(1, new KeyValuePair<string, object?>("state", "open"));
                    HttpLog.CircuitOpened(logger, result, args.BreakDuration.TotalSeconds);
                    return default;
                },
                OnHalfOpened = _ =>
                {
                    ClientTelemetry.CircuitBreakerTransitions.Add(1, new KeyValuePair<string, object?>("state", "half_open"));
                    HttpLog.CircuitHalfOpened(logger);
                    return default;
                },
                OnClosed = _ =>
                {
                    ClientTelemetry.CircuitBreakerTransitions.Add(1, new KeyValuePair<string, object?>("state", "closed"));
                    HttpLog.CircuitClosed(logger);
                    return default;
                },
            });
        }

        return builder
            .AddTimeout(new Polly.Timeout.TimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = options.AttemptTimeout })
            .Build();
    }

    private static bool ShouldRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome, ResilienceOptions options, ILogger logger, TimeProvider time)
    {
        if (context.CancellationToken.IsCancellationRequested || !RetryRules.IsTransient(outcome))
        {
            return false;
        }

        var request = context.Properties.GetValue(RequestKey, null!);
        var info = RequestInfo.For(request);
        var why = RetryRules.WhyNotRetried(request.Method, info, outcome);
        if (why is null && options.Retry.ShouldRetryAfterHeader && RetryRules.RetryAfter(outcome.Result, time) is { } wait)
        {
            // Retrying sooner than the service asked would only earn another 429.
            if (time.GetElapsedTime(context.Properties.GetValue(StartedKey, 0L)) + wait >= options.TotalRequestTimeout)
            {
                why = $"Retry-After ({wait.TotalSeconds:0.###} s) outlasts the total request timeout";
            }
            else if (options.Retry.MaxDelay is { } max && wait > max)
            {
                why = $"Retry-After ({wait.TotalSeconds:0.###} s) exceeds Retry.MaxDelay";
            }
        }

        if (why is not null)
        {
            var result = Describe(outcome);
            HttpLog.NotRetried(logger, request.Method.Method, info.PathTemplate, result, why);
        }

        return why is null;
    }

    /// <summary>A status or an exception type: never a message, which could quote a URL or a body.</summary>
    internal static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response ? $"HTTP {(int)response.StatusCode}" : outcome.Exception?.GetType().Name ?? "nothing";

    /// <summary>Takes a rate-limit slot per attempt: the first attempt's was taken before the pipeline ran.</summary>
    private sealed class GateStrategy : ResilienceStrategy<HttpResponseMessage>
    {
        protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
            Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
        {
            var lease = context.Properties.GetValue(FirstLeaseKey, null!)?.Take();
            if (lease is null && context.Properties.TryGetValue(ClientKey, out var client))
            {
                var request = context.Properties.GetValue(RequestKey, null!);
                try
                {
                    lease = await client.EnterGateAsync(request, RequestInfo.For(request), context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
                }
                catch (OperationCanceledException ex)
                {
                    return Outcome.FromException<HttpResponseMessage>(ex);
                }
            }

            var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
            if (RetryRules.ProvablyNotProcessed(outcome) && outcome.Result is null)
            {
                lease?.ReleaseUnsent();   // refused by the breaker, or a connection refused: nothing reached the service
            }
            else
            {
                lease?.Dispose();
            }

            return outcome;
        }
    }

    // One connection pool for every client built without DI, so that a client per tenant costs no sockets of its
    // own and nothing needs disposing. Connections rotate so that DNS changes are seen, as IHttpClientFactory does.
    private static readonly Lazy<SocketsHttpHandler> SharedConnections = new(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) });

    /// <summary>An <see cref="HttpClient"/> whose requests go through this pipeline over the shared connection pool, for use without DI.</summary>
    public HttpClient CreateStandaloneClient() =>
        new(new ResilienceHandler(this) { InnerHandler = SharedConnections.Value }, disposeHandler: false)
        {
            Timeout = Timeout.InfiniteTimeSpan,   // the pipeline owns every timeout
        };
}
