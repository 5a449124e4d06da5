using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;

namespace VapiExotel.Shared.Http;

/// <summary>
/// The one <see cref="DelegatingHandler"/> that both client packages put first in their handler chain. It waits for
/// the client-side rate limiter, then runs the client's <see cref="ClientPipeline"/> (total timeout, retry, circuit
/// breaker, attempt timeout) around the rest of the chain, so that everything after it (the network, any handler a
/// user adds) runs once per attempt.
/// </summary>
internal sealed class ResilienceHandler(ClientPipeline client) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var info = RequestInfo.For(request);
        info.Tracked = true;

        // The first slot is awaited outside every timeout: a request waits for the rate limit rather than failing.
        var lease = await client.EnterGateAsync(request, info, cancellationToken).ConfigureAwait(false);
        if (client.Pipeline is not { } pipeline)
        {
            return await AttemptWithLeaseAsync(request, info, lease, cancellationToken).ConfigureAwait(false);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ClientPipeline.RequestKey, request);
        context.Properties.Set(ClientPipeline.FirstLeaseKey, new LeaseSlot(lease));
        context.Properties.Set(ClientPipeline.StartedKey, client.Time.GetTimestamp());
        context.Properties.Set(ClientPipeline.ClientKey, client);
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    try
                    {
                        return Outcome.FromResult(await state.Handler.SendAttemptAsync(state.Request, state.Info, ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context,
                (Handler: this, Request: request, Info: info)).ConfigureAwait(false);

            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            context.Properties.GetValue(ClientPipeline.FirstLeaseKey, null!)?.Take()?.ReleaseUnsent();   // the pipeline refused before any attempt
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>One attempt holding <paramref name="lease"/>: released unsent when provably nothing reached the service.</summary>
    private async Task<HttpResponseMessage> AttemptWithLeaseAsync(HttpRequestMessage request, RequestInfo info, RateGate.Lease? lease, CancellationToken cancellationToken)
    {
        try
        {
            var response = await SendAttemptAsync(request, info, cancellationToken).ConfigureAwait(false);
            lease?.Dispose();
            return response;
        }
        catch (HttpRequestException ex) when (RetryRules.IsNotSent(ex))
        {
            lease?.ReleaseUnsent();
            throw;
        }
        catch
        {
            lease?.Dispose();
            throw;
        }
    }

    private async Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, RequestInfo info, CancellationToken cancellationToken)
    {
        if (++info.Attempts > 1)
        {
            // The same message goes out again: HttpClient's tracing would keep the first attempt's trace context.
            request.Headers.Remove("traceparent");
            request.Headers.Remove("tracestate");
        }

        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            info.MayHaveBeenProcessed |= response.StatusCode != System.Net.HttpStatusCode.TooManyRequests;
            await BufferContentAsync(response, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch (Exception ex)
        {
            info.MayHaveBeenProcessed |= !(ex is HttpRequestException h && RetryRules.IsNotSent(h));
            throw;
        }
    }

    /// <summary>
    /// Reads the body within the attempt, so that a server that sends headers and then stalls is cut off by the
    /// timeouts rather than hanging the caller (HttpClient would otherwise read it after the handlers returned).
    /// </summary>
    private static async Task BufferContentAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
#if NET9_0_OR_GREATER
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);   // in place: no second copy
#else
            // .NET 8 cannot cancel LoadIntoBufferAsync: read with the token into content of our own.
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var buffered = new ByteArrayContent(bytes);
            foreach (var header in response.Content.Headers)
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content.Dispose();
            response.Content = buffered;
#endif
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}

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
