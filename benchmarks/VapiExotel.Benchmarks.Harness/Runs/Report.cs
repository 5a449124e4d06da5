using System.Globalization;

namespace VapiExotel.Benchmarks.Runs;

/// <summary>Writes each run's results as Markdown tables, ready for docs/benchmarks.md.</summary>
internal static class Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Setup(TextWriter o, SetupLatencyResult r)
    {
        var ms = r.Latency.TotalMilliseconds;
        var freshTarget = (r.Latency * 6) + TimeSpan.FromMilliseconds(100);
        var noOpTarget = (r.Latency * 3) + TimeSpan.FromMilliseconds(100);
        o.WriteLine(F($"### Setup latency ({ms:0} ms added to every request)"));
        o.WriteLine();
        o.WriteLine("| Run | Requests | Writes | Exotel / Vapi | Critical path (round trips) | Wall time | Wall / latency | Strictly sequential (requests × latency) |");
        o.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var run in new[] { r.Fresh, r.NoOp, r.SequentialFresh, r.SequentialNoOp }.Distinct())
        {
            o.WriteLine(F($"| {run.Name}{(run.Succeeded ? string.Empty : " (FAILED)")} | {run.Requests} | {run.Writes} | {run.ExotelRequests} / {run.VapiRequests} | {run.CriticalPath} | {run.Wall.TotalSeconds:0.000} s | {run.Wall / r.Latency:0.0} | {r.StrictlySequential(run).TotalSeconds:0.0} s |"));
        }

        o.WriteLine();
        o.WriteLine(F($"- Fresh setup: {Verdict(r.Fresh.Wall, freshTarget)} (target ≤ 6 round trips, {freshTarget.TotalSeconds:0.00} s); critical path {r.Fresh.CriticalPath} round trips."));
        o.WriteLine(F($"- No-op rerun: {Verdict(r.NoOp.Wall, noOpTarget)} (target ≤ 3 round trips, {noOpTarget.TotalSeconds:0.00} s); critical path {r.NoOp.CriticalPath} round trips, {r.NoOp.Writes} writes."));
        o.WriteLine();
        foreach (var run in new[] { r.Fresh, r.NoOp })
        {
            o.WriteLine(F($"Requests of the {run.Name}, as the client sent them (start → end):"));
            o.WriteLine();
            o.WriteLine("```");
            foreach (var line in run.Trace)
            {
                o.WriteLine(line);
            }

            o.WriteLine("```");
            o.WriteLine();
        }
    }

    public static void Scale(TextWriter o, IReadOnlyList<ScaleResult> results)
    {
        if (results.Count == 0)
        {
            return;
        }

        var first = results[0];
        o.WriteLine(F($"### Scale (the sandbox enforcing {first.PermitLimit} Exotel requests per {Window(first.Window)}, the SDK's limiter at the same limit)"));
        o.WriteLine();
        o.WriteLine("| Numbers | Requests | Per number | Exotel / Vapi | 429s | Wall time | Floor of the limit | Wall / floor | Succeeded |");
        o.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var s in results)
        {
            var ratio = s.Floor > TimeSpan.Zero ? (s.Run.Wall / s.Floor).ToString("0.00", Invariant) : "–";
            o.WriteLine(F($"| {s.Numbers} | {s.Run.Requests} | {s.Run.RequestsPerNumber(s.Numbers):0.00} | {s.Run.ExotelRequests} / {s.Run.VapiRequests} | {s.Run.TooManyRequests} | {s.Run.Wall.TotalSeconds:0.000} s | {s.Floor.TotalSeconds:0} s | {ratio} | {(s.Run.Succeeded ? "yes" : "NO")} |"));
        }

        o.WriteLine();
    }

    public static void Steady(TextWriter o, IReadOnlyList<SteadyStateResult> results)
    {
        o.WriteLine("### Steady state (sequential GETs, alternately Exotel trunk and Vapi call, against the canned server)");
        o.WriteLine();
        o.WriteLine("| Clients | Requests | Wall time | Per request | Managed heap after GC, first → last sample | Working set, first → last | TCP connections to the server (max during / after) |");
        o.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var s in results)
        {
            o.WriteLine(F($"| {s.Mode} | {s.Requests} | {s.Wall.TotalSeconds:0.00} s | {s.Wall.TotalMicroseconds / s.Requests:0} µs | {Mb(s.Samples[0].ManagedBytes)} → {Mb(s.Samples[^1].ManagedBytes)} ({Signed(s.ManagedGrowth)}) | {Mb(s.Samples[0].WorkingSetBytes)} → {Mb(s.Samples[^1].WorkingSetBytes)} ({Signed(s.WorkingSetGrowth)}) | {s.MaxConnections} / {s.ConnectionsAfter} |"));
        }

        o.WriteLine();
        foreach (var s in results)
        {
            o.WriteLine(F($"- {s.Mode}, managed heap by sample: {string.Join(", ", s.Samples.Select(x => (x.ManagedBytes / 1024.0).ToString("0", Invariant)))} KiB"));
        }

        o.WriteLine();
    }

    public static void Startup(TextWriter o, IReadOnlyList<StartupResult> results)
    {
        o.WriteLine("### Start-up (process start to the sandbox's first request)");
        o.WriteLine();
        o.WriteLine("| Build | Command | Runs | Median to first request | Fastest | Median to exit | Exit codes |");
        o.WriteLine("|---|---|---:|---:|---:|---:|---|");
        foreach (var s in results)
        {
            o.WriteLine(F($"| {s.Label} | `{s.Command}` | {s.Runs.Count} | {s.MedianToFirstRequest.TotalMilliseconds:0} ms | {s.MinToFirstRequest.TotalMilliseconds:0} ms | {s.MedianToExit.TotalMilliseconds:0} ms | {string.Join(",", s.Runs.Select(r => r.ExitCode).Distinct())} |"));
        }

        o.WriteLine();
    }

    private static string Verdict(TimeSpan actual, TimeSpan target) =>
        actual <= target
            ? F($"**met**, {actual.TotalSeconds:0.000} s")
            : F($"**missed** by {(actual - target).TotalMilliseconds:0} ms ({actual / target:0.00}× the target), {actual.TotalSeconds:0.000} s");

    private static string Window(TimeSpan window) => window >= TimeSpan.FromMinutes(1) ? F($"{window.TotalMinutes:0} min") : F($"{window.TotalSeconds:0.#} s");

    private static string Mb(long bytes) => F($"{bytes / 1048576.0:0.00} MiB");

    private static string Signed(long bytes) => F($"{(bytes >= 0 ? "+" : "−")}{Math.Abs(bytes) / 1024.0:0} KiB");

    private static string F(FormattableString s) => s.ToString(Invariant);
}
