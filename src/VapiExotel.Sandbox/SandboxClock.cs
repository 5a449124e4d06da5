namespace VapiExotel.Sandbox;

/// <summary>
/// The sandbox's time: every date it writes and every call's progress follow it. A manual clock moves only when
/// the test moves it (<see cref="VapiExotelSandbox.AdvanceTimeAsync"/>), so that nothing has to sleep.
/// </summary>
public sealed class SandboxClock : TimeProvider
{
    private readonly object _gate = new();
    private DateTimeOffset _now;

    internal SandboxClock(SandboxClockMode mode, DateTimeOffset? start)
    {
        Mode = mode;
        var now = System.GetUtcNow();
        _now = start ?? new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    /// <summary>Whether the clock is manual or real.</summary>
    public SandboxClockMode Mode { get; }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        if (Mode == SandboxClockMode.RealTime)
        {
            return System.GetUtcNow();
        }

        lock (_gate)
        {
            return _now;
        }
    }

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
