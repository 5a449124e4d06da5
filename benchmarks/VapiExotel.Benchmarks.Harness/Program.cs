using System.Globalization;
using VapiExotel.Benchmarks.Overhead;
using VapiExotel.Benchmarks.Runs;

// vx-bench: the end-to-end measurements against the sandbox (setup latency, scale, steady state, start-up), a smoke
// pass for CI, and the canned server the BenchmarkDotNet project can use from another process.
namespace VapiExotel.Benchmarks;

internal static class Program
{
    private const string Usage = """
        vx-bench <command> [options]
          setup    [--latency-ms 100]           fresh setup and no-op rerun, concurrent and MaxConcurrency=1
          scale    [--numbers 10,50,200] [--quick]   provisioning under Exotel's rate limit (quick: 20 per 1 s)
          steady   [--requests 10000]           sequential requests: memory and sockets
          startup  [--runs 5] [--cli PATH] [--label NAME]   the tool's process start to first request
          all      [--numbers 10,50,200]        setup, scale, steady and startup, one after another
          smoke                                 every measurement once, small (CI)
          serve    [--port 0]                   the canned server, until Enter or Ctrl+C
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        var output = Console.Out;
        switch (args[0])
        {
            case "setup":
                Report.Setup(output, await SetupLatency.RunAsync(TimeSpan.FromMilliseconds(Int(args, "--latency-ms", 100))));
                return 0;
            case "scale":
                Report.Scale(output, await Scale.RunAsync(Numbers(args), args.Contains("--quick"), m => Console.Error.WriteLine(m)));
                return 0;
            case "steady":
                Report.Steady(output, await SteadyState.RunAsync(Int(args, "--requests", 10_000)));
                return 0;
            case "startup":
                Report.Startup(output, [await StartupAsync(args)]);
                return 0;
            case "all":
                Report.Setup(output, await SetupLatency.RunAsync(TimeSpan.FromMilliseconds(100)));
                Report.Scale(output, await Scale.RunAsync(Numbers(args), quick: false, m => Console.Error.WriteLine(m)));
                Report.Steady(output, await SteadyState.RunAsync(10_000));
                Report.Startup(output, [await StartupAsync(args)]);
                return 0;
            case "smoke":
                var smoke = await Smoke.RunAsync(output);
                output.WriteLine($"Smoke pass in {smoke.Elapsed.TotalSeconds:0.0} s.");
                return smoke.OverheadMismatches.Count == 0 && smoke.Setup.Fresh.Succeeded && smoke.Scale.All(s => s.Run.Succeeded && s.Run.TooManyRequests == 0) ? 0 : 1;
            case "serve":
                await using (var server = await CannedServer.StartAsync(Int(args, "--port", 0)))
                {
                    Console.WriteLine(server.Address);
                    await Task.Run(Console.ReadLine);
                }

                return 0;
            default:
                Console.Error.WriteLine($"Unknown command '{args[0]}'.");
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }

    private static Task<StartupResult> StartupAsync(string[] args)
    {
        var cli = Option(args, "--cli") ?? Path.Combine(RepoRoot(), "samples", "VapiExotel.Cli", "bin", "Release", "net10.0", "vapi-exotel");
        return Startup.RunAsync(Option(args, "--label") ?? "JIT (Release build, apphost)", Path.GetFullPath(cli), Int(args, "--runs", 5));
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VapiExotel.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Int(string[] args, string name, int fallback) =>
        Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static int[] Numbers(string[] args) =>
        (Option(args, "--numbers") ?? "10,50,200").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();
}
