using System.Diagnostics;
using VapiExotel.Benchmarks.Overhead;

namespace VapiExotel.Benchmarks.Runs;

internal sealed record SmokeResult(
    IReadOnlyList<string> OverheadMismatches,
    SetupLatencyResult Setup,
    IReadOnlyList<SteadyStateResult> Steady,
    IReadOnlyList<ScaleResult> Scale,
    TimeSpan Elapsed);

/// <summary>
/// The short pass CI runs (through the benchmark tests, or <c>vx-bench smoke</c>): every measurement once, small,
/// so that the harness keeps working and its facts stay true. It times nothing worth publishing.
/// </summary>
internal static class Smoke
{
    public static async Task<SmokeResult> RunAsync(TextWriter output, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        IReadOnlyList<string> mismatches;
        await using (var server = await CannedServer.StartAsync())
        {
            mismatches = await new OverheadPairs(server.Address).VerifyAsync(cancellationToken);
        }

        output.WriteLine(mismatches.Count == 0 ? "Overhead pairs: the SDK and the bare client read the same values." : "Overhead pairs DIFFER: " + string.Join("; ", mismatches));
        output.WriteLine();

        var setup = await SetupLatency.RunAsync(TimeSpan.FromMilliseconds(50), sequential: false, cancellationToken);
        Report.Setup(output, setup);
        var steady = await SteadyState.RunAsync(200, cancellationToken);
        Report.Steady(output, steady);
        var scale = await Scale.RunAsync([10], quick: true, cancellationToken: cancellationToken);
        Report.Scale(output, scale);
        return new SmokeResult(mismatches, setup, steady, scale, watch.Elapsed);
    }
}
