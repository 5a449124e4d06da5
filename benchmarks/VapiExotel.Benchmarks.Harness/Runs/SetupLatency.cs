using VapiExotel.Sandbox;

namespace VapiExotel.Benchmarks.Runs;

internal sealed record SetupLatencyResult(
    TimeSpan Latency, SetupMeasurement Fresh, SetupMeasurement NoOp, SetupMeasurement SequentialFresh, SetupMeasurement SequentialNoOp)
{
    /// <summary>The same requests sent strictly one after another: each costs one latency.</summary>
    public TimeSpan StrictlySequential(SetupMeasurement run) => Latency * run.Requests;
}

/// <summary>
/// Setup latency: every sandbox request delayed by <c>latency</c> (real time), a fresh full setup of one number and a
/// no-op rerun through <c>AddVapiExotel</c>, then the same with <c>MaxConcurrency = 1</c>.
/// </summary>
internal static class SetupLatency
{
    public static async Task<SetupLatencyResult> RunAsync(TimeSpan latency, bool sequential = true, CancellationToken cancellationToken = default)
    {
        // Warm-up (JIT, DI, connection set-up code paths) on a throwaway sandbox, so that the first measured run is not a cold start.
        await using (var warm = await SandboxSetup.StartAsync(Options(), TimeSpan.Zero))
        {
            await warm.MeasureSetupAsync("warm-up", cancellationToken);
        }

        SetupMeasurement fresh, noOp;
        await using (var run = await SandboxSetup.StartAsync(Options(), latency))
        {
            fresh = await run.MeasureSetupAsync("fresh setup (MaxConcurrency 8, the default)", cancellationToken);
            noOp = await run.MeasureSetupAsync("no-op rerun (MaxConcurrency 8)", cancellationToken);
        }

        if (!sequential)
        {
            return new SetupLatencyResult(latency, fresh, noOp, fresh, noOp);
        }

        await using var one = await SandboxSetup.StartAsync(Options(), latency, settings: new Dictionary<string, string?> { ["VapiExotel:MaxConcurrency"] = "1" });
        var seqFresh = await one.MeasureSetupAsync("fresh setup (MaxConcurrency 1)", cancellationToken);
        var seqNoOp = await one.MeasureSetupAsync("no-op rerun (MaxConcurrency 1)", cancellationToken);
        return new SetupLatencyResult(latency, fresh, noOp, seqFresh, seqNoOp);
    }

    private static VapiExotelSandboxOptions Options() => new() { ClockMode = SandboxClockMode.RealTime };
}
