namespace VapiExotel.Tests.Shared;

/// <summary>
/// A clock that moves only when <see cref="Advance"/> is called (Microsoft.Extensions.TimeProvider.Testing is not
/// available). Its timers (what <c>Task.Delay(…, timeProvider)</c>, timed cancellation and Polly's strategies use) fire
/// on the thread that advances the clock, in due order, each seeing the clock at its own due time.
/// </summary>
internal sealed class ManualTimeProvider : TimeProvider
{
#if NET9_0_OR_GREATER
    private readonly Lock _gate = new();
#else
    private readonly object _gate = new();
#endif
    private readonly List<ManualTimer> _timers = [];
    private readonly DateTimeOffset _start;
    private long _elapsedTicks;

    /// <param name="start">The wall-clock reading at the start; 2026-01-23 10:00:00 UTC when null.</param>
    public ManualTimeProvider(DateTimeOffset? start = null) => _start = start ?? new DateTimeOffset(2026, 1, 23, 10, 0, 0, TimeSpan.Zero);

    /// <summary>How far the clock has been advanced since it started.</summary>
    public TimeSpan Elapsed
    {
        get
        {
            lock (_gate)
            {
                return TimeSpan.FromTicks(_elapsedTicks);
            }
        }
    }

    /// <summary>How long from now each scheduled timer is due, soonest first (timers fired for good or disposed are gone).</summary>
    public IReadOnlyList<TimeSpan> PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return [.. _timers.Select(t => TimeSpan.FromTicks(t.DueAtTicks - _elapsedTicks)).Order()];
            }
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _start.AddTicks(_elapsedTicks);
        }
    }

    public override long GetTimestamp()
    {
        lock (_gate)
        {
            return _elapsedTicks;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way, in order.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        long target;
        lock (_gate)
        {
            target = _elapsedTicks + by.Ticks;
        }

        while (true)
        {
            ManualTimer? due;
            lock (_gate)
            {
                due = _timers.Where(t => t.DueAtTicks <= target).MinBy(t => t.DueAtTicks);
                if (due is null)
                {
                    _elapsedTicks = Math.Max(_elapsedTicks, target);
                    return;
                }

                _elapsedTicks = Math.Max(_elapsedTicks, due.DueAtTicks);
                if (due.PeriodTicks > 0)
                {
                    due.DueAtTicks += due.PeriodTicks;
                }
                else
                {
                    _timers.Remove(due);
                }
            }

            due.Fire();   // outside the lock: the callback may read the clock or create timers
        }
    }

    /// <summary>Waits (in real time, polling) until a timer due exactly <paramref name="dueIn"/> from now is scheduled.</summary>
    public async Task WaitForTimerAsync(TimeSpan dueIn, TimeSpan? timeout = null)
    {
        var giveUp = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (!PendingTimers.Contains(dueIn))
        {
            if (DateTime.UtcNow > giveUp)
            {
                throw new TimeoutException($"No timer due in {dueIn} was scheduled; pending: [{string.Join(", ", PendingTimers)}].");
            }

            await Task.Delay(5);
        }
    }

    private bool Schedule(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        var fireNow = false;
        lock (_gate)
        {
            _timers.Remove(timer);
            if (timer.Disposed || dueTime == Timeout.InfiniteTimeSpan)
            {
                return !timer.Disposed;
            }

            ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
            timer.PeriodTicks = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? 0 : period.Ticks;
            if (dueTime == TimeSpan.Zero && timer.PeriodTicks == 0)
            {
                fireNow = true;   // as a real timer: at once, on another thread
            }
            else
            {
                timer.DueAtTicks = _elapsedTicks + dueTime.Ticks;
                _timers.Add(timer);
            }
        }

        if (fireNow)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static t => t.Fire(), timer, preferLocal: false);
        }

        return true;
    }

    private void Remove(ManualTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private volatile bool _disposed;

        public long DueAtTicks { get; set; }

        public long PeriodTicks { get; set; }

        public bool Disposed => _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period) => owner.Schedule(this, dueTime, period);

        public void Fire()
        {
            if (!_disposed)
            {
                callback(state);
            }
        }

        public void Dispose()
        {
            _disposed = true;
            owner.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
