using System.Diagnostics;
using Exotel.VSip;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vapi.Client;
using VapiExotel.Integration;
using VapiExotel.Sandbox;

namespace VapiExotel.Benchmarks.Runs;

/// <summary>One measured setup run: what it sent, how long it took, how deep its critical path was.</summary>
internal sealed record SetupMeasurement(
    string Name, bool Succeeded, int Requests, int Writes, int ExotelRequests, int VapiRequests, int TooManyRequests, TimeSpan Wall, int CriticalPath)
{
    /// <summary>Each attempt as the client saw it: start and end in milliseconds from the first, method and path.</summary>
    public IReadOnlyList<string> Trace { get; init; } = [];

    public double RequestsPerNumber(int numbers) => (double)Requests / numbers;
}

/// <summary>The integration as an application registers it (<c>AddVapiExotel</c>), pointed at a sandbox, with a request timeline.</summary>
internal sealed class SandboxSetup : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SandboxSetup(VapiExotelSandbox sandbox, ServiceProvider services, RequestTimeline timeline)
    {
        Sandbox = sandbox;
        _services = services;
        Timeline = timeline;
    }

    public VapiExotelSandbox Sandbox { get; }

    public RequestTimeline Timeline { get; }

    public static async Task<SandboxSetup> StartAsync(
        VapiExotelSandboxOptions options, TimeSpan latency, int numbers = 1, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var sandbox = await VapiExotelSandbox.StartAsync(options);
        if (latency > TimeSpan.Zero)
        {
            sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.Latency(latency) });   // no Api, Method or Path: every request
        }

        var configuration = new Dictionary<string, string?>(sandbox.ConfigurationFor(includeNumber: numbers == 1), StringComparer.OrdinalIgnoreCase);
        if (numbers != 1)
        {
            var assistant = (string?)sandbox.Vapi.Assistants[0]["id"];
            for (var i = 0; i < numbers; i++)
            {
                configuration[$"VapiExotel:Numbers:{i}:PhoneNumber"] = Number(i);
                configuration[$"VapiExotel:Numbers:{i}:AssistantId"] = assistant;
            }
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var timeline = new RequestTimeline();
        var services = new ServiceCollection();
        services.AddVapiExotel(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        services.AddHttpClient(ExotelClient.HttpClientName).AddHttpMessageHandler(timeline.CreateHandler);
        services.AddHttpClient(VapiClient.HttpClientName).AddHttpMessageHandler(timeline.CreateHandler);
        return new SandboxSetup(sandbox, services.BuildServiceProvider(), timeline);
    }

    /// <summary>A distinct Indian number per index: +91 804 followed by seven digits.</summary>
    public static string Number(int index) => $"+91804{index:D7}";

    /// <summary>Runs a full setup (both directions) and measures it from this sandbox's request log.</summary>
    public async Task<SetupMeasurement> MeasureSetupAsync(string name, CancellationToken cancellationToken = default)
    {
        Sandbox.ClearRequests();
        Timeline.Clear();
        var integrator = _services.GetRequiredService<IVapiExotelIntegrator>();
        var watch = Stopwatch.StartNew();
        var report = await integrator.SetupAsync(SetupScope.All, cancellationToken);
        watch.Stop();
        var requests = Sandbox.Requests;
        return new SetupMeasurement(
            name,
            report.Succeeded,
            requests.Count,
            requests.Count(r => r.Method is not ("GET" or "HEAD")),
            requests.Count(r => r.Api == SandboxApi.Exotel),
            requests.Count(r => r.Api == SandboxApi.Vapi),
            requests.Count(r => r.Status == 429),
            watch.Elapsed,
            Timeline.CriticalPathDepth())
        {
            Trace = TraceOf(Timeline.Entries),
        };
    }

    private static List<string> TraceOf(IReadOnlyList<RequestTimeline.Entry> entries)
    {
        if (entries.Count == 0)
        {
            return [];
        }

        var origin = entries.Min(e => e.Start);
        return entries.OrderBy(e => e.Start).Select(e => string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{Stopwatch.GetElapsedTime(origin, e.Start).TotalMilliseconds,6:0} → {Stopwatch.GetElapsedTime(origin, e.End).TotalMilliseconds,6:0} ms  {e.Method,-6} {e.Path}")).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
