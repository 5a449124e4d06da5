namespace VapiExotel.Integration;

/// <summary>How <see cref="CallMonitor"/> follows a call: pushes first, polling when they stop.</summary>
public sealed class CallMonitorOptions
{
    /// <summary>Whether to poll at all (true by default). Without polling, only pushes and cancellation move the stream on.</summary>
    public bool Poll { get; set; } = true;

    /// <summary>After a push, how long a side may stay silent before polling resumes (15 seconds by default).</summary>
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The first wait between two polls (2 seconds by default); the first poll is immediate.</summary>
    public TimeSpan InitialPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between two polls (30 seconds by default); the wait doubles up to it.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    internal CallMonitorOptions Checked()
    {
        if (QuietPeriod <= TimeSpan.Zero || InitialPollInterval <= TimeSpan.Zero || MaxPollInterval < InitialPollInterval
            || MaxPollInterval > TimeSpan.FromDays(1) || QuietPeriod > TimeSpan.FromDays(1))
        {
            throw new ArgumentException("CallMonitorOptions: QuietPeriod and InitialPollInterval must be positive, MaxPollInterval at least InitialPollInterval, and neither above a day.", "options");
        }

        return new CallMonitorOptions { Poll = Poll, QuietPeriod = QuietPeriod, InitialPollInterval = InitialPollInterval, MaxPollInterval = MaxPollInterval };
    }
}
