using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using Exotel.VSip;
using Microsoft.Extensions.DependencyInjection;
using Vapi.Client;
using VapiExotel.Benchmarks.Overhead;

namespace VapiExotel.Benchmarks.Runs;

internal sealed record SteadySample(int Done, long ManagedBytes, long WorkingSetBytes, int Connections);

internal sealed record SteadyStateResult(string Mode, int Requests, TimeSpan Wall, IReadOnlyList<SteadySample> Samples, int ConnectionsAfter, int ServerRequests)
{
    public int MaxConnections => Samples.Max(s => s.Connections);

    public long ManagedGrowth => Samples[^1].ManagedBytes - Samples[0].ManagedBytes;

    public long WorkingSetGrowth => Samples[^1].WorkingSetBytes - Samples[0].WorkingSetBytes;
}

/// <summary>
/// Sequential SDK requests (alternately Exotel GET trunk and Vapi GET call) against the canned server, sampling the
/// managed heap after a full collection, the working set and the TCP connections open to the server's port.
/// Two ways to hold the clients: one standalone client each (<c>new ExotelClient(options)</c>), and a fresh typed
/// client resolved from DI for every request (<c>AddExotelVSip</c>, as a transient service gets it).
/// </summary>
internal static class SteadyState
{
    public static async Task<IReadOnlyList<SteadyStateResult>> RunAsync(int requests, CancellationToken cancellationToken = default)
    {
        var results = new List<SteadyStateResult>();
        await using (var server = await CannedServer.StartAsync())
        {
            var exotel = new ExotelClient(OverheadPairs.ExotelOptions(server.Address, limiter: false));
            var vapi = new VapiClient(OverheadPairs.VapiOptions(server.Address, limiter: false));
            results.Add(await MeasureAsync("one standalone client per service", server, requests, () => (exotel, vapi), cancellationToken));
        }

        // A server of its own, so that the standalone clients' pooled connections are not counted here.
        await using var diServer = await CannedServer.StartAsync();
        var services = new ServiceCollection();
        services.AddExotelVSip(o =>
        {
            var source = OverheadPairs.ExotelOptions(diServer.Address, limiter: false);
            (o.AccountSid, o.ApiKey, o.ApiToken, o.BaseAddress) = (source.AccountSid, source.ApiKey, source.ApiToken, source.BaseAddress);
            o.Resilience.RateLimit.Enabled = false;
        });
        services.AddVapiClient(o => (o.ApiKey, o.BaseAddress) = (CannedBodies.VapiApiKey, diServer.Address));
        await using var provider = services.BuildServiceProvider();
        results.Add(await MeasureAsync(
            "a typed client from DI per request", diServer, requests,
            () => (provider.GetRequiredService<ExotelClient>(), provider.GetRequiredService<VapiClient>()), cancellationToken));
        return results;
    }

    private static async Task<SteadyStateResult> MeasureAsync(
        string mode, CannedServer server, int requests, Func<(ExotelClient, VapiClient)> clients, CancellationToken cancellationToken)
    {
        async Task OneAsync(int i)
        {
            var (exotel, vapi) = clients();
            if (i % 2 == 0)
            {
                _ = await exotel.Trunks.GetAsync(CannedBodies.TrunkSid, cancellationToken) ?? throw new InvalidOperationException("no trunk");
            }
            else
            {
                _ = await vapi.Calls.GetAsync(CannedBodies.CallId, cancellationToken);
            }
        }

        // Warm-up: JIT, the connection pool, the first allocations of every cache.
        var warmUp = Math.Min(500, Math.Max(10, requests / 20));
        for (var i = 0; i < warmUp; i++)
        {
            await OneAsync(i);
        }

        var before = server.Requests;
        var every = Math.Max(1, requests / 20);
        var samples = new List<SteadySample> { Sample(0, server.Address.Port) };
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < requests; i++)
        {
            await OneAsync(i);
            if ((i + 1) % every == 0)
            {
                watch.Stop();
                samples.Add(Sample(i + 1, server.Address.Port));
                watch.Start();
            }
        }

        watch.Stop();
        return new SteadyStateResult(mode, requests, watch.Elapsed, samples, Connections(server.Address.Port), (int)(server.Requests - before));
    }

    private static SteadySample Sample(int done, int port)
    {
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return new SteadySample(done, managed, process.WorkingSet64, Connections(port));
    }

    /// <summary>Client-side TCP connections to the server's port (any state but closed/time-wait), from the OS table.</summary>
    public static int Connections(int port) =>
        IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpConnections()
            .Count(c => c.RemoteEndPoint.Port == port && IPAddress.IsLoopback(c.RemoteEndPoint.Address)
                        && c.State is not (TcpState.Closed or TcpState.TimeWait or TcpState.Closing));
}
