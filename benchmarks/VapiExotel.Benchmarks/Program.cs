using BenchmarkDotNet.Running;
using VapiExotel.Benchmarks.Overhead;

namespace VapiExotel.Benchmarks;

/// <summary>
/// Runs the BenchmarkDotNet benchmarks. The canned server runs here, in the host process, and the benchmark processes
/// BenchmarkDotNet starts reach it through <see cref="CannedServer.AddressVariable"/>: the server's own work and
/// allocations stay out of the measured process.
/// </summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        await using var server = await CannedServer.StartAsync();
        Environment.SetEnvironmentVariable(CannedServer.AddressVariable, server.Address.ToString());
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchConfig.Create());
    }
}
