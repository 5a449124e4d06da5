using BenchmarkDotNet.Attributes;
using Exotel.VSip;
using Vapi.Client;
using VapiExotel.Benchmarks.Overhead;

namespace VapiExotel.Benchmarks;

/// <summary>
/// Per-request overhead: a typical read and write of each service, made by hand (the baseline), through the SDK
/// (defaults, Exotel's rate limiter off) and through the SDK with the rate limiter on at a limit never reached,
/// against the same canned loopback server.
/// </summary>
[CategoriesColumn]
public class RequestOverheadBenchmarks
{
    private const string GetTrunk = "Exotel GET trunk";
    private const string MapNumber = "Exotel POST phone-number";
    private const string GetCall = "Vapi GET call";
    private const string CreateCall = "Vapi POST call";

    private CannedServer? _ownServer;
    private OverheadPairs _pairs = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var address = Environment.GetEnvironmentVariable(CannedServer.AddressVariable);
        if (address is null)
        {
            _ownServer = await CannedServer.StartAsync();   // run without the host (in-process toolchain, tests)
        }

        _pairs = new OverheadPairs(_ownServer?.Address ?? new Uri(address!));
        var problems = await _pairs.VerifyAsync();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The SDK and the bare client disagree: " + string.Join("; ", problems));
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_ownServer is not null)
        {
            await _ownServer.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true, Description = "bare HttpClient + STJ")]
    [BenchmarkCategory(GetTrunk)]
    public Task<BareTrunk?> BareGetTrunk() => _pairs.Bare.GetTrunkAsync(CannedBodies.TrunkSid);

    [Benchmark(Description = "SDK")]
    [BenchmarkCategory(GetTrunk)]
    public Task<ExotelTrunk?> SdkGetTrunk() => _pairs.Exotel.Trunks.GetAsync(CannedBodies.TrunkSid);

    [Benchmark(Description = "SDK + rate limiter")]
    [BenchmarkCategory(GetTrunk)]
    public Task<ExotelTrunk?> SdkLimitedGetTrunk() => _pairs.ExotelLimited.Trunks.GetAsync(CannedBodies.TrunkSid);

    [Benchmark(Baseline = true, Description = "bare HttpClient + STJ")]
    [BenchmarkCategory(MapNumber)]
    public Task<BareMapping> BareMapNumber() => _pairs.Bare.MapNumberAsync(CannedBodies.TrunkSid, CannedBodies.Number);

    [Benchmark(Description = "SDK")]
    [BenchmarkCategory(MapNumber)]
    public Task<ExotelPhoneNumberMapping> SdkMapNumber() => _pairs.Exotel.PhoneNumbers.MapAsync(CannedBodies.TrunkSid, CannedBodies.Number, PhoneNumberMode.Pstn);

    [Benchmark(Description = "SDK + rate limiter")]
    [BenchmarkCategory(MapNumber)]
    public Task<ExotelPhoneNumberMapping> SdkLimitedMapNumber() => _pairs.ExotelLimited.PhoneNumbers.MapAsync(CannedBodies.TrunkSid, CannedBodies.Number, PhoneNumberMode.Pstn);

    [Benchmark(Baseline = true, Description = "bare HttpClient + STJ")]
    [BenchmarkCategory(GetCall)]
    public Task<BareCall> BareGetCall() => _pairs.Bare.GetCallAsync(CannedBodies.CallId);

    [Benchmark(Description = "SDK")]
    [BenchmarkCategory(GetCall)]
    public Task<VapiCall> SdkGetCall() => _pairs.Vapi.Calls.GetAsync(CannedBodies.CallId);

    [Benchmark(Description = "SDK + rate limiter")]
    [BenchmarkCategory(GetCall)]
    public Task<VapiCall> SdkLimitedGetCall() => _pairs.VapiLimited.Calls.GetAsync(CannedBodies.CallId);

    [Benchmark(Baseline = true, Description = "bare HttpClient + STJ")]
    [BenchmarkCategory(CreateCall)]
    public Task<BareCall> BareCreateCall() => _pairs.Bare.CreateCallAsync(CannedBodies.AssistantId, CannedBodies.PhoneNumberId, CannedBodies.Number);

    [Benchmark(Description = "SDK")]
    [BenchmarkCategory(CreateCall)]
    public Task<VapiCall> SdkCreateCall() => _pairs.Vapi.Calls.CreateAsync(OverheadPairs.NewCall());

    [Benchmark(Description = "SDK + rate limiter")]
    [BenchmarkCategory(CreateCall)]
    public Task<VapiCall> SdkLimitedCreateCall() => _pairs.VapiLimited.Calls.CreateAsync(OverheadPairs.NewCall());
}
