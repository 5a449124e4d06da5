using System.Globalization;
using VapiExotel.Sandbox;

namespace VapiExotel.Benchmarks.Runs;

internal sealed record ScaleResult(int Numbers, int PermitLimit, TimeSpan Window, SetupMeasurement Run)
{
    /// <summary>
    /// The least time Exotel's rolling limit allows for the run's Exotel requests: request k + limit cannot go before
    /// request k has left the window, so E requests need at least floor((E − 1) / limit) whole windows.
    /// </summary>
    public TimeSpan Floor => Window * ((Math.Max(1, Run.ExotelRequests) - 1) / PermitLimit);
}

/// <summary>
/// Provisioning many numbers with the sandbox enforcing Exotel's limit (429 beyond it) on real time, and the SDK's
/// own limiter at the same limit (its default: 200 a minute). <c>quick</c> scales the window down to one second at
/// 20 requests, for a smoke pass that still meets the limit.
/// </summary>
internal static class Scale
{
    public static async Task<IReadOnlyList<ScaleResult>> RunAsync(IReadOnlyList<int> counts, bool quick, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var (limit, window) = quick ? (20, TimeSpan.FromSeconds(1)) : (200, TimeSpan.FromMinutes(1));
        var results = new List<ScaleResult>();
        foreach (var count in counts)
        {
            var options = new VapiExotelSandboxOptions
            {
                ClockMode = SandboxClockMode.RealTime,
                EnforceExotelRateLimit = true,
                ExotelRequestsPerMinute = limit,
                ExotelRateLimitWindow = window,
            };
            var settings = new Dictionary<string, string?>
            {
                ["VapiExotel:Exotel:Resilience:RateLimit:PermitLimit"] = limit.ToString(CultureInfo.InvariantCulture),
                ["VapiExotel:Exotel:Resilience:RateLimit:Window"] = window.ToString("c", CultureInfo.InvariantCulture),
            };
            progress?.Invoke($"scale: {count} numbers, limit {limit} per {window.TotalSeconds:0.#} s …");
            await using var run = await SandboxSetup.StartAsync(options, TimeSpan.Zero, count, settings);
            var measured = await run.MeasureSetupAsync($"{count} numbers", cancellationToken);
            results.Add(new ScaleResult(count, limit, window, measured));
            progress?.Invoke($"scale: {count} numbers: {measured.Requests} requests ({measured.ExotelRequests} Exotel), {measured.Wall.TotalSeconds:0.0} s, {measured.TooManyRequests} × 429, succeeded {measured.Succeeded}");
        }

        return results;
    }
}
