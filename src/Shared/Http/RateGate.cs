using System.Collections.Concurrent;

namespace VapiExotel.Shared.Http;

/// <summary>
/// A client-side rate limit: at most a number of requests in any window and a number in flight. A request counts from
/// the moment it is sent until one window after its answer arrived, which is never earlier than the service saw it,
/// so that the service's own sliding window can never count more than the limit. Callers over the limit wait.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "Gates live as long as the process; a SemaphoreSlim without a wait handle holds nothing to release.")]
internal sealed class RateGate
{
    // One gate per account and host for the whole process, because the service's limit is per account: clients built
    // separately (several DI containers, standalone clients) must share their budget. This is the SDK's only
    // process-wide state, like the shared connection pool; it holds limiters, never settings or secrets. A clock of
    // its own (a test's fake) gets a gate of its own.
    private static readonly ConcurrentDictionary<(string Scope, TimeProvider Time), RateGate> Shared = new();

#if NET9_0_OR_GREATER
    private readonly Lock _lock = new();
#else
    private readonly object _lock = new();
#endif
    private readonly Queue<long> _finished = new();   // timestamps of answered requests still inside the window
    private readonly SemaphoreSlim _concurrency;
    private readonly int _permitLimit;
    private readonly int _concurrencyLimit;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private int _inFlight;
    private TaskCompletionSource _changed = NewSignal();

    private RateGate(int permitLimit, TimeSpan window, int concurrencyLimit, TimeProvider time)
    {
        _permitLimit = permitLimit;
        _window = window;
        _time = time;
        _concurrencyLimit = concurrencyLimit;
        _concurrency = new SemaphoreSlim(concurrencyLimit, concurrencyLimit);
    }

    /// <summary>
    /// The gate shared by every client with the same <paramref name="scope"/> (account and host). The first client
    /// sets its limits; compare <see cref="Limits"/> to see whether yours were taken.
    /// </summary>
    public static RateGate For(string scope, int permitLimit, TimeSpan window, int concurrencyLimit, TimeProvider? time = null) =>
        Shared.GetOrAdd(
            (scope, time ?? TimeProvider.System),
            static (key, args) => new RateGate(args.permitLimit, args.window, args.concurrencyLimit, key.Time),
            (permitLimit, window, concurrencyLimit));

    /// <summary>The gate's limits.</summary>
    public (int PermitLimit, TimeSpan Window, int ConcurrencyLimit) Limits => (_permitLimit, _window, _concurrencyLimit);

    /// <summary>A gate of its own, not shared (tests).</summary>
    public static RateGate Create(int permitLimit, TimeSpan window, int concurrencyLimit, TimeProvider? time = null) =>
        new(permitLimit, window, concurrencyLimit, time ?? TimeProvider.System);

    /// <summary>Waits for a slot; dispose the lease when the answer has arrived (or the attempt failed).</summary>
    public async ValueTask<Lease> EnterAsync(CancellationToken cancellationToken)
    {
        await _concurrency.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                TimeSpan wait;
                Task changed;
                lock (_lock)
                {
                    var now = _time.GetTimestamp();
                    Prune(now);
                    if (_inFlight + _finished.Count < _permitLimit)
                    {
                        _inFlight++;
                        return new Lease(this);
                    }

                    // Full: the oldest answered request leaves the window first (rounded up to a whole millisecond, so
                    // that the wait never truncates to zero or to "infinite"); with none answered yet, wait for one.
                    wait = _finished.Count > 0
                        ? TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling((_window - _time.GetElapsedTime(_finished.Peek(), now)).TotalMilliseconds)))
                        : Timeout.InfiniteTimeSpan;
                    changed = _changed.Task;
                }

                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                await Task.WhenAny(Task.Delay(wait, _time, stop.Token), changed).ConfigureAwait(false);
                await stop.CancelAsync().ConfigureAwait(false);   // ends the timer of a delay that lost the race
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        catch
        {
            _concurrency.Release();
            throw;
        }
    }

    private void Exit(bool sent)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _inFlight--;
            if (sent)
            {
                _finished.Enqueue(_time.GetTimestamp());
            }

            changed = _changed;
            _changed = NewSignal();
        }

        _concurrency.Release();
        changed.TrySetResult();   // a waiter blocked on "all in flight" can now compute its wait
    }

    private void Prune(long now)
    {
        while (_finished.Count > 0 && _time.GetElapsedTime(_finished.Peek(), now) >= _window)
        {
            _finished.Dequeue();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A slot: disposing it after the request was sent counts it in the window; <see cref="ReleaseUnsent"/> does not.</summary>
    public sealed class Lease : IDisposable
    {
        private readonly RateGate _gate;
        private int _released;

        internal Lease(RateGate gate) => _gate = gate;

        /// <summary>Frees the slot and counts the request in the window (it reached the service, or may have).</summary>
        public void Dispose() => Release(sent: true);

        /// <summary>Frees the slot without counting: nothing reached the service (refused by the breaker, connection refused).</summary>
        public void ReleaseUnsent() => Release(sent: false);

        private void Release(bool sent)
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                _gate.Exit(sent);
            }
        }
    }
}
