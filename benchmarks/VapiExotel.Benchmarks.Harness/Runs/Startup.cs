using System.Diagnostics;
using Exotel.VSip;
using VapiExotel.Sandbox;

namespace VapiExotel.Benchmarks.Runs;

internal sealed record StartupRun(TimeSpan ToFirstRequest, TimeSpan ToExit, int ExitCode, int Requests);

internal sealed record StartupResult(string Label, string Command, IReadOnlyList<StartupRun> Runs)
{
    public TimeSpan MedianToFirstRequest => Median(Runs.Select(r => r.ToFirstRequest));

    public TimeSpan MedianToExit => Median(Runs.Select(r => r.ToExit));

    public TimeSpan MinToFirstRequest => Runs.Min(r => r.ToFirstRequest);

    private static TimeSpan Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>
/// The command-line tool's start-up: the time from <see cref="Process.Start()"/> to the first request the sandbox
/// receives (both on the system clock), for <c>vapi-exotel call show SID</c> pointed at a real-time sandbox through
/// <c>VapiExotel__…</c> environment variables, so that the tool sends exactly one request.
/// </summary>
internal static class Startup
{
    public static async Task<StartupResult> RunAsync(string label, string executable, int runs, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException($"The tool is not built at {executable}; build it first (dotnet build samples/VapiExotel.Cli -c Release) or pass --cli.", executable);
        }

        await using var sandbox = await VapiExotelSandbox.StartAsync(new VapiExotelSandboxOptions { ClockMode = SandboxClockMode.RealTime });
        var options = sandbox.Options;
        var exotel = new ExotelClient(new ExotelClientOptions
        {
            AccountSid = options.ExotelAccountSid, ApiKey = options.ExotelApiKey, ApiToken = options.ExotelApiToken, BaseAddress = sandbox.ExotelBaseAddress,
        });
        var call = await exotel.Calls.ConnectAsync(new ConnectCallRequest("+919876543210", "+919123456789", options.ExoPhones[0]), cancellationToken);
        var work = Directory.CreateTempSubdirectory("vx-startup-");
        var results = new List<StartupRun>();
        try
        {
            for (var i = 0; i < runs + 1; i++)
            {
                var run = await OnceAsync(sandbox, executable, call.Sid, work.FullName, cancellationToken);
                if (i > 0)
                {
                    results.Add(run);   // the first run warms the OS file cache and is not counted
                }
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }

        return new StartupResult(label, $"{Path.GetFileName(executable)} call show <sid>", results);
    }

    private static async Task<StartupRun> OnceAsync(VapiExotelSandbox sandbox, string executable, string sid, string workingDirectory, CancellationToken cancellationToken)
    {
        sandbox.ClearRequests();
        var start = new ProcessStartInfo(executable)
        {
            ArgumentList = { "call", "show", sid },
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory,
        };

        // Only the sandbox's settings: none of the caller's own credentials or legacy variables.
        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("VapiExotel", StringComparison.OrdinalIgnoreCase) || name.StartsWith("EXO_", StringComparison.Ordinal)
                || name.StartsWith("VAPI_", StringComparison.Ordinal) || name is "PHONE_NUMBER" or "EXOTEL_TRUNK_SID")
            {
                start.Environment.Remove(name);
            }
        }

        foreach (var (key, value) in sandbox.ConfigurationFor())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var started = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("the tool did not start");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var exited = watch.Elapsed;
        await Task.WhenAll(output, error);
        var requests = sandbox.Requests;
        if (requests.Count == 0)
        {
            throw new InvalidOperationException($"The tool sent no request (exit {process.ExitCode}): {(await error).Trim()}");
        }

        return new StartupRun(requests[0].ReceivedAt - started, exited, process.ExitCode, requests.Count);
    }
}
