namespace VapiExotel.Sandbox;

/// <summary>
/// The sandbox's time: every date it writes, every call's progress and Exotel's rate-limit window follow it. A manual
/// clock moves only when the test moves it (<see cref="VapiExotelSandbox.AdvanceTimeAsync"/>), so that nothing has to
/// sleep. It is deliberately not a <see cref="TimeProvider"/>: it has no timers, and timers handed a frozen clock would
/// never fire.
/// </summary>
public sealed class SandboxClock
{
    private readonly object _gate = new();
    private DateTimeOffset _now;

    internal SandboxClock(SandboxClockMode mode, DateTimeOffset? start)
    {
        Mode = mode;
        var now = DateTimeOffset.UtcNow;
        _now = start ?? new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    /// <summary>Whether the clock is manual or real.</summary>
    public SandboxClockMode Mode { get; }

    /// <summary>The sandbox's current time (UTC).</summary>
    public DateTimeOffset UtcNow
    {
        get
        {
            if (Mode == SandboxClockMode.RealTime)
            {
                return DateTimeOffset.UtcNow;
            }

            lock (_gate)
            {
                return _now;
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Mode} clock at {UtcNow:O}";

    internal void Advance(TimeSpan by)
    {
        if (Mode != SandboxClockMode.Manual)
        {
            throw new InvalidOperationException("The sandbox runs on real time; only a manual clock (SandboxClockMode.Manual) can be advanced.");
        }

        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "Time only moves forward.");
        }

        lock (_gate)
        {
            _now += by;
        }
    }
}
